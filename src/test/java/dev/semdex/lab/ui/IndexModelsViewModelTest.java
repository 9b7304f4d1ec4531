package dev.semdex.lab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.ui.ManualRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IndexModelsViewModelTest {

    private final FakeCompareBackend backend = new FakeCompareBackend();
    private final ManualRunner runner = new ManualRunner();
    private final ManualRunner indexRunner = new ManualRunner();
    private int changes;
    private IndexModelsViewModel vm;

    @BeforeEach
    void setUp() {
        backend.model("all-minilm-l6-v2", 384, "/d/a.txt");
        vm = new IndexModelsViewModel(backend, runner, indexRunner, () -> changes++);
        vm.refresh();
    }

    @Test
    void offersOnlyModelsNotYetInTheIndex() {
        assertThat(vm.indexed()).extracting(CompareBackend.IndexedModel::id).containsExactly("all-minilm-l6-v2");
        assertThat(vm.addable()).containsExactly("all-minilm-l6-v2-q", "bge-small-en-v1.5");
        assertThat(vm.toAddProperty().get()).isEqualTo("all-minilm-l6-v2-q");
    }

    @Test
    void addingEmbedsEveryFolderInTheBackgroundAndTellsTheApp() {
        indexRunner.holdWork = true;
        vm.add();
        assertThat(vm.indexingProperty().get()).isTrue();
        indexRunner.runHeld();

        assertThat(backend.added).containsExactly("all-minilm-l6-v2-q");
        assertThat(vm.indexingProperty().get()).isFalse();
        assertThat(vm.progressTextProperty().get()).startsWith("all-minilm-l6-v2-q added: 3 passages embedded");
        assertThat(vm.indexed()).extracting(CompareBackend.IndexedModel::id).contains("all-minilm-l6-v2-q");
        assertThat(vm.addable()).doesNotContain("all-minilm-l6-v2-q");
        assertThat(changes).as("the main window's model selector reloads").isEqualTo(1);
    }

    @Test
    void choosingAModelToAddSaysHowLongItTakesHereAndHowGoodItIs() {
        vm.toAddProperty().set("bge-small-en-v1.5");
        assertThat(backend.costAsked).endsWith("bge-small-en-v1.5");
        // 2,300 passages at 3.2 passages/s: 719 s.
        assertThat(vm.addCostProperty().get()).startsWith("About 12 min")
                .contains("2,300 passages").contains("3.2 passages/s in its last run here")
                .contains("SciFact nDCG@10: hybrid 0.732, semantic 0.713 (all-minilm-l6-v2: 0.715, 0.645)");

        backend.passagesPerSecond = Double.NaN;
        vm.toAddProperty().set("all-minilm-l6-v2-q");
        assertThat(vm.addCostProperty().get()).startsWith("2,300 passages to embed; its speed here is not known");
    }

    @Test
    void cancelStopsTheRunAndKeepsWhatWasDone() {
        indexRunner.holdWork = true;
        vm.add();
        vm.cancel();
        indexRunner.runHeld();

        assertThat(vm.indexingProperty().get()).isFalse();
        assertThat(vm.progressTextProperty().get()).startsWith("Cancelled; the vectors made so far are kept");
    }

    @Test
    void removingDeletesTheModelsVectors() {
        vm.remove("all-minilm-l6-v2");

        assertThat(backend.removed).containsExactly("all-minilm-l6-v2");
        assertThat(vm.indexed()).isEmpty();
        assertThat(vm.progressTextProperty().get()).isEqualTo("Removed 10 vectors of all-minilm-l6-v2 from the index.");
        assertThat(changes).isEqualTo(1);
    }
}
