package dev.semdex.lab.compare;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

    /**
     * Every requested dimension × precision that a model of {@code modelDimension} can take, in the order asked, without
     * its full vectors and without repeats. No dimensions means the model's own; no precisions means f32.
     */
    public static List<VectorVariant> cheaperForms(int modelDimension, List<Integer> dims, List<Precision> precisions) {
        List<Integer> ds = dims.isEmpty() ? List.of(modelDimension) : dims;
        List<Precision> ps = precisions.isEmpty() ? List.of(Precision.F32) : precisions;
        Set<VectorVariant> out = new LinkedHashSet<>();
        for (int d : ds) {
            for (Precision p : ps) {
                VectorVariant v = new VectorVariant(d, p);
                if (d <= modelDimension && !v.isFull(modelDimension)) {
                    out.add(v);
                }
            }
        }
        return List.copyOf(out);
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
