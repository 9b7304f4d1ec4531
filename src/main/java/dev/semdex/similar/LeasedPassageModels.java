package dev.semdex.similar;

import dev.semdex.embed.Embedder;
import dev.semdex.models.EmbedderLease;
import dev.semdex.models.ModelService;
import java.util.function.Function;

/** The app's models, each leased for one piece of work, as search leases them. */
public final class LeasedPassageModels implements PassageModels {

    private final ModelService models;

    public LeasedPassageModels(ModelService models) {
        this.models = models;
    }

    @Override
    public String canonicalId(String modelId) {
        return models.canonicalId(modelId);
    }

    @Override
    public <T> T withEmbedder(String modelId, Function<Embedder, T> work) {
        try (EmbedderLease lease = models.lease(modelId)) {
            return work.apply(lease.embedder());
        }
    }
}
