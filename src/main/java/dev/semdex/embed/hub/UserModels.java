package dev.semdex.embed.hub;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.semdex.SemdexException;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.ModelSource;
import dev.semdex.embed.ModelSpec;
import dev.semdex.embed.Pooling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models the user downloaded or added, kept as JSON in the data folder ({@code models.json}) so that
 * {@code --model <id>} finds them in every later run.
 */
public final class UserModels {

    public static final String FILE_NAME = "models.json";
    public static final String DOWNLOADED = "downloaded";
    public static final String ADDED = "added";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One user model.
     *
     * @param origin          {@link #DOWNLOADED} or {@link #ADDED}
     * @param repo            the hub repository it came from, or null
     * @param dimension       the output length probed when it was pulled or added
     * @param configDimension what its config files claim, or -1
     * @param visionModel     a two-tower model's image tower ({@code modelFile} is then its text tower), else null
     * @param preprocessor    a two-tower model's {@code preprocessor_config.json}, else null
     */
    public record Entry(String id, String displayName, String origin, String repo, String revision, String dir,
            String modelFile, String tokenizer, String pooling, int maxTokens, int chunkTokens, int dimension,
            int configDimension, String queryPrefix, String passagePrefix, String tokenizerFamily,
            String visionModel, String preprocessor) {

        /** Whether it embeds pictures as well as text (a CLIP-style model). */
        public boolean twoTower() {
            return visionModel != null && preprocessor != null;
        }

        public Path modelPath() {
            return Path.of(modelFile);
        }

        public Path tokenizerPath() {
            return Path.of(tokenizer);
        }

        public boolean filesPresent() {
            return Files.isRegularFile(modelPath()) && Files.isRegularFile(tokenizerPath())
                    && (!twoTower() || Files.isRegularFile(Path.of(visionModel))
                            && Files.isRegularFile(Path.of(preprocessor)));
        }

        public ModelSpec toSpec() {
            return new ModelSpec(id, displayName, dimension, maxTokens, chunkTokens,
                    Pooling.valueOf(pooling), nz(queryPrefix), nz(passagePrefix), ModelSource.DOWNLOAD,
                    tokenizerFamily == null ? "user:" + id : tokenizerFamily, null, repo, false);
        }

        private static String nz(String s) {
            return s == null ? "" : s;
        }
    }

    private final Path file;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private UserModels(Path file) {
        this.file = file;
    }

    /** Reads {@code models.json} from the data folder; a missing file means no user models yet. */
    public static UserModels load(Path dataDir) {
        UserModels models = new UserModels(dataDir.resolve(FILE_NAME));
        if (Files.isRegularFile(models.file)) {
            try {
                List<Entry> list = JSON.readValue(models.file.toFile(), new TypeReference<List<Entry>>() { });
                for (Entry e : list) {
                    if (e != null && e.id() != null) {
                        models.entries.put(e.id(), e);
                    }
                }
            } catch (IOException e) {
                throw new SemdexException("Cannot read the list of your models " + models.file + ": "
                        + e.getMessage() + ". Fix or delete the file.", e);
            }
        }
        return models;
    }

    public synchronized List<Entry> all() {
        return List.copyOf(entries.values());
    }

    public synchronized Optional<Entry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** Adds or replaces an entry and saves the file at once. */
    public synchronized void put(Entry entry) {
        entries.put(entry.id(), entry);
        save();
    }

    public synchronized boolean remove(String id) {
        boolean removed = entries.remove(id) != null;
        if (removed) {
            save();
        }
        return removed;
    }

    /** Makes every user model known to the catalog (a downloaded catalog model gets its probed dimension). */
    public synchronized void registerInto(ModelCatalog catalog) {
        for (Entry e : entries.values()) {
            catalog.register(e.toSpec());
        }
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            JSON.writeValue(tmp.toFile(), new ArrayList<>(entries.values()));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SemdexException("Cannot save the list of your models to " + file + ": " + e.getMessage(), e);
        }
    }
}
