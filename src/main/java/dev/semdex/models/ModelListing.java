package dev.semdex.models;

import dev.semdex.SemdexException;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.ModelSource;
import dev.semdex.embed.ModelSpec;
import dev.semdex.embed.OllamaModels;
import dev.semdex.embed.hub.ModelManager;
import dev.semdex.embed.hub.UserModels;
import dev.semdex.embed.ollama.OllamaClient;
import dev.semdex.embed.ollama.OllamaConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of the model manager and of {@code semdex models}: every catalog, downloaded and added model with its
 * state, plus the embedding models on the configured Ollama server. An Ollama server that does not answer is a
 * note on the listing, never a failure: the local models are still worth seeing.
 */
public final class ModelListing {

    /** How long the listing waits for an Ollama server before saying it is unreachable. */
    static final Duration OLLAMA_TIMEOUT = Duration.ofSeconds(3);

    public static final String BUNDLED = "bundled";
    public static final String AVAILABLE = "available";
    public static final String OLLAMA = "Ollama";

    /**
     * One model as the user sees it.
     *
     * @param downloadBytes 0 when nothing is to download (bundled, Ollama) or the size is unknown
     * @param engine        "ONNX Runtime", "PyTorch" or "Ollama"
     * @param state         {@link #BUNDLED}, "downloaded", "added", {@link #AVAILABLE}, "missing" (files gone) or
     *                      {@link #OLLAMA}
     */
    public record Entry(String id, String name, String parameters, int dimension, int maxTokens, int chunkTokens,
            long downloadBytes, String licence, String engine, String state, ModelSource source) {

        /** Whether indexing with it works without a download. */
        public boolean usable() {
            return !AVAILABLE.equals(state) && !"missing".equals(state);
        }

        public boolean removable() {
            return UserModels.DOWNLOADED.equals(state) || UserModels.ADDED.equals(state) || "missing".equals(state);
        }
    }

    /** The rows, and a line about the Ollama server when there is something to say (unreachable, no models). */
    public record Listing(List<Entry> entries, Optional<String> ollamaNote) {}

    private ModelListing() {}

    /**
     * @param ollama the server to ask, or null to leave Ollama out (none configured)
     */
    public static Listing list(ModelCatalog catalog, ModelManager manager, UserModels user, OllamaConfig ollama) {
        List<Entry> entries = new ArrayList<>();
        for (ModelSpec m : catalog.all()) {
            String state = manager.state(m);
            Optional<UserModels.Entry> local = user.find(m.id());
            String engine = local.map(e -> e.modelFile().endsWith(".pt") ? "PyTorch" : "ONNX Runtime")
                    .orElse("ONNX Runtime");
            entries.add(new Entry(m.id(), m.displayName(), m.details().parameters(), m.dimension(), m.maxTokens(),
                    m.chunkTokens(), ModelSource.BUNDLED == m.source() ? 0 : m.details().downloadBytes(),
                    m.details().licence(), engine, state, m.source()));
        }
        Optional<String> note = Optional.empty();
        if (ollama != null) {
            note = addOllama(entries, ollama);
        }
        return new Listing(List.copyOf(entries), note);
    }

    private static Optional<String> addOllama(List<Entry> entries, OllamaConfig config) {
        OllamaClient client = new OllamaClient(config.withTimeout(OLLAMA_TIMEOUT));
        List<OllamaClient.TaggedModel> models;
        try {
            models = client.taggedModels();
        } catch (SemdexException e) {
            return Optional.of("Ollama server " + config.baseUrl() + " not reachable, its models are not listed ("
                    + firstSentence(e.getMessage()) + ").");
        }
        int before = entries.size();
        for (OllamaClient.TaggedModel m : models) {
            if (!m.mayEmbed()) {
                continue;
            }
            String id = OllamaModels.qualify(OllamaModels.PREFIX + m.name(), config.baseUrl());
            ModelSpec spec = OllamaModels.spec(id);
            entries.add(new Entry(id, spec.displayName(), m.parameterSize(), 0, spec.maxTokens(), spec.chunkTokens(),
                    0, "", "Ollama", OLLAMA, ModelSource.OLLAMA));
        }
        return entries.size() == before
                ? Optional.of("Ollama server " + config.baseUrl() + " has no embedding models; pull one there, e.g. "
                        + "`ollama pull nomic-embed-text`.")
                : Optional.empty();
    }

    private static String firstSentence(String message) {
        int dot = message.indexOf(". ");
        return dot < 0 ? message : message.substring(0, dot);
    }
}
