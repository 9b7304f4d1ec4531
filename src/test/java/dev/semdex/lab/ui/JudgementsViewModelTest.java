package dev.semdex.lab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.ui.ManualRunner;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The thumbs: record, switch and clear a judgement for the shown query. */
class JudgementsViewModelTest {

    private final FakeCompareBackend backend = new FakeCompareBackend();
    private final ManualRunner runner = new ManualRunner();
    private JudgementsViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new JudgementsViewModel(backend, runner);
        vm.queryProperty().set("how do bees make honey");
    }

    @Test
    void thumbsUpRecordsAndPressingItAgainClears() {
        vm.toggle("/d/bees.txt", true);
        assertThat(backend.judged.get("how do bees make honey")).containsEntry("/d/bees.txt", true);
        assertThat(vm.markOf("/d/bees.txt")).isTrue();

        vm.toggle("/d/bees.txt", true);
        assertThat(backend.judged.get("how do bees make honey")).doesNotContainKey("/d/bees.txt");
        assertThat(vm.markOf("/d/bees.txt")).isNull();
    }

    @Test
    void thumbsDownAfterUpSwitchesTheJudgement() {
        vm.toggle("/d/tax.txt", true);
        vm.toggle("/d/tax.txt", false);

        assertThat(backend.judged.get("how do bees make honey")).containsExactly(Map.entry("/d/tax.txt", false));
        assertThat(vm.markOf("/d/tax.txt")).isFalse();
    }

    @Test
    void anotherQueryShowsItsOwnJudgements() {
        backend.judge("sourdough", "/d/bread.md", true);
        vm.toggle("/d/bees.txt", true);

        vm.queryProperty().set("sourdough");

        assertThat(vm.marks()).containsExactly(Map.entry("/d/bread.md", true));
        vm.queryProperty().set("how do bees make honey");
        assertThat(vm.marks()).containsExactly(Map.entry("/d/bees.txt", true));
    }

    @Test
    void withoutAQueryNothingIsJudged() {
        vm.queryProperty().set("  ");
        vm.toggle("/d/bees.txt", true);

        assertThat(backend.judged).isEmpty();
        assertThat(vm.marks()).isEmpty();
    }

    @Test
    void reloadPicksUpJudgementsMadeElsewhere() {
        backend.judge("how do bees make honey", "/d/garden.txt", false);
        assertThat(vm.markOf("/d/garden.txt")).isNull();

        vm.reload();

        assertThat(vm.markOf("/d/garden.txt")).isFalse();
    }
}
