package dev.semdex.models;

import dev.semdex.chunk.TextTokenizer;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelSpec;
import java.util.List;
import java.util.function.Function;

/**
 * A model for code that keeps an {@link Embedder} and calls it now and then (the lab's comparisons and quality
 * runs): each call leases the model's current shared embedder for just that call, so a new thread count never
 * closes a model in the middle of a call, and the next call gets the model opened with the new count.
 */
final class LeasingEmbedder implements Embedder {

    private final String modelId;
    private final Function<String, EmbedderLease> leases;

    LeasingEmbedder(String modelId, Function<String, EmbedderLease> leases) {
        this.modelId = modelId;
        this.leases = leases;
    }

    private <T> T withModel(Function<Embedder, T> call) {
        try (EmbedderLease lease = leases.apply(modelId)) {
            return call.apply(lease.embedder());
        }
    }

    @Override
    public ModelSpec model() {
        return withModel(Embedder::model);
    }

    @Override
    public int dimension() {
        return withModel(Embedder::dimension);
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        return withModel(e -> e.embedPassages(passages));
    }

    @Override
    public float[] embedQuery(String query) {
        return withModel(e -> e.embedQuery(query));
    }

    @Override
    public TextTokenizer tokenizer() {
        return withModel(Embedder::tokenizer);
    }

    @Override
    public int maxPassageTokens() {
        return withModel(Embedder::maxPassageTokens);
    }

    @Override
    public int passagesPerCall() {
        return withModel(Embedder::passagesPerCall);
    }

    @Override
    public List<String> warnings() {
        return withModel(Embedder::warnings);
    }

    /** The shared embedder is the pool's to close. */
    @Override
    public void close() {
    }
}
