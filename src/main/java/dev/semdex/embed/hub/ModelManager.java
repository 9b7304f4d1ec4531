package dev.semdex.embed.hub;

import dev.semdex.embed.DownloadListener;
import dev.semdex.SemdexException;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.ModelSource;
import dev.semdex.embed.ModelSpec;
import dev.semdex.embed.Pooling;
import dev.semdex.embed.djl.ClipEmbedder;
import dev.semdex.embed.djl.DjlEmbedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.io.file.PathUtils;

/**
 * Pulls models from the Hugging Face hub and adds local model folders. Either way the model is loaded once to
 * probe its real output length, recorded in {@link UserModels} and registered in the catalog.
 */
public final class ModelManager {

    /** Settings the user can force when the folder's config files are missing or wrong; nulls keep them. */
    public record Overrides(Pooling pooling, Integer maxTokens, String queryPrefix, String passagePrefix) {
        public static final Overrides NONE = new Overrides(null, null, null, null);
    }

    /** What a pull or add produced, with warnings for the user (e.g. a config that lies about the dimension). */
    public record Result(UserModels.Entry model, String engine, List<String> warnings) {}

    private final ModelCatalog catalog;
    private final UserModels userModels;
    private final HubClient hub;
    private final Path downloadDir;

    /**
     * @param downloadDir where pulled repositories go, one sub-folder each (e.g. the model cache's {@code hub})
     */
    public ModelManager(ModelCatalog catalog, UserModels userModels, HubClient hub, Path downloadDir) {
        this.catalog = catalog;
        this.userModels = userModels;
        this.hub = hub;
        this.downloadDir = downloadDir;
    }

    /** "bundled", "downloaded", "added", "ollama", "missing" (files gone) or "available" (can be pulled). */
    public String state(ModelSpec spec) {
        if (spec.source() == ModelSource.BUNDLED) {
            return "bundled";
        }
        if (spec.source() == ModelSource.OLLAMA) {
            return "ollama";
        }
        Optional<UserModels.Entry> user = userModels.find(spec.id());
        if (user.isPresent()) {
            return user.get().filesPresent() ? user.get().origin() : "missing";
        }
        return "available";
    }

    /**
     * Downloads a catalog model or any hub repository with a tokenizer.json and an ONNX or TorchScript file.
     *
     * @param idOrRepo a catalog id ({@code jina-embeddings-v2-small-en}) or a repository ({@code owner/name})
     * @param revision a branch, tag or commit; null means {@code main}
     */
    public Result pull(String idOrRepo, String revision, DownloadListener listener) {
        ModelSpec known = catalog.find(idOrRepo).orElse(null);
        String pinnedRevision = known == null ? null : known.details().revision();
        String rev = revision != null && !revision.isBlank() ? revision
                : pinnedRevision != null ? pinnedRevision : "main";
        boolean checkPinned = known != null && rev.equals(pinnedRevision != null ? pinnedRevision : "main");
        String repo;
        String id;
        if (known != null) {
            if (known.source() == ModelSource.BUNDLED) {
                throw new SemdexException("'" + idOrRepo + "' is bundled with Semdex; there is nothing to download.");
            }
            if (known.huggingFaceRepo() == null) {
                throw new SemdexException("'" + idOrRepo + "' is not a Hugging Face model.");
            }
            repo = known.huggingFaceRepo();
            id = known.id();
        } else if (idOrRepo.matches("[\\w.-]+/[\\w.-]+")) {
            repo = idOrRepo;
            id = idOrRepo;
        } else {
            throw new SemdexException("Unknown model '" + idOrRepo + "'. Give a catalog id (see 'semdex models') or "
                    + "a Hugging Face repository as owner/name.");
        }
        HubClient.FileInfo tokenizer = hub.head(repo, rev, "tokenizer.json").orElseThrow(() ->
                new SemdexException("The repository " + repo + " (revision " + rev + ") on " + hub.endpoint()
                        + " has no tokenizer.json, or does not exist. Semdex needs tokenizer.json and "
                        + "model.onnx, onnx/model.onnx or model.pt."));
        List<HubClient.FileInfo> towers = new ArrayList<>();
        for (String name : TwoTowerFolder.TOWER_FILES) {
            hub.head(repo, rev, name).ifPresent(towers::add);
        }
        if (towers.size() == TwoTowerFolder.TOWER_FILES.size()) {
            return pullTwoTower(repo, rev, id, known, checkPinned, tokenizer, towers, listener);
        }
        HubClient.FileInfo model = null;
        List<String> candidates = new ArrayList<>();
        if (checkPinned) {
            // a catalog model names its file by pinning it (e.g. onnx/model_quantized.onnx for an int8 model)
            known.details().sha256().keySet().stream().filter(f -> f.endsWith(".onnx")).sorted()
                    .forEach(candidates::add);
        }
        candidates.addAll(ModelFolder.MODEL_FILES);
        for (String name : candidates) {
            Optional<HubClient.FileInfo> f = hub.head(repo, rev, name);
            if (f.isPresent()) {
                model = f.get();
                break;
            }
        }
        if (model == null) {
            throw new SemdexException("The repository " + repo + " has no model.onnx, onnx/model.onnx or model.pt. "
                    + "Semdex cannot run safetensors weights; look for an ONNX export of the model (often under "
                    + "the Xenova/ or onnx-community/ owners).");
        }
        List<HubClient.FileInfo> files = new ArrayList<>(List.of(tokenizer, model));
        for (String name : ModelFolder.CONFIG_FILES) {
            hub.head(repo, rev, name).ifPresent(files::add);
        }
        Path dir = downloadDir.resolve("models--" + repo.replace("/", "--")
                + (rev.equals("main") ? "" : "--" + rev.replaceAll("[^\\w.-]", "_")));
        for (HubClient.FileInfo f : files) {
            String pinned = checkPinned ? known.details().sha256Of(f.file()) : null;
            // a model file under another name is kept as model.onnx, where ModelFolder looks first
            String local = f == model && !ModelFolder.MODEL_FILES.contains(f.file()) ? "model.onnx" : f.file();
            hub.download(f, dir.resolve(local), pinned, listener);
        }
        ModelFolder folder = ModelFolder.inspect(dir);
        List<String> warnings = new ArrayList<>();
        Pooling pooling = known != null ? known.pooling() : folder.pooling();
        int maxTokens = known != null ? known.maxTokens() : folder.maxTokens();
        int chunkTokens = known != null ? known.chunkTokens() : Math.min(512, folder.maxTokens());
        String name = known != null ? known.displayName() : repo;
        if (known == null) {
            folder.notes().forEach(warnings::add);
        }
        UserModels.Entry draft = new UserModels.Entry(id, name, UserModels.DOWNLOADED, repo, rev, dir.toString(),
                folder.modelFile().toString(), folder.tokenizer().toString(), pooling.name(), maxTokens, chunkTokens,
                -1, folder.configDimension(), known == null ? "" : known.queryPrefix(),
                known == null ? "" : known.passagePrefix(), known == null ? null : known.tokenizerFamily(), null,
                null);
        return finish(draft, folder, known, warnings);
    }

