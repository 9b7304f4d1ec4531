package dev.semdex.embed.djl;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import dev.semdex.embed.Pooling;

/**
 * Feeds one passage to a BERT-style encoder and pools its token vectors in plain Java. One passage per call: on
 * this class of machine two single-threaded sessions running batch-1 beat padded batches (see the performance notes).
 * The pooled vector comes out as the model made it; normalising is the embedder's step, so that the raw vector can
 * be compared with a reference implementation's.
 */
final class PoolingTranslator implements NoBatchifyTranslator<String, float[]> {

    private final HuggingFaceTokenizer tokenizer;
    private final Pooling pooling;
    private final boolean tokenTypes;

    PoolingTranslator(HuggingFaceTokenizer tokenizer, Pooling pooling, boolean tokenTypes) {
        this.tokenizer = tokenizer;
        this.pooling = pooling;
        this.tokenTypes = tokenTypes;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, String input) {
        Encoding encoding = tokenizer.encode(input);
        NDManager manager = ctx.getNDManager();
        Shape shape = new Shape(1, encoding.getIds().length);
        NDArray ids = manager.create(encoding.getIds(), shape);
        ids.setName("input_ids");
        NDArray mask = manager.create(encoding.getAttentionMask(), shape);
        mask.setName("attention_mask");
        if (!tokenTypes) {
            return new NDList(ids, mask);
        }
        NDArray types = manager.create(encoding.getTypeIds(), shape);
        types.setName("token_type_ids");
        return new NDList(ids, mask, types);
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
        NDArray hidden = list.contains("last_hidden_state") ? list.get("last_hidden_state") : list.get(0);
        long[] shape = hidden.getShape().getShape();
        float[] values = hidden.toFloatArray();
        int width = (int) shape[shape.length - 1];
        int tokens = values.length / width;
        float[] pooled = new float[width];
        if (pooling == Pooling.CLS || tokens == 1) {
            System.arraycopy(values, 0, pooled, 0, width);
        } else {
            for (int t = 0; t < tokens; t++) {
                int base = t * width;
                for (int d = 0; d < width; d++) {
                    pooled[d] += values[base + d];
                }
            }
            for (int d = 0; d < width; d++) {
                pooled[d] /= tokens;
            }
        }
        return pooled;
    }
}
