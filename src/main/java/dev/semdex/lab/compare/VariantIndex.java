package dev.semdex.lab.compare;

import dev.semdex.search.ChunkRanker;
import dev.semdex.search.VectorIndex;

/**
 * A model's vectors in a cheaper form ({@link VectorVariant}), searchable like the full index so the two rankings
 * can be compared. int8 scores the float query against de-quantised values (asymmetric, as vector databases do);
 * binary ranks by Hamming distance and re-scores {@value #RESCORE_FACTOR}× the asked depth with the shortened float
 * vectors, which a real deployment would read from disk for those candidates only.
 */
public final class VariantIndex {

    static final int RESCORE_FACTOR = 10;

    private final VectorVariant variant;
    private final int size;
    private final int dim;
    private final float[] reduced;
    private byte[] codes;
    private float[] minimum;
    private float[] step;
    private long[] bits;
    private int words;

    private VariantIndex(VectorVariant variant, int size, float[] reduced) {
        this.variant = variant;
        this.size = size;
        this.dim = variant.dimension();
        this.reduced = reduced;
    }

    public static VariantIndex build(VectorIndex full, VectorVariant variant) {
        if (variant.dimension() > full.dimension()) {
            throw new IllegalArgumentException("The model has only " + full.dimension() + " dimensions");
        }
        int n = full.size();
        int d = variant.dimension();
        float[] reduced = new float[n * d];
        full.forEachRow((v, row) -> System.arraycopy(shorten(v, d), 0, reduced, row * d, d));
        VariantIndex index = new VariantIndex(variant, n, reduced);
        switch (variant.precision()) {
            case INT8 -> index.quantiseInt8();
            case BINARY -> index.quantiseBinary();
            case F32 -> { }
        }
        return index;
    }

    /** The first {@code d} values of a unit vector, scaled back to unit length. */
    public static float[] shorten(float[] v, int d) {
        float[] out = new float[d];
        double norm = 0;
        for (int i = 0; i < d; i++) {
            out[i] = v[i];
            norm += (double) v[i] * v[i];
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < d; i++) {
                out[i] *= inv;
            }
        }
        return out;
    }

    private void quantiseInt8() {
        minimum = new float[dim];
        float[] maximum = new float[dim];
        java.util.Arrays.fill(minimum, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(maximum, Float.NEGATIVE_INFINITY);
        for (int row = 0; row < size; row++) {
            for (int i = 0; i < dim; i++) {
                float x = reduced[row * dim + i];
                minimum[i] = Math.min(minimum[i], x);
                maximum[i] = Math.max(maximum[i], x);
            }
        }
        step = new float[dim];
        for (int i = 0; i < dim; i++) {
            step[i] = size == 0 ? 1 : Math.max((maximum[i] - minimum[i]) / 255f, 1e-12f);
        }
        codes = new byte[size * dim];
        for (int row = 0; row < size; row++) {
            for (int i = 0; i < dim; i++) {
                int code = Math.round((reduced[row * dim + i] - minimum[i]) / step[i]);
                codes[row * dim + i] = (byte) (Math.max(0, Math.min(255, code)) - 128);
            }
        }
    }

    private void quantiseBinary() {
        words = (dim + 63) / 64;
        bits = new long[size * words];
        for (int row = 0; row < size; row++) {
            packSigns(reduced, row * dim, dim, bits, row * words);
        }
    }

    private static void packSigns(float[] values, int from, int d, long[] out, int at) {
        for (int i = 0; i < d; i++) {
            if (values[from + i] > 0) {
                out[at + (i >> 6)] |= 1L << (i & 63);
            }
        }
    }

    public VectorVariant variant() {
        return variant;
    }

    public int size() {
        return size;
    }

    /** Bytes the searched vectors take at this variant's precision. */
    public long indexBytes() {
        return size * variant.bytesPerVector();
    }

    /** Ranks this index's rows for a query given as a full-length model vector. */
    public ChunkRanker ranker(float[] fullQuery) {
        float[] q = shorten(fullQuery, dim);
        return switch (variant.precision()) {
            case F32 -> ChunkRanker.ofScores(dotAll(q));
            case INT8 -> ChunkRanker.ofScores(int8Scores(q));
            case BINARY -> depth -> binaryTop(q, depth);
        };
    }

    private float[] dotAll(float[] q) {
        float[] scores = new float[size];
        for (int row = 0; row < size; row++) {
            scores[row] = dot(q, row);
        }
        return scores;
    }

    private float dot(float[] q, int row) {
        int base = row * dim;
        float s = 0;
        for (int i = 0; i < dim; i++) {
            s += q[i] * reduced[base + i];
        }
        return s;
    }

    private float[] int8Scores(float[] q) {
        float[] scaled = new float[dim];
        float constant = 0;
        for (int i = 0; i < dim; i++) {
            scaled[i] = q[i] * step[i];
            constant += q[i] * (minimum[i] + 128 * step[i]);
        }
        float[] scores = new float[size];
        for (int row = 0; row < size; row++) {
            int base = row * dim;
            float s = constant;
            for (int i = 0; i < dim; i++) {
                s += scaled[i] * codes[base + i];
            }
            scores[row] = s;
        }
        return scores;
    }

    private ChunkRanker.Hits binaryTop(float[] q, int depth) {
        long[] queryBits = new long[words];
        packSigns(q, 0, dim, queryBits, 0);
        float[] closeness = new float[size];
        for (int row = 0; row < size; row++) {
            int distance = 0;
            int base = row * words;
            for (int w = 0; w < words; w++) {
                distance += Long.bitCount(queryBits[w] ^ bits[base + w]);
            }
            closeness[row] = -distance;
        }
        int[] candidates = VectorIndex.topRows(closeness, (int) Math.min(size, (long) depth * RESCORE_FACTOR));
        float[] rescored = new float[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            rescored[i] = dot(q, candidates[i]);
        }
        int[] order = VectorIndex.topRows(rescored, Math.min(depth, candidates.length));
        int[] rows = new int[order.length];
        float[] scores = new float[order.length];
        for (int i = 0; i < order.length; i++) {
            rows[i] = candidates[order[i]];
            scores[i] = rescored[order[i]];
        }
        return new ChunkRanker.Hits(rows, scores);
    }
}
