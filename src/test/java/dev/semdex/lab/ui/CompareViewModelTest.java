package dev.semdex.lab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.lab.compare.Precision;
import dev.semdex.lab.compare.RankingAgreement;
import dev.semdex.lab.compare.VectorVariant;
import dev.semdex.ui.ManualRunner;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompareViewModelTest {

    private final FakeCompareBackend backend = new FakeCompareBackend();
    private final ManualRunner runner = new ManualRunner();
    private CompareViewModel vm;

    @BeforeEach
    void setUp() {
        backend.model("minilm", 384, "/d/a.txt", "/d/b.txt", "/d/c.txt", "/d/d.txt");
        backend.model("bge", 384, "/d/c.txt", "/d/x.txt", "/d/a.txt", "/d/y.txt");
        backend.model("e5", 384, "/d/z.txt");
        vm = new CompareViewModel(backend, runner);
        vm.refreshModels("bge");
    }

    private Map<String, Integer> colours(CompareViewModel.Column column) {
        return column.rows().stream().collect(Collectors.toMap(CompareViewModel.Row::path,
                CompareViewModel.Row::colour));
    }

    @Test
    void thePreferredModelAndTheNextOneAreChosenAndTheThirdIsOptional() {
        assertThat(vm.modelChoices()).containsExactly("bge", "minilm", "e5");
        assertThat(vm.modelAProperty().get()).isEqualTo("bge");
        assertThat(vm.modelBProperty().get()).isEqualTo("minilm");
        assertThat(vm.optionalChoices()).startsWith(CompareViewModel.NO_MODEL);
        assertThat(vm.chosenModels()).containsExactly("bge", "minilm");
    }

    @Test
    void filesInSeveralListsShareOneColourAndTheOthersNone() {
        vm.modelAProperty().set("minilm");
        vm.modelBProperty().set("bge");
        vm.queryProperty().set("honey bees");
        vm.compare();

        assertThat(vm.columns()).extracting(CompareViewModel.Column::modelId).containsExactly("minilm", "bge");
        Map<String, Integer> a = colours(vm.columns().get(0));
        Map<String, Integer> b = colours(vm.columns().get(1));
        assertThat(a.get("/d/a.txt")).isNotNegative().isEqualTo(b.get("/d/a.txt"));
        assertThat(a.get("/d/c.txt")).isNotNegative().isEqualTo(b.get("/d/c.txt"));
        assertThat(a.get("/d/a.txt")).isNotEqualTo(a.get("/d/c.txt"));
        assertThat(a.get("/d/b.txt")).isEqualTo(-1);
        assertThat(b.get("/d/x.txt")).isEqualTo(-1);
        assertThat(vm.sharedCountProperty().get()).isEqualTo(2);
        assertThat(vm.columns().get(0).rows().get(0).alsoIn()).as("a.txt is third for B").isEqualTo("B3");
        assertThat(vm.judgements().queryProperty().get()).as("thumbs judge the compared query")
                .isEqualTo("honey bees");
    }

    @Test
    void eachPairShowsItsOverlapAndRboAndEachModelItsCosts() {
        vm.modelAProperty().set("minilm");
        vm.modelBProperty().set("bge");
        vm.modelCProperty().set("e5");
        vm.kProperty().set(4);
        vm.queryProperty().set("q");
        vm.compare();

        assertThat(vm.pairs()).hasSize(3);
        CompareViewModel.Pair ab = vm.pairs().get(0);
        assertThat(ab.letters()).isEqualTo("A ↔ B");
        assertThat(ab.overlap()).isEqualTo(0.5);
        assertThat(ab.rbo()).isEqualTo(RankingAgreement.rbo(backend.rankings.get("minilm"),
                backend.rankings.get("bge")));
        assertThat(ab.text(4)).startsWith("A ↔ B  overlap@4 0.50 · RBO 0.");
        assertThat(vm.pairs().get(1).overlap()).as("A and C share nothing").isZero();
        CompareViewModel.Column minilm = vm.columns().get(0);
        assertThat(minilm.sizeText()).isEqualTo("384 dims · 1,536 B/vector · 15.4 kB index (10 vectors)");
        assertThat(minilm.timeText()).isEqualTo("query embedded in 5.0 ms · searched in 0.5 ms");
    }

    @Test
    void aNewerComparisonCancelsTheOlderOneAndOnlyTheLatestIsShown() {
        runner.holdWork = true;
        vm.queryProperty().set("old query");
        vm.compare();
        vm.queryProperty().set("new query");
        vm.compare();
        assertThat(vm.runningProperty().get()).isTrue();

        runner.runHeld();

        assertThat(backend.compares).hasSize(2);
        assertThat(vm.shownQueryProperty().get()).isEqualTo("new query");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void cancellingKeepsTheLastComparisonAndDropsTheRunningOne() {
        vm.queryProperty().set("first");
        vm.compare();
        runner.holdWork = true;
        vm.queryProperty().set("second");
        vm.compare();
        vm.cancel();
        runner.runHeld();

        assertThat(vm.shownQueryProperty().get()).isEqualTo("first");
        assertThat(vm.statusProperty().get()).isEqualTo("Cancelled.");
    }

    @Test
    void cheaperVectorsAreMeasuredPerModel() {
        vm.dimensionProperty(128).set(true);
        vm.precisionProperty(Precision.INT8).set(true);
        assertThat(vm.variantsFor(384)).containsExactly(new VectorVariant(384, Precision.INT8),
                new VectorVariant(128, Precision.F32), new VectorVariant(128, Precision.INT8));
        assertThat(vm.variantsFor(96)).as("no dims the model lacks").containsExactly(
                new VectorVariant(96, Precision.INT8));

        vm.queryProperty().set("q");
        vm.compare();

        assertThat(vm.variantsByModel().get("bge")).extracting(CompareViewModel.VariantRow::form)
                .containsExactly("384·int8", "128·f32", "128·int8");
        assertThat(vm.variantsByModel().get("bge").get(0).storageSaved()).isEqualTo(0.75);
    }

    @Test
    void aModelWithoutVectorsGivesTheCoreMessage() {
        vm.modelAProperty().set("gone");
        vm.queryProperty().set("q");
        vm.compare();

        assertThat(vm.errorProperty().get()).isEqualTo("The index has no vectors of 'gone'.");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void anEmptyQueryClearsInsteadOfComparing() {
        vm.queryProperty().set("q");
        vm.compare();
        vm.queryProperty().set("   ");
        vm.compare();

        assertThat(backend.compares).hasSize(1);
        assertThat(vm.columns()).isEmpty();
        assertThat(List.copyOf(vm.pairs())).isEmpty();
    }
}