    /** Registers a local folder in Hugging Face layout; the files stay where they are. */
    public Result add(Path dir, String requestedId, Overrides overrides) {
        if (TwoTowerFolder.recognises(dir)) {
            return addTwoTower(dir, requestedId, overrides);
        }
        ModelFolder folder = ModelFolder.inspect(dir);
        String id = requestedId == null || requestedId.isBlank()
                ? folder.dir().getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                : requestedId.strip();
        Optional<ModelSpec> clash = catalog.find(id);
        if (clash.isPresent() && userModels.find(id).isEmpty()) {
            throw new SemdexException("'" + id + "' is already a model in the catalog; choose another id with --id.");
        }
        Overrides o = overrides == null ? Overrides.NONE : overrides;
        List<String> warnings = new ArrayList<>();
        Pooling pooling = o.pooling() != null ? o.pooling() : folder.pooling();
        int maxTokens = o.maxTokens() != null ? o.maxTokens() : folder.maxTokens();
        if (o.pooling() == null || o.maxTokens() == null) {
            folder.notes().forEach(warnings::add);
        }
        UserModels.Entry draft = new UserModels.Entry(id, id, UserModels.ADDED, null, null, folder.dir().toString(),
                folder.modelFile().toString(), folder.tokenizer().toString(), pooling.name(), maxTokens,
                Math.min(512, maxTokens), -1, folder.configDimension(),
                o.queryPrefix() == null ? "" : o.queryPrefix(), o.passagePrefix() == null ? "" : o.passagePrefix(),
                null, null, null);
        return finish(draft, folder, null, warnings);
    }

    /**
     * A CLIP-style repository: both towers, the picture preprocessing, the tokenizer and the config files, into the
     * same layout as on the hub.
     */
    private Result pullTwoTower(String repo, String rev, String id, ModelSpec known, boolean checkPinned,
            HubClient.FileInfo tokenizer, List<HubClient.FileInfo> towers, DownloadListener listener) {
        List<HubClient.FileInfo> files = new ArrayList<>(List.of(tokenizer));
        files.addAll(towers);
        for (String name : ModelFolder.CONFIG_FILES) {
            hub.head(repo, rev, name).ifPresent(files::add);
        }
        Path dir = downloadDir.resolve("models--" + repo.replace("/", "--")
                + (rev.equals("main") ? "" : "--" + rev.replaceAll("[^\\w.-]", "_")));
        for (HubClient.FileInfo f : files) {
            hub.download(f, dir.resolve(f.file()), checkPinned ? known.details().sha256Of(f.file()) : null, listener);
        }
        TwoTowerFolder folder = TwoTowerFolder.inspect(dir);
        int maxTokens = known != null ? known.maxTokens() : folder.maxTokens();
        UserModels.Entry draft = new UserModels.Entry(id, known != null ? known.displayName() : repo,
                UserModels.DOWNLOADED, repo, rev, dir.toString(), folder.textModel().toString(),
                folder.tokenizer().toString(), Pooling.MEAN.name(), maxTokens,
                known != null ? known.chunkTokens() : Math.min(512, maxTokens), -1, folder.configDimension(),
                known == null ? "" : known.queryPrefix(), known == null ? "" : known.passagePrefix(),
                known == null ? null : known.tokenizerFamily(), folder.visionModel().toString(),
                folder.preprocessor().toString());
        return finishTwoTower(draft, folder, known, new ArrayList<>());
    }

