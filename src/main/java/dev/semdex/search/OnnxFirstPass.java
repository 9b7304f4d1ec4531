package dev.semdex.search;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.semdex.search.OnnxModelBytes.Node;
import dev.semdex.search.OnnxModelBytes.Value;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.Map;

/**
 * The first pass on ONNX Runtime, which ships with Semdex for the embedding models: its integer matrix product uses
 * the CPU's SIMD instructions whether or not the JVM has the Vector API, which plain Java loops over bytes cannot
 * (the JIT does not vectorise widening byte arithmetic). The codes are handed over once, as a tensor over direct
 * memory, so a query copies only itself in and the scores out.
 */
final class OnnxFirstPass implements Int8FirstPass {

    private static final Cleaner CLEANER = Cleaner.create();

    private final OrtSession session;
    private final OnnxTensor codes;
    private final ByteBuffer queryBuffer;
    private final OnnxTensor query;
    private final IntBuffer scoreBuffer;
    private final OnnxTensor scores;
    private final int size;

    private OnnxFirstPass(OrtSession session, OnnxTensor codes, ByteBuffer queryBuffer, OnnxTensor query,
            IntBuffer scoreBuffer, OnnxTensor scores, int size) {
        this.session = session;
        this.codes = codes;
        this.queryBuffer = queryBuffer;
        this.query = query;
        this.scoreBuffer = scoreBuffer;
        this.scores = scores;
        this.size = size;
        CLEANER.register(this, new Release(session, codes, query, scores));
    }

    /** The pass over {@code size} rows of codes in {@code offHeap} (row after row), read in place. */
    static OnnxFirstPass over(ByteBuffer offHeap, int size, int dimension) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        byte[] model = OnnxModelBytes.model(13,
                new Value[] {new Value("codes", OnnxModelBytes.INT8, null, (long) dimension),
                        new Value("query", OnnxModelBytes.INT8, (long) dimension, 1L)},
                new Value[] {new Value("scores", OnnxModelBytes.INT32, null, 1L)},
                new Node("MatMulInteger", new String[] {"codes", "query"}, new String[] {"scores"}));
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
            options.setInterOpNumThreads(1);
            // Spinning threads would take CPU from embedding between queries.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            session = env.createSession(model, options);
        }
        OnnxTensor codes = OnnxTensor.createTensor(env, offHeap, new long[] {size, dimension}, OnnxJavaType.INT8);
        ByteBuffer queryBuffer = ByteBuffer.allocateDirect(dimension).order(ByteOrder.nativeOrder());
        OnnxTensor query = OnnxTensor.createTensor(env, queryBuffer, new long[] {dimension, 1}, OnnxJavaType.INT8);
        IntBuffer scoreBuffer = ByteBuffer.allocateDirect(Math.multiplyExact(size, Integer.BYTES))
                .order(ByteOrder.nativeOrder()).asIntBuffer();
        OnnxTensor scores = OnnxTensor.createTensor(env, scoreBuffer, new long[] {size, 1});
        return new OnnxFirstPass(session, codes, queryBuffer, query, scoreBuffer, scores, size);
    }

    @Override
    public synchronized void score(short[] q, int[] out) {
        for (int i = 0; i < q.length; i++) {
            queryBuffer.put(i, (byte) q[i]);
        }
        try (OrtSession.Result ignored = session.run(Map.of("codes", codes, "query", query),
                Map.of("scores", scores))) {
            scoreBuffer.get(0, out, 0, size);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on the int8 first pass: " + e.getMessage(), e);
        }
    }

    @Override
    public String engine() {
        return "onnxruntime";
    }

    @Override
    public boolean fasterThanExactScan() {
        return true;
    }

    /** Frees the native session and tensors once the pass is unreachable (the index was replaced). */
    private record Release(OrtSession session, OnnxTensor codes, OnnxTensor query, OnnxTensor scores)
            implements Runnable {
        @Override
        public void run() {
            codes.close();
            query.close();
            scores.close();
            try {
                session.close();
            } catch (OrtException ignored) {
                // Nothing more can be freed.
            }
        }
    }
}
