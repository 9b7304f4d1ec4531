package dev.semdex.lab.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.TestModels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Labels on SciFact abstracts of six subjects, a small sample of what {@code semdex labels-eval} measures. */
class LabelsEvaluatorTest {

    private static final Path CORPUS = Path.of("..", "shared", "datasets", "scifact", "corpus.jsonl");

    @Test
    void theSubjectsComeFromTheTitlesAndLabelsSortMostAbstractsRight() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(CORPUS),
                "SciFact at " + CORPUS.toAbsolutePath());
        TopicCorpus corpus = TopicCorpus.read(CORPUS, 15);

        assertThat(corpus.labels()).hasSize(6);
        assertThat(LabelsEvaluator.counts(corpus)).hasSize(6).allSatisfy((label, n) -> assertThat(n).isEqualTo(15));
        assertThat(corpus.docs()).allSatisfy(d -> assertThat(d.text().lines().findFirst().orElseThrow()
                .toLowerCase()).contains(d.label().toLowerCase().replace("stem cells", "stem cell")));

        LabelsEvaluator.Row row = LabelsEvaluator.evaluate(corpus, TestModels.minilm(), List.of(0, 10), 2);

        assertThat(row.testFiles()).isEqualTo(6 * (15 - LabelsEvaluator.CONFIRMABLE));
        // six subjects: a guess is right one time in six
        assertThat(row.accuracy().get(0)).isGreaterThan(0.8);
        assertThat(row.accuracy().get(10)).isGreaterThan(0.8);
    }
}
