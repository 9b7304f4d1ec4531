package dev.semdex.embed;

/**
 * What Semdex must know about an embedding model to use it correctly. Getting any of these wrong does not fail
 * loudly, it only ranks worse: a missing query prefix or the wrong pooling costs several points of nDCG.
 *
 * @param id            stable identifier stored in the index next to every vector of this model
 * @param dimension     length of the vectors (probed again at load; the probe wins)
 * @param maxTokens     the length the model was trained for, special tokens included
 * @param chunkTokens   how many tokens a chunk holds at most when indexing with this model
 * @param tokenizerFamily models of one family split text identically, so they can share chunks
 * @param resourceBase  for bundled models, the name of the ONNX file and tokenizer inside the jar (without suffix)
 */
public record ModelSpec(
        String id,
        String displayName,
        int dimension,
        int maxTokens,
        int chunkTokens,
        Pooling pooling,
        String queryPrefix,
        String passagePrefix,
        ModelSource source,
        String tokenizerFamily,
        String resourceBase,
        String huggingFaceRepo,
        boolean quantized) {

    /** Chunks are shared between models that tokenise alike and take chunks of the same size. */
    public String chunkProfile() {
        return tokenizerFamily + ":" + chunkTokens;
    }

    public boolean availableOffline() {
        return source == ModelSource.BUNDLED;
    }
}
