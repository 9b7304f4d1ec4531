package dev.semdex.search;

/** Plain Java dot products with eight accumulators, which lets the CPU overlap the additions. */
final class ScalarScorer implements RowScorer {

    @Override
    public void score(float[] q, float[] data, int d, float[] scores, int from, int to) {
        for (int row = from; row < to; row++) {
            scores[row] = dot(q, data, row * d, d);
        }
    }

    @Override
    public float dot(float[] q, float[] data, int base, int d) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 7 < d; i += 8) {
            s0 += q[i] * data[base + i];
            s1 += q[i + 1] * data[base + i + 1];
            s2 += q[i + 2] * data[base + i + 2];
            s3 += q[i + 3] * data[base + i + 3];
            s4 += q[i + 4] * data[base + i + 4];
            s5 += q[i + 5] * data[base + i + 5];
            s6 += q[i + 6] * data[base + i + 6];
            s7 += q[i + 7] * data[base + i + 7];
        }
        for (; i < d; i++) {
            s0 += q[i] * data[base + i];
        }
        return (s0 + s1) + (s2 + s3) + (s4 + s5) + (s6 + s7);
    }
}
