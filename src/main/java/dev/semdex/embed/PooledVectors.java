package dev.semdex.embed;

import java.util.List;

/**
 * An embedder that can also show the pooled vector before it is scaled to unit length. Reference implementations
 * (sentence-transformers, LlamaIndex's HuggingFaceEmbedding) print that vector, so it is what a user compares with
 * when checking that a model runs here as it does there; search only ever uses the normalised one.
 */
public interface PooledVectors {

    /** The pooled vectors of passages (passage prefix added), in order, not normalised. */
    List<float[]> pooledPassages(List<String> passages);

    /** The pooled vector of a query (query prefix added), not normalised. */
    float[] pooledQuery(String query);
}
