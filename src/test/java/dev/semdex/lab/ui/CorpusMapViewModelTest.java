package dev.semdex.lab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.lab.compare.CorpusMap;
import dev.semdex.lab.compare.MapGroup;
import dev.semdex.lab.compare.MapPoint;
import dev.semdex.ui.ManualRunner;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The corpus map's groups, and a group made a label with one click, without a window. */
class CorpusMapViewModelTest {

    private final FakeCompareBackend backend = new FakeCompareBackend();
    private final ManualRunner runner = new ManualRunner();
    private final CorpusMapViewModel vm = new CorpusMapViewModel(backend, runner);

    @BeforeEach
    void drawAMapOfTwoGroups() {
        backend.map = new CorpusMap("m", List.of(
                new MapPoint(1, "/d/fever.txt", "/d", 0, 0, 0),
                new MapPoint(2, "/d/mosquito.txt", "/d", 0, 1, 0),
                new MapPoint(3, "/d/cough.txt", "/d", 5, 5, 1)), 2, 0.8, List.of(
                new MapGroup(0, "malaria, plasmodium, falciparum", List.of("malaria", "plasmodium", "falciparum"),
                        "/d/mosquito.txt", 2),
                new MapGroup(1, "tuberculosis, mycobacterium, lung",
                        List.of("tuberculosis", "mycobacterium", "lung"), "/d/cough.txt", 1)));
        vm.modelProperty().set("m");
        vm.build();
    }

    @Test
    void theDrawnMapListsItsGroups() {
        assertThat(vm.groups()).extracting(MapGroup::name)
                .containsExactly("malaria, plasmodium, falciparum", "tuberculosis, mycobacterium, lung");
    }

    @Test
    void aGroupBecomesALabelNamedByItsFirstWordDescribedByAllWithItsCentralFileConfirmed() {
        vm.makeLabel(vm.groups().get(0));

        assertThat(backend.labels)
                .containsExactly("malaria: malaria, plasmodium, falciparum <- [/d/mosquito.txt]");
        assertThat(vm.labelled()).containsExactly(0);
        assertThat(vm.statusProperty().get()).isEqualTo("Label malaria made from group 1, with mosquito.txt "
                + "confirmed as it; the Labels pane sorts the other files.");
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void aGroupWhoseNameIsTakenSaysSoAndStaysOneClickAway() {
        vm.makeLabel(vm.groups().get(1));

        vm.makeLabel(vm.groups().get(1));

        assertThat(backend.labels).hasSize(1);
        assertThat(vm.errorProperty().get()).isEqualTo("There is already a label called tuberculosis.");
    }

    @Test
    void aNewMapStartsWithNoGroupMadeALabel() {
        vm.makeLabel(vm.groups().get(0));

        vm.build();

        assertThat(vm.labelled()).isEmpty();
    }
}
