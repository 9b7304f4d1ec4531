package dev.semdex.embed;

import dev.semdex.SemdexException;
import dev.semdex.embed.djl.DjlEmbedder;
import dev.semdex.embed.hub.UserModels;
import dev.semdex.embed.ollama.OllamaConfig;
import dev.semdex.embed.ollama.OllamaEmbedder;

/** Opens the right embedder for a catalog entry; the one place that knows which runtime serves which source. */
public final class EmbedderFactory {

    private final ModelCatalog catalog;
    private final BundledModelFiles bundled;
    private volatile int threads;
    private volatile OllamaConfig ollama = OllamaConfig.of(OllamaConfig.DEFAULT_URL);
    private volatile UserModels userModels;

    public EmbedderFactory(ModelCatalog catalog, BundledModelFiles bundled, int threads) {
        this.catalog = catalog;
        this.bundled = bundled;
        this.threads = threads;
    }

    /** Sessions per local embedder opened from now on; embedders already open keep theirs. */
    public void threads(int threads) {
        this.threads = Math.max(1, threads);
    }

    public int threads() {
        return threads;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    /** The Ollama server that {@code ollama:<model>} ids embed on from now on. */
    public void ollama(OllamaConfig config) {
        this.ollama = config;
    }

    public OllamaConfig ollama() {
        return ollama;
    }

    /** The downloaded and added models, opened from their folders. */
    public void userModels(UserModels models) {
        this.userModels = models;
    }

    public Embedder open(String modelId) {
        ModelSpec spec = catalog.require(modelId);
        if (spec.source() == ModelSource.OLLAMA) {
            return OllamaEmbedder.open(ollama, spec);
        }
        if (spec.source() == ModelSource.BUNDLED) {
            BundledModelFiles.ModelFiles files = bundled.materialize(spec);
            return DjlEmbedder.open(spec, files.model(), files.tokenizer(), threads);
        }
        UserModels user = userModels;
        UserModels.Entry local = user == null ? null : user.find(modelId).orElse(null);
        if (local != null) {
            if (!local.filesPresent()) {
                throw new SemdexException("The files of model '" + modelId + "' are gone from " + local.dir()
                        + ". Run 'semdex models " + (local.repo() != null ? "pull " + modelId : "add <dir>")
                        + "' again.");
            }
            return DjlEmbedder.open(spec, local.modelPath(), local.tokenizerPath(), threads);
        }
        throw new SemdexException("Model '" + modelId + "' is not on this machine yet. Run 'semdex models pull "
                + modelId + "' to download it.");
    }
}
