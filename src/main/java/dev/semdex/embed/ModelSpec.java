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
 * @param details       what the model manager shows (parameters, download size, licence) and pinned checksums
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
        boolean quantized,
        ModelDetails details) {

    public ModelSpec {
        details = details == null ? ModelDetails.NONE : details;
    }

    /** An entry without catalog details (user models, Ollama models). */
    public ModelSpec(String id, String displayName, int dimension, int maxTokens, int chunkTokens, Pooling pooling,
            String queryPrefix, String passagePrefix, ModelSource source, String tokenizerFamily, String resourceBase,
            String huggingFaceRepo, boolean quantized) {
        this(id, displayName, dimension, maxTokens, chunkTokens, pooling, queryPrefix, passagePrefix, source,
                tokenizerFamily, resourceBase, huggingFaceRepo, quantized, ModelDetails.NONE);
    }

    /** The same model cutting chunks of another size (which gives it another chunk profile). */
    public ModelSpec withChunkTokens(int tokens) {
        return new ModelSpec(id, displayName, dimension, maxTokens, tokens, pooling, queryPrefix, passagePrefix,
                source, tokenizerFamily, resourceBase, huggingFaceRepo, quantized, details);
    }

    /** The same model with the output length an embedder measured. */
    public ModelSpec withDimension(int probed) {
        return new ModelSpec(id, displayName, probed, maxTokens, chunkTokens, pooling, queryPrefix, passagePrefix,
                source, tokenizerFamily, resourceBase, huggingFaceRepo, quantized, details);
    }

    /** The same model with the catalog's details (a downloaded catalog model keeps its licence and size). */
    public ModelSpec withDetails(ModelDetails newDetails) {
        return new ModelSpec(id, displayName, dimension, maxTokens, chunkTokens, pooling, queryPrefix, passagePrefix,
                source, tokenizerFamily, resourceBase, huggingFaceRepo, quantized, newDetails);
    }

    /** The same model under another id (an Ollama model qualified with its server). */
    public ModelSpec withId(String newId) {
        return new ModelSpec(newId, displayName, dimension, maxTokens, chunkTokens, pooling, queryPrefix,
                passagePrefix, source, tokenizerFamily, resourceBase, huggingFaceRepo, quantized, details);
    }

    /** Chunks are shared between models that tokenise alike and take chunks of the same size. */
    public String chunkProfile() {
        return tokenizerFamily + ":" + chunkTokens;
    }

    public boolean availableOffline() {
        return source == ModelSource.BUNDLED;
    }
}
