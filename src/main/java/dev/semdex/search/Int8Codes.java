package dev.semdex.search;

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
        float[] max = new float[dimension];
        for (int row = 0; row < size; row++) {
            int base = row * dimension;
            for (int i = 0; i < dimension; i++) {
                max[i] = Math.max(max[i], Math.abs(data[base + i]));
            }
        }
        float[] scale = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            scale[i] = max[i] == 0 ? 1 : max[i] / 127f;
        }
        byte[] codes = new byte[size * dimension];
        IntStream.range(0, size).parallel().forEach(row -> {
            int base = row * dimension;
            for (int i = 0; i < dimension; i++) {
                codes[base + i] = (byte) Math.max(-127, Math.min(127, Math.round(data[base + i] / scale[i])));
            }
        });
        return new Int8Codes(dimension, size, codes, scale);
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
