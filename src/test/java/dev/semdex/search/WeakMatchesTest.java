package dev.semdex.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeakMatchesTest {

    @Test
    void hybridKeepsFilesWithHalfTheTopFusedScore() {
        List<SearchResult> list = results(1.0, 0.82, 0.78, 0.52, 0.45, 0.3);
        assertThat(WeakMatches.goodCount(SearchMode.HYBRID, list, new double[] {0.7, 0.5, 0.4})).isEqualTo(4);
    }

    @Test
    void hybridHasNoGoodMatchWhenItsSemanticHalfHasNone() {
        List<SearchResult> fused = results(1.0, 0.9, 0.4);
        double[] unrelated = new double[20];
        for (int i = 0; i < unrelated.length; i++) {
            unrelated[i] = 0.30 - i * 0.003;
        }
        assertThat(WeakMatches.goodCount(SearchMode.HYBRID, fused, unrelated)).as("words alone matched").isZero();
        double[] related = unrelated.clone();
        related[0] = 0.75;
        assertThat(WeakMatches.goodCount(SearchMode.HYBRID, fused, related)).isEqualTo(2);
        assertThat(WeakMatches.goodCount(SearchMode.HYBRID, results(0.5, 0.49, 0.48, 0.2), null))
                .as("no vectors yet: read as the keyword search it is").isEqualTo(3);
    }

    @Test
    void vectorScoresAreReadAboveTheListsOwnFloorSoAModelWithHighBaselineIsNotAllGood() {
        // A model whose unrelated texts score about 0.75: two files stand out, the rest is the floor.
        List<Double> scores = new ArrayList<>(List.of(0.90, 0.86, 0.80));
        for (int i = 0; i < 20; i++) {
            scores.add(0.78 - i * 0.002);
        }
        assertThat(WeakMatches.goodCount(SearchMode.VECTOR, results(scores))).isEqualTo(2);
    }

    @Test
    void vectorTopThatHardlyStandsOutIsNoGoodMatch() {
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            scores.add(0.30 - i * 0.003);
        }
        assertThat(WeakMatches.goodCount(SearchMode.VECTOR, results(scores))).isZero();
    }

    @Test
    void keywordKeepsFilesWithMoreThanThreeFifthsOfTheTopScore() {
        assertThat(WeakMatches.goodCount(SearchMode.KEYWORD, results(12.0, 9.0, 7.3, 7.1, 1.0))).isEqualTo(3);
        assertThat(WeakMatches.goodCount(SearchMode.KEYWORD, List.of())).isZero();
    }

    private static List<SearchResult> results(double... scores) {
        List<Double> list = new ArrayList<>();
        for (double s : scores) {
            list.add(s);
        }
        return results(list);
    }

    private static List<SearchResult> results(List<Double> scores) {
        List<SearchResult> out = new ArrayList<>();
        for (int i = 0; i < scores.size(); i++) {
            out.add(new SearchResult(i + 1, "/f" + i + ".txt", scores.get(i), i, "text", 0, 4, 0));
        }
        return out;
    }
}
