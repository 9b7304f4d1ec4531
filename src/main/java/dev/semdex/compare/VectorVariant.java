package dev.semdex.compare;

/**
 * A cheaper form of a model's vectors: only the first {@code dimension} values (re-normalised), stored at
 * {@code precision}. Cutting dimensions is exact for Matryoshka-trained models and an approximation for the rest.
 */
public record VectorVariant(int dimension, Precision precision) {

    public VectorVariant {
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive");
        }
    }

    public static VectorVariant full(int dimension) {
        return new VectorVariant(dimension, Precision.F32);
    }

    public long bytesPerVector() {
        return precision.bytesPerVector(dimension);
    }

    public boolean isFull(int modelDimension) {
        return dimension == modelDimension && precision == Precision.F32;
    }

    /** For example {@code 256·int8}. */
    public String label() {
        return dimension + "·" + precision.label();
    }
}
