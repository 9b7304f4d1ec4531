package dev.semdex.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreFusionTest {

    @Test
    void aFileTheSemanticHalfFindsFarAheadBeatsOneBothHalvesFindInTheMiddle() {
        // File 1: clearly the best by meaning, not among the keyword hits. File 2: second by meaning (barely above the
        // rest) and second by words. Rank fusion puts file 2 first (both lists); fused scores keep file 1's lead.
        Map<Long, Double> vector = scores(1L, 0.80, 2L, 0.42, 3L, 0.41, 4L, 0.40);
        Map<Long, Double> keyword = scores(5L, 9.0, 2L, 6.0, 6L, 2.0);
        List<Long> ranking = List.copyOf(ScoreFusion.fuse(vector, keyword, 10).keySet());
        assertThat(ranking.indexOf(1L)).isLessThan(ranking.indexOf(2L));
        assertThat(ranking.indexOf(5L)).as("the keyword half's clear best keeps its place too")
                .isLessThan(ranking.indexOf(2L));
    }

    @Test
    void firstInBothHalvesScoresOneAndTheKeywordHalfAloneAtMostItsWeight() {
        Map<Long, Double> fused = ScoreFusion.fuse(scores(1L, 0.9, 2L, 0.5), scores(1L, 7.0, 3L, 7.0), 10);
        assertThat(fused.get(1L)).isCloseTo(1.0, within(1e-9));
        assertThat(fused.get(3L)).isCloseTo(ScoreFusion.keywordOnlyTop(), within(1e-9));
        assertThat(fused.get(2L)).as("last of the semantic half, not found by words").isZero();

        Map<Long, Double> wordsOnly = ScoreFusion.fuse(Map.of(), scores(4L, 3.0, 5L, 1.5), 10);
        assertThat(wordsOnly.values()).allSatisfy(s -> assertThat(s).isLessThanOrEqualTo(ScoreFusion.keywordOnlyTop()));
        assertThat(List.copyOf(wordsOnly.keySet())).containsExactly(4L, 5L);
    }

    @Test
    void keepsTheAskedNumberBestFirstAndBreaksTiesTheSameWayEveryTime() {
        Map<Long, Double> vector = scores(9L, 0.7, 3L, 0.7, 5L, 0.1);
        Map<Long, Double> fused = ScoreFusion.fuse(vector, Map.of(), 2);
        assertThat(List.copyOf(fused.keySet())).containsExactly(3L, 9L);
    }

    private static Map<Long, Double> scores(Object... idsAndScores) {
        Map<Long, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < idsAndScores.length; i += 2) {
            map.put((Long) idsAndScores[i], (Double) idsAndScores[i + 1]);
        }
        return map;
    }
}
