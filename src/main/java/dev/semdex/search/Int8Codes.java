package dev.semdex.search;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A model's vectors as one byte per value, for a first pass over large indexes that reads a quarter of the memory
 * of floats. Each dimension is scaled by its own largest magnitude (embedding dimensions differ in range by an
 * order of magnitude), and the query is folded into the same scale, so that the integer dot product ranks rows
 * almost as the float one does; the best candidates are then re-scored with the floats.
 */
final class Int8Codes {

    private final int dimension;
    private final int size;
    private final byte[] codes;
    private final float[] scale;

    private Int8Codes(int dimension, int size, byte[] codes, float[] scale) {
        this.dimension = dimension;
        this.size = size;
        this.codes = codes;
        this.scale = scale;
    }

    static Int8Codes of(float[] data, int dimension, int size) {
        float[] scale = scales(data, dimension, size);
        byte[] codes = new byte[size * dimension];
        IntStream.range(0, size).parallel().forEach(row -> encode(data, row * dimension, scale, codes,
                row * dimension));
        return new Int8Codes(dimension, size, codes, scale);
    }

    /** Per dimension, the step that maps the largest magnitude among the rows to 127. */
    private static float[] scales(float[] data, int dimension, int rows) {
        float[] max = new float[dimension];
        for (int row = 0; row < rows; row++) {
            int base = row * dimension;
            for (int i = 0; i < dimension; i++) {
                max[i] = Math.max(max[i], Math.abs(data[base + i]));
            }
        }
        float[] scale = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            scale[i] = max[i] == 0 ? 1 : max[i] / 127f;
        }
        return scale;
    }

    private static void encode(float[] source, int from, float[] scale, byte[] codes, int to) {
        for (int i = 0; i < scale.length; i++) {
            codes[to + i] = (byte) Math.max(-127, Math.min(127, Math.round(source[from + i] / scale[i])));
        }
    }

    /**
     * Codes built row by row while vectors stream from the index, without ever holding all floats: the scales come
     * from the first {@code sampleRows} rows, and later values beyond them are clipped (which only costs the first
     * pass some precision; the re-scoring is exact).
     */
    static final class Builder {
        private final int dimension;
        private final int sampleRows;
        private byte[] codes;
        private float[] sample;
        private float[] scale;
        private int size;

        Builder(int dimension, int capacity, int sampleRows) {
            this.dimension = dimension;
            this.sampleRows = Math.max(1, Math.min(capacity, sampleRows));
            this.codes = new byte[Math.multiplyExact(capacity, dimension)];
            this.sample = new float[this.sampleRows * dimension];
        }

        /** Adds the next row (copied); returns false when the capacity is reached and the row was not added. */
        boolean add(float[] row) {
            if ((long) (size + 1) * dimension > codes.length) {
                return false;
            }
            if (scale == null) {
                System.arraycopy(row, 0, sample, size * dimension, dimension);
                size++;
                if (size == sampleRows) {
                    encodeSample();
                }
            } else {
                encode(row, 0, scale, codes, size * dimension);
                size++;
            }
            return true;
        }

        private void encodeSample() {
            scale = scales(sample, dimension, size);
            for (int row = 0; row < size; row++) {
                encode(sample, row * dimension, scale, codes, row * dimension);
            }
            sample = null;
        }

        int size() {
            return size;
        }

        Int8Codes build() {
            if (scale == null) {
                encodeSample();
            }
            byte[] exact = codes.length == size * dimension ? codes : Arrays.copyOf(codes, size * dimension);
            codes = null;
            return new Int8Codes(dimension, size, exact, scale);
        }
    }

    /** The row's vector as the codes hold it (for a row whose floats are gone from the index). */
    float[] approximate(int row) {
        float[] out = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            out[i] = codes[row * dimension + i] * scale[i];
        }
        return out;
    }

    /** The query in the codes' scale, as small integers (held in shorts, the width the products are taken in). */
    short[] query(float[] q) {
        float[] folded = new float[dimension];
        float max = 0;
        for (int i = 0; i < dimension; i++) {
            folded[i] = q[i] * scale[i];
            max = Math.max(max, Math.abs(folded[i]));
        }
        short[] out = new short[dimension];
        if (max == 0) {
            return out;
        }
        for (int i = 0; i < dimension; i++) {
            out[i] = (short) Math.round(folded[i] / max * 127);
        }
        return out;
    }

    int dimension() {
        return dimension;
    }

    int size() {
        return size;
    }

    byte[] codes() {
        return codes;
    }

    long bytes() {
        return codes.length;
    }
}
