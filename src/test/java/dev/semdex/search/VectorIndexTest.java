package dev.semdex.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.embed.Vectors;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class VectorIndexTest {

    @Test
    void topKEqualsASortOfAllScores() {
        int n = 60_000;
        int dim = 37;
        Random random = new Random(1);
        float[] data = new float[n * dim];
        for (int i = 0; i < n; i++) {
            float[] v = new float[dim];
            for (int d = 0; d < dim; d++) {
                v[d] = (float) random.nextGaussian();
            }
            System.arraycopy(Vectors.normalize(v), 0, data, i * dim, dim);
        }
        long[] ids = IntStream.range(0, n).mapToLong(i -> 1000 + i).toArray();
        VectorIndex index = new VectorIndex(dim, data, ids, ids);
        float[] q = Arrays.copyOfRange(data, 123 * dim, 124 * dim);
        int[] top = index.top(q, 10);
        assertThat(index.chunkId(top[0])).isEqualTo(1123);
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
