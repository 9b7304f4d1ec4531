package dev.semdex.lab.bench;

import java.util.Map;
import java.util.Optional;

/**
 * Multiply-add work of a BERT-style encoder for one passage, to turn passages/s into a share of the machine's matrix
 * multiply rate. Per layer and token: the Q, K, V and output projections (4·d²) and the feed-forward block
 * (2·d·ffn), twice that in FLOPs; attention adds 4·L²·d per layer at length L. Embedding lookup, layer norms,
 * softmax and pooling are left out, so the figure is a slight underestimate of the work done.
 *
 * @param layers transformer layers
 * @param hidden hidden size d
 * @param ffn    feed-forward width
 */
record EncoderFlops(int layers, int hidden, int ffn) {

    private static final Map<String, EncoderFlops> KNOWN = Map.of(
            "all-minilm-l6-v2", new EncoderFlops(6, 384, 1536),
            "bge-small-en-v1.5", new EncoderFlops(12, 384, 1536),
            "e5-small-v2", new EncoderFlops(12, 384, 1536),
            "jina-embeddings-v2-small-en", new EncoderFlops(4, 512, 2048),
            "jina-embeddings-v2-base-en", new EncoderFlops(12, 768, 3072));

    /** The shape of a catalog model (an int8 variant has its fp32 model's shape). */
    static Optional<EncoderFlops> of(String modelId) {
        String base = modelId.endsWith("-q") ? modelId.substring(0, modelId.length() - 2) : modelId;
        return Optional.ofNullable(KNOWN.get(base));
    }

    /** FLOPs to encode one passage of {@code tokens} tokens (special tokens included). */
    double forPassage(int tokens) {
        double perToken = 2.0 * (4.0 * hidden * hidden + 2.0 * hidden * ffn);
        double attention = 4.0 * tokens * (double) tokens * hidden;
        return layers * (tokens * perToken + attention);
    }
}
