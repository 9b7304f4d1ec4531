package dev.semdex.lab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.lab.compare.Precision;
import dev.semdex.lab.compare.QualityRow;
import dev.semdex.ui.ManualRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityViewModelTest {

    private final FakeCompareBackend backend = new FakeCompareBackend();
    private final ManualRunner runner = new ManualRunner();
    private QualityViewModel vm;

    @BeforeEach
    void setUp() {
        backend.model("minilm", 384, "/d/a.txt");
        backend.model("tiny", 16, "/d/a.txt");
        backend.qualityRows = List.of(
                new QualityRow("minilm", 384, "f32", true, 1536, 1_536_000, 2, 0.91, 1.0, 10, 1.0, 0.8),
                new QualityRow("minilm", 384, "int8", true, 384, 384_000, 2, 0.90, 1.0, 10, 0.95, 0.9),
                new QualityRow("tiny", 16, "f32", true, 64, 64_000, 2, 0.42, 0.5, 10, 1.0, 0.1));
        vm = new QualityViewModel(backend, runner);
    }

    @Test
    void withoutJudgementsTheEmptyStateShowsAndNothingRuns() {
        vm.refresh();

        assertThat(vm.judgedQueriesProperty().get()).isZero();
        assertThat(vm.models()).extracting(ModelChoice::id).containsExactly("minilm", "tiny");
        assertThat(vm.models()).allMatch(ModelChoice::isChosen);
    }

    @Test
    void scoresEachTickedModelInTurnAndShowsTheTable() {
        backend.judge("whales", "/d/a.txt", true);
        vm.refresh();
        assertThat(vm.judgedQueriesProperty().get()).isEqualTo(1);
        vm.dimensionProperty(128).set(true);
        vm.precisionProperty(Precision.INT8).set(true);

        vm.run();

        assertThat(backend.qualityCalls).containsExactly("[minilm] [384, 128] [F32, INT8]", "[tiny] [16] [F32, INT8]");
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("3 rows on 2 judged queries");
        assertThat(vm.qualityBySize().get("minilm")).extracting(QualityViewModel.Point::x)
                .containsExactly(1.536, 0.384);
        assertThat(vm.qualityByLatency().get("tiny")).singleElement()
                .satisfies(p -> assertThat(p.ndcg()).isEqualTo(0.42));
    }

    @Test
    void untickedModelsAreLeftOut() {
        vm.refresh();
        vm.models().get(1).chosenProperty().set(false);
        vm.run();

        assertThat(backend.qualityCalls).containsExactly("[minilm] [384] [F32]");
        assertThat(vm.rows()).extracting(QualityRow::model).containsOnly("minilm");
    }

    @Test
    void exportsTheShownTableAsCsvAndMarkdown(@TempDir Path dir) throws IOException {
        vm.refresh();
        vm.run();

        String csv = vm.export(QualityViewModel.Format.CSV);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("model,dims,precision,exact");
        assertThat(csv).contains("minilm,384,int8,true,384,0.384,2,0.9000").contains("tiny,16,f32");
        Path file = dir.resolve("quality.md");
        boolean[] done = new boolean[1];
        vm.exportTo(file, QualityViewModel.Format.MARKDOWN, () -> done[0] = true);
        assertThat(done[0]).isTrue();
        assertThat(Files.readString(file)).startsWith("| model | dims |").contains("| tiny | 16 | f32 |");
        assertThat(vm.statusProperty().get()).isEqualTo("Saved quality.md");
    }

    @Test
    void cancelDropsTheRunningScore() {
        vm.refresh();
        runner.holdWork = true;
        vm.run();
        assertThat(vm.runningProperty().get()).isTrue();
        vm.cancel();
        runner.runHeld();

        assertThat(vm.rows()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Cancelled.");
        assertThat(vm.runningProperty().get()).isFalse();
    }
}
