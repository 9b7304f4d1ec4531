package dev.semdex.lab.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankingAgreementTest {

    @Test
    void overlapCountsSharedFilesWhateverTheirOrder() {
        assertThat(RankingAgreement.overlap(List.of("a", "b", "c", "d"), List.of("d", "c", "x", "y"), 4))
                .isEqualTo(0.5);
        assertThat(RankingAgreement.overlap(List.of("a", "b", "c"), List.of("c", "b", "a"), 3)).isEqualTo(1.0);
        // Only the top k count: "c" is third in one list and outside the top 2 of both.
        assertThat(RankingAgreement.overlap(List.of("a", "b", "c"), List.of("b", "x", "a"), 2)).isEqualTo(0.5);
    }

    @Test
    void overlapOfShortListsIsAShareOfTheLongerOne() {
        // A folder with three files: both models list all three, so they agree fully even though k is 10.
        assertThat(RankingAgreement.overlap(List.of("a", "b", "c"), List.of("b", "c", "a"), 10)).isEqualTo(1.0);
        assertThat(RankingAgreement.overlap(List.of("a", "b"), List.of("a", "b", "c", "d"), 10)).isEqualTo(0.5);
        assertThat(RankingAgreement.overlap(List.of(), List.of(), 10)).isEqualTo(1.0);
    }

    @Test
    void rboIsOneForIdenticalAndZeroForDisjointRankings() {
        List<String> a = List.of("a", "b", "c", "d", "e");
        assertThat(RankingAgreement.rbo(a, a)).isCloseTo(1.0, within(1e-12));
        assertThat(RankingAgreement.rbo(a, List.of("v", "w", "x", "y", "z"))).isZero();
    }

    @Test
    void rboMatchesAHandComputedValue() {
        // X1 = 1, X2 = 1, X3 = 3: (1 - p)/p * (0.9 + 0.5 * 0.81 + 0.729) + 0.729 = 0.226 + 0.729.
        double expected = 0.1 / 0.9 * (0.9 + 0.405 + 0.729) + 0.729;
        assertThat(RankingAgreement.rbo(List.of("a", "b", "c"), List.of("a", "c", "b")))
                .isCloseTo(expected, within(1e-12));
    }

    @Test
    void rboWeighsDisagreementAtTheTopMore() {
        List<String> reference = List.of("a", "b", "c", "d", "e", "f");
        double swapTop = RankingAgreement.rbo(reference, List.of("b", "a", "c", "d", "e", "f"));
        double swapBottom = RankingAgreement.rbo(reference, List.of("a", "b", "c", "d", "f", "e"));
        assertThat(swapTop).isLessThan(swapBottom).isLessThan(1.0);
    }

    @Test
    void rboIsSymmetricAndHandlesListsOfDifferentLengths() {
        List<String> longer = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        List<String> shorter = List.of("a", "c", "x");
        double ab = RankingAgreement.rbo(longer, shorter);
        assertThat(ab).isCloseTo(RankingAgreement.rbo(shorter, longer), within(1e-12)).isBetween(0.0, 1.0);
        // A prefix of a ranking agrees with it completely as far as it goes.
        assertThat(RankingAgreement.rbo(longer, longer.subList(0, 3))).isCloseTo(1.0, within(1e-12));
    }
}
