package dev.semdex.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.embed.Vectors;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VectorIndexTest {

    /** Random unit vectors: the hardest case for quantisation, since nothing stands out from the crowd. */
    private static VectorIndex randomIndex(int n, int dim, long seed) {
        Random random = new Random(seed);
        float[] data = new float[n * dim];
        for (int i = 0; i < n; i++) {
            float[] v = new float[dim];
            for (int d = 0; d < dim; d++) {
                v[d] = (float) random.nextGaussian();
            }
            System.arraycopy(Vectors.normalize(v), 0, data, i * dim, dim);
        }
        long[] ids = IntStream.range(0, n).mapToLong(i -> i).toArray();
        return new VectorIndex(dim, data, ids, ids);
    }

    @Test
    void int8FirstPassWithRescoringFindsTheExactTopTen() {
        VectorIndex index = randomIndex(60_000, 384, 3);
        Random random = new Random(9);
        int found = 0;
        int queries = 30;
        for (int i = 0; i < queries; i++) {
            float[] q = new float[384];
            for (int d = 0; d < 384; d++) {
                q[d] = (float) random.nextGaussian();
            }
            q = Vectors.normalize(q);
            int[] exact = index.top(q, 10);
            ChunkRanker.Hits hits = index.quantisedRanker(q).top(10);
            float[] scores = index.scores(q);
            for (int j = 0; j < hits.size(); j++) {
                // Scores are the float ones, not the approximations.
                assertThat(hits.scores()[j]).isEqualTo(scores[hits.rows()[j]]);
            }
            int[] rows = hits.rows();
            found += (int) Arrays.stream(exact).filter(r -> Arrays.stream(rows).anyMatch(x -> x == r)).count();
        }
        assertThat(found / (10.0 * queries)).isGreaterThanOrEqualTo(0.99);
        assertThat(index.quantisedBytes()).isEqualTo(60_000L * 384);
    }

    @Test
    void vectorApiAndPlainJavaInt8ScoresAreEqual() {
        Random random = new Random(5);
        int dim = 389; // not a multiple of any vector width, so the tail loop runs too
        byte[] codes = new byte[50 * dim];
        random.nextBytes(codes);
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) Math.max(-127, codes[i]);
        }
        short[] q = new short[dim];
        for (int i = 0; i < dim; i++) {
            q[i] = (short) (random.nextInt(255) - 127);
        }
        int[] plain = new int[50];
        int[] best = new int[50];
        new Int8Scorer.Scalar().score(q, codes, dim, plain, 0, 50);
        Int8Scorer.best().score(q, codes, dim, best, 0, 50);
        assertThat(best).containsExactly(plain);
        assertThat(Int8Scorer.best().getClass().getSimpleName()).isEqualTo("SimdInt8Scorer");
    }

    @Test
    void smallIndexesAreSearchedExactly() {
        VectorIndex index = randomIndex(1000, 16, 4);
        float[] q = index.row(5);
        assertThat(index.ranker(q).top(3).rows()).containsExactly(index.top(q, 3));
        assertThat(index.quantisedBytes()).isZero();
    }

    @Test
    void topKEqualsASortOfAllScores() {
        int n = 60_000;
        int dim = 37;
        VectorIndex index = randomIndex(n, dim, 1);
        float[] q = index.row(123);
        int[] top = index.top(q, 10);
        assertThat(index.chunkId(top[0])).isEqualTo(123);
        float[] scores = index.scores(q);
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble(i -> -scores[i]))
                .toArray(Integer[]::new);
        for (int i = 0; i < 10; i++) {
            assertThat(top[i]).isEqualTo(order[i]);
        }
    }

    @Test
    void vectorApiAndPlainJavaScoresAgree() {
        RowScorer best = RowScorer.best();
        assertThat(best).as("tests run with --add-modules jdk.incubator.vector").isInstanceOf(SimdScorer.class);
        Random random = new Random(3);
        int dim = 389;
        int rows = 50;
        float[] data = new float[rows * dim];
        float[] q = new float[dim];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < dim; i++) {
            q[i] = (float) random.nextGaussian();
        }
        float[] simd = new float[rows];
        float[] scalar = new float[rows];
        best.score(q, data, dim, simd, 0, rows);
        new ScalarScorer().score(q, data, dim, scalar, 0, rows);
        for (int r = 0; r < rows; r++) {
            assertThat(simd[r]).isCloseTo(scalar[r], org.assertj.core.api.Assertions.within(1e-3f));
        }
    }

    @Test
    void kLargerThanTheIndexReturnsEverythingOrdered() {
        float[] scores = {0.1f, 0.9f, 0.5f};
        assertThat(VectorIndex.topRows(scores, 10)).containsExactly(1, 2, 0);
        assertThat(VectorIndex.topRows(new float[0], 5)).isEmpty();
    }
}
