package dev.semdex.labels;

import java.util.List;

/**
 * How a label learns, per model: its vector is the centre of its description's vector and the vectors of the files
 * confirmed as belonging to it, each weighing as much as the description (so a few confirmations soon outweigh a
 * vague description); files corrected away from it pull the centre away from them by a quarter of their mean
 * (Rocchio's relevance feedback, with the usual small weight for negative examples). Vectors are unit length.
 */
public final class LabelCentres {

    /** How strongly files corrected away from a label push its centre (Rocchio's gamma). */
    static final double CORRECTED_WEIGHT = 0.25;

    private LabelCentres() {}

    /**
     * @param description the label's description embedded as a query
     * @param confirmed   vectors of files confirmed as this label
     * @param corrected   vectors of files the user said are not this label
     */
    public static float[] centre(float[] description, List<float[]> confirmed, List<float[]> corrected) {
        int d = description.length;
        double[] sum = new double[d];
        add(sum, description, 1);
        for (float[] v : confirmed) {
            add(sum, v, 1);
        }
        for (int i = 0; i < d; i++) {
            sum[i] /= 1 + confirmed.size();
        }
        if (!corrected.isEmpty()) {
            for (float[] v : corrected) {
                add(sum, v, -CORRECTED_WEIGHT / corrected.size());
            }
        }
        return unit(sum);
    }

    /** A file's vector: the unit mean of its passages' vectors. */
    public static float[] fileVector(List<float[]> passages) {
        if (passages.isEmpty()) {
            throw new IllegalArgumentException("a file without passages has no vector");
        }
        double[] sum = new double[passages.get(0).length];
        for (float[] v : passages) {
            add(sum, v, 1);
        }
        return unit(sum);
    }

    private static void add(double[] sum, float[] v, double weight) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += weight * v[i];
        }
    }

    static float[] unit(double[] v) {
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        double inv = norm == 0 ? 0 : 1 / Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] * inv);
        }
        return out;
    }

    /** Cosine of unit vectors. */
    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
