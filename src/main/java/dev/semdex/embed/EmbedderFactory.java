package dev.semdex.embed;

import dev.semdex.SemdexException;
import dev.semdex.embed.djl.DjlEmbedder;

/** Opens the right embedder for a catalog entry; the one place that knows which runtime serves which source. */
public final class EmbedderFactory {

    private final ModelCatalog catalog;
    private final BundledModelFiles bundled;
    private final int threads;

    public EmbedderFactory(ModelCatalog catalog, BundledModelFiles bundled, int threads) {
        this.catalog = catalog;
        this.bundled = bundled;
        this.threads = threads;
    }

    public ModelCatalog catalog() {
        return catalog;
    }

    public Embedder open(String modelId) {
        ModelSpec spec = catalog.require(modelId);
        if (spec.source() == ModelSource.BUNDLED) {
            BundledModelFiles.ModelFiles files = bundled.materialize(spec);
            return DjlEmbedder.open(spec, files.model(), files.tokenizer(), threads);
        }
        throw new SemdexException("Model '" + modelId + "' is not available on this machine yet: downloading "
                + "models from Hugging Face is not supported in this version. Use one of the bundled models.");
    }
}