    private Result addTwoTower(Path dir, String requestedId, Overrides overrides) {
        TwoTowerFolder folder = TwoTowerFolder.inspect(dir);
        String id = requestedId == null || requestedId.isBlank()
                ? folder.dir().getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                : requestedId.strip();
        if (catalog.find(id).isPresent() && userModels.find(id).isEmpty()) {
            throw new SemdexException("'" + id + "' is already a model in the catalog; choose another id with --id.");
        }
        Overrides o = overrides == null ? Overrides.NONE : overrides;
        int maxTokens = o.maxTokens() != null ? o.maxTokens() : folder.maxTokens();
        UserModels.Entry draft = new UserModels.Entry(id, id, UserModels.ADDED, null, null, folder.dir().toString(),
                folder.textModel().toString(), folder.tokenizer().toString(), Pooling.MEAN.name(), maxTokens,
                Math.min(512, maxTokens), -1, folder.configDimension(),
                o.queryPrefix() == null ? "" : o.queryPrefix(), o.passagePrefix() == null ? "" : o.passagePrefix(),
                null, folder.visionModel().toString(), folder.preprocessor().toString());
        return finishTwoTower(draft, folder, null, new ArrayList<>());
    }

    /** Loads both towers once (they must agree on the space's size), then records and registers the model. */
    private Result finishTwoTower(UserModels.Entry draft, TwoTowerFolder folder, ModelSpec known,
            List<String> warnings) {
        int probed;
        try (ClipEmbedder embedder = ClipEmbedder.open(draft.toSpec(), folder.textModel(), folder.visionModel(),
                folder.tokenizer(), folder.preprocessor(), 1)) {
            probed = embedder.dimension();
        }
        return record(draft, probed, known, warnings, "OnnxRuntime (text and image towers)");
    }

    /**
     * Forgets a downloaded or added model. A download's folder in the cache is deleted (it is Semdex's copy); an
     * added folder is the user's own and stays where it is.
     *
     * @return whether files were deleted
     */
    public boolean remove(String id) {
        UserModels.Entry entry = userModels.find(id).orElseThrow(() -> new SemdexException("'" + id + "' is not a "
                + "downloaded or added model."));
        boolean delete = UserModels.DOWNLOADED.equals(entry.origin());
        Path dir = Path.of(entry.dir()).toAbsolutePath().normalize();
        if (delete && !dir.startsWith(downloadDir.toAbsolutePath().normalize())) {
            delete = false; // recorded by an older version somewhere else: never delete outside the cache
        }
        if (delete) {
            deleteTree(dir);
        }
        userModels.remove(id);
        catalog.unregister(id);
        return delete;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            PathUtils.deleteDirectory(dir);
        } catch (IOException | UncheckedIOException e) {
            throw new SemdexException("Cannot delete the model files in " + dir + ": " + e.getMessage()
                    + ". Close programs using them and try again.", e);
        }
    }

    private Result finish(UserModels.Entry draft, ModelFolder folder, ModelSpec known, List<String> warnings) {
        int probed;
        try (DjlEmbedder embedder = DjlEmbedder.open(draft.toSpec(), folder.modelFile(), folder.tokenizer(), 1)) {
            probed = embedder.dimension();
        }
        return record(draft, probed, known, warnings, folder.engine());
    }

    /**
     * Records and registers a model whose dimension was just measured by loading it; where the catalog or the
     * model's config files claim another, the measured one wins and the user is told.
     */
    private Result record(UserModels.Entry draft, int probed, ModelSpec known, List<String> warnings,
            String engine) {
        if (known != null && known.dimension() != probed) {
            warnings.add("the catalog says " + known.id() + " has " + known.dimension() + " dimensions, but the "
                    + "model produces " + probed + "; using " + probed);
        }
        if (draft.configDimension() > 0 && draft.configDimension() != probed) {
            warnings.add("the model's config files claim " + draft.configDimension() + " dimensions, but it "
                    + "produces " + probed + "; using " + probed);
        }
        UserModels.Entry entry = new UserModels.Entry(draft.id(), draft.displayName(), draft.origin(), draft.repo(),
                draft.revision(), draft.dir(), draft.modelFile(), draft.tokenizer(), draft.pooling(),
                draft.maxTokens(), draft.chunkTokens(), probed, draft.configDimension(), draft.queryPrefix(),
                draft.passagePrefix(), draft.tokenizerFamily(), draft.visionModel(), draft.preprocessor());
        userModels.put(entry);
        catalog.register(entry.toSpec());
        return new Result(entry, engine, List.copyOf(warnings));
    }
}
