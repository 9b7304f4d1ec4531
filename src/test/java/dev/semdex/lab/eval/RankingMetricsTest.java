package dev.semdex.lab.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    private final Map<String, Integer> qrels = Map.of("a", 1, "b", 1);

    @Test
    void ndcgMatchesTrecEvalByHand() {
        // relevant at ranks 2 and 4: DCG = 1/log2(3) + 1/log2(5); IDCG = 1 + 1/log2(3)
        double expected = (1 / log2(3) + 1 / log2(5)) / (1 + 1 / log2(3));
        assertThat(RankingMetrics.ndcg(List.of("x", "a", "y", "b"), qrels, 10)).isCloseTo(expected, within(1e-12));
        assertThat(RankingMetrics.ndcg(List.of("a", "b"), qrels, 10)).isCloseTo(1.0, within(1e-12));
        assertThat(RankingMetrics.ndcg(List.of("x", "y"), qrels, 10)).isZero();
    }

    @Test
    void cutoffsAreRespected() {
        List<String> ranking = List.of("x1", "x2", "a", "b");
        assertThat(RankingMetrics.ndcg(ranking, qrels, 2)).isZero();
        assertThat(RankingMetrics.recall(ranking, qrels, 3)).isEqualTo(0.5);
        assertThat(RankingMetrics.recall(ranking, qrels, 100)).isEqualTo(1.0);
        assertThat(RankingMetrics.reciprocalRank(ranking, qrels, 10)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(RankingMetrics.reciprocalRank(ranking, qrels, 2)).isZero();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
