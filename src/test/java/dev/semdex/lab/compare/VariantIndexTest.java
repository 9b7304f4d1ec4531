package dev.semdex.lab.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.semdex.search.ChunkRanker;
import dev.semdex.search.VectorIndex;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cheaper vector forms on clustered random vectors (like embeddings, which crowd around topics): the bytes they
 * take, and how close their rankings stay to the exact one.
 */
class VariantIndexTest {

    private static final int N = 4000;
    private static final int D = 384;
    private static VectorIndex full;
    private static float[][] queries;

    @BeforeAll
    static void vectors() {
        Random random = new Random(7);
        float[][] centres = new float[40][];
        for (int c = 0; c < centres.length; c++) {
            centres[c] = unit(gaussian(random, D, 1));
        }
        float[] data = new float[N * D];
        long[] ids = new long[N];
        for (int i = 0; i < N; i++) {
            float[] v = unit(add(centres[i % centres.length], gaussian(random, D, 0.06f)));
            System.arraycopy(v, 0, data, i * D, D);
            ids[i] = i;
        }
        full = new VectorIndex(D, data, ids, ids);
        queries = new float[50][];
        for (int q = 0; q < queries.length; q++) {
            queries[q] = unit(add(full.row(random.nextInt(N)), gaussian(random, D, 0.03f)));
        }
    }

    @Test
    void bytesPerVectorShrinkWithPrecisionAndDimensions() {
        assertThat(new VectorVariant(384, Precision.F32).bytesPerVector()).isEqualTo(1536);
        assertThat(new VectorVariant(384, Precision.INT8).bytesPerVector()).isEqualTo(384);
        assertThat(new VectorVariant(384, Precision.BINARY).bytesPerVector()).isEqualTo(48);
        assertThat(new VectorVariant(100, Precision.BINARY).bytesPerVector()).isEqualTo(13);
        assertThat(VariantIndex.build(full, new VectorVariant(128, Precision.INT8)).indexBytes())
                .isEqualTo(N * 128L);
    }

    @Test
    void shortenedVectorsAreUnitLengthAgain() {
        float[] v = VariantIndex.shorten(full.row(3), 128);
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertThat(v).hasSize(128);
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void fullLengthFloatVariantRanksExactlyLikeTheIndex() {
        VariantIndex same = VariantIndex.build(full, VectorVariant.full(D));
        for (float[] q : queries) {
            assertThat(same.ranker(q).top(10).rows()).containsExactly(VectorIndex.topRows(full.scores(q), 10));
        }
    }

    @Test
    void int8KeepsAlmostAllOfTheTopTenAndBinaryWithRescoringMostOfIt() {
        double int8 = meanOverlap(new VectorVariant(D, Precision.INT8));
        double binary = meanOverlap(new VectorVariant(D, Precision.BINARY));
        double shortened = meanOverlap(new VectorVariant(128, Precision.F32));
        assertThat(int8).isGreaterThanOrEqualTo(0.95);
        assertThat(binary).isGreaterThanOrEqualTo(0.9);
        // Random vectors spread their information over all dimensions, so cutting two thirds loses much of it.
        assertThat(shortened).isLessThan(int8).isGreaterThan(0.2);
    }

    @Test
    void binaryScoresAreTheRescoredFloatScores() {
        VariantIndex binary = VariantIndex.build(full, new VectorVariant(D, Precision.BINARY));
        ChunkRanker.Hits hits = binary.ranker(queries[0]).top(5);
        float[] exact = full.scores(queries[0]);
        for (int i = 0; i < hits.size(); i++) {
            assertThat(hits.scores()[i]).isCloseTo(exact[hits.rows()[i]], within(1e-4f));
        }
        assertThat(hits.scores()).isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    private static double meanOverlap(VectorVariant variant) {
        VariantIndex index = VariantIndex.build(full, variant);
        double sum = 0;
        for (float[] q : queries) {
            int[] exact = VectorIndex.topRows(full.scores(q), 10);
            int[] approx = index.ranker(q).top(10).rows();
            sum += Arrays.stream(approx).filter(r -> Arrays.stream(exact).anyMatch(e -> e == r)).count() / 10.0;
        }
        return sum / queries.length;
    }

    private static float[] gaussian(Random random, int d, float scale) {
        float[] v = new float[d];
        for (int i = 0; i < d; i++) {
            v[i] = (float) random.nextGaussian() * scale;
        }
        return v;
    }

    private static float[] add(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }
}
