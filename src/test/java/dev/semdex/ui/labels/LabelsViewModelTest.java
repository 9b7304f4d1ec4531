package dev.semdex.ui.labels;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.SemdexException;
import dev.semdex.labels.FileLabel;
import dev.semdex.labels.Label;
import dev.semdex.labels.LabelCount;
import dev.semdex.labels.LabelThresholds;
import dev.semdex.labels.LabelledFiles;
import dev.semdex.ui.ManualRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Labels pane's logic without a window, over a port that keeps labels and confirmations in memory. */
class LabelsViewModelTest {

    private final ManualRunner runner = new ManualRunner();
    private final List<String> asked = new ArrayList<>();

    /** Labels in memory; files get the label their name starts with, unless confirmed as another. */
    private final class MemoryPort implements LabelsPort {
        final Map<String, Label> labels = new LinkedHashMap<>();
        final Map<String, String> confirmed = new LinkedHashMap<>();
        final List<String> files = new ArrayList<>(List.of("/d/invoices-1.txt", "/d/invoices-2.txt",
                "/d/recipes-1.txt", "/d/notes.txt"));
        final List<Runnable> listeners = new ArrayList<>();

        @Override
        public void onChange(Runnable listener) {
            listeners.add(listener);
        }

        @Override
        public List<Label> labels() {
            return List.copyOf(labels.values());
        }

        @Override
        public void add(Label label) {
            if (labels.putIfAbsent(label.name(), label) != null) {
                throw new SemdexException("There is already a label called " + label.name() + ".");
            }
        }

        @Override
        public void edit(String name, Label changed) {
            labels.remove(name);
            labels.put(changed.name(), changed);
        }

        @Override
        public void remove(String name) {
            labels.remove(name);
        }

        @Override
        public void confirm(Path file, String label) {
            confirmed.put(file.toString(), label);
        }

        @Override
        public void correct(Path file, String label, String modelId) {
            asked.add("correct " + file + " " + label + " " + modelId);
            confirmed.put(file.toString(), label);
        }

        @Override
        public LabelledFiles classify(String modelId, LabelThresholds thresholds) {
            asked.add("classify " + modelId + " " + thresholds.confidence());
            List<FileLabel> out = new ArrayList<>();
            for (String f : files) {
                String mine = confirmed.get(f);
                String guess = labels.keySet().stream().filter(l -> Path.of(f).getFileName().toString()
                        .startsWith(l)).findFirst().orElse(null);
                out.add(mine != null ? new FileLabel(f, mine, mine, 1, 0.5, true)
                        : new FileLabel(f, guess, guess, guess == null ? 0 : 0.9, 0.4, false));
            }
            List<LabelCount> counts = labels.values().stream().map(l -> new LabelCount(l,
                    (int) out.stream().filter(f -> l.name().equals(f.label())).count(),
                    (int) out.stream().filter(f -> f.confirmed() && l.name().equals(f.label())).count())).toList();
            return new LabelledFiles(modelId, out, counts, (int) out.stream().filter(f -> !f.labelled()).count());
        }
    }

    private final MemoryPort port = new MemoryPort();
    private final LabelsViewModel vm = new LabelsViewModel(port, runner, () -> "model-x");

    @Test
    void addingLabelsSortsTheFilesAndCountsThem() {
        vm.add("invoices", "bills, amounts due");
        vm.add("recipes", "cooking");

        assertThat(vm.counts()).extracting(c -> c.label().name() + "=" + c.files())
                .containsExactly("invoices=2", "recipes=1");
        assertThat(vm.filterChoices()).containsExactly(LabelsViewModel.ALL, "invoices", "recipes",
                LabelsViewModel.NONE);
        assertThat(vm.statusProperty().get()).isEqualTo("Added recipes");
        assertThat(asked).last().isEqualTo("classify model-x 0.5");
    }

    @Test
    void theFilterShowsOnlyResultsWithTheChosenLabelOrNone() {
        vm.add("invoices", "bills");

        vm.filterProperty().set("invoices");
        assertThat(port.files.stream().filter(vm.pathFilterProperty().get()))
                .containsExactly("/d/invoices-1.txt", "/d/invoices-2.txt");
        vm.filterProperty().set(LabelsViewModel.NONE);
        assertThat(port.files.stream().filter(vm.pathFilterProperty().get()))
                .containsExactly("/d/recipes-1.txt", "/d/notes.txt");
        vm.filterProperty().set(LabelsViewModel.ALL);
        assertThat(port.files.stream().filter(vm.pathFilterProperty().get())).hasSize(4);
    }

    @Test
    void confirmingAndCorrectingAFileAreCountedAndDescribed() {
        vm.add("invoices", "bills");
        vm.add("recipes", "cooking");
        assertThat(vm.describe("/d/recipes-1.txt")).isEqualTo("recipes-1.txt: recipes (90 % sure)");

        vm.confirm("/d/invoices-1.txt", "invoices");
        vm.correct("/d/recipes-1.txt", "invoices");

        assertThat(asked).contains("correct /d/recipes-1.txt invoices model-x");
        assertThat(vm.counts()).extracting(c -> c.label().name() + "=" + c.files() + "/" + c.confirmed())
                .containsExactly("invoices=3/2", "recipes=0/0");
        assertThat(vm.describe("/d/recipes-1.txt")).isEqualTo("recipes-1.txt: invoices (confirmed)");
        assertThat(vm.describe("/d/notes.txt")).isEqualTo("notes.txt: not sorted yet");
    }

    @Test
    void aRefusedChangeIsShownAndTheFilterChoiceSurvivesARenamingOfAnother() {
        vm.add("invoices", "bills");
        vm.add("recipes", "cooking");
        vm.filterProperty().set("invoices");

        vm.add("invoices", "again");
        assertThat(vm.errorProperty().get()).isEqualTo("There is already a label called invoices.");

        vm.edit("recipes", "cooking", "ingredients");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.filterProperty().get()).isEqualTo("invoices");
        assertThat(vm.filterChoices()).contains("cooking").doesNotContain("recipes");
    }

    @Test
    void theFolderListShowsOnlyFoldersHoldingFilesOfTheLabelWithHowMany() {
        port.files.addAll(List.of("/d/sub/invoices-3.txt", "/e/recipes-2.txt", "/e/notes-2.txt"));
        vm.add("invoices", "bills");
        vm.add("recipes", "cooking");
        Path d = Path.of("/d");
        Path e = Path.of("/e");

        assertThat(vm.folderFilterProperty().get().test(e)).as("all labels: every folder").isTrue();
        assertThat(vm.folderNote(d)).isEmpty();

        vm.filterProperty().set("invoices");
        assertThat(List.of(d, e)).filteredOn(vm.folderFilterProperty().get()).containsExactly(d);
        assertThat(vm.folderNote(d)).isEqualTo("3 files labelled invoices");
        assertThat(vm.folderNote(Path.of("/d/sub"))).isEqualTo("1 file labelled invoices");

        vm.filterProperty().set("recipes");
        assertThat(List.of(d, e)).filteredOn(vm.folderFilterProperty().get()).containsExactly(d, e);
        assertThat(vm.folderNote(e)).isEqualTo("1 file labelled recipes");

        vm.filterProperty().set(LabelsViewModel.NONE);
        assertThat(vm.folderNote(e)).isEqualTo("1 file with no label");
        assertThat(vm.folderNote(d)).isEqualTo("1 file with no label");
    }

    @Test
    void filesThatGotTheirVectorsAfterTheSortAreSortedWhenTheIndexChanges() {
        vm.indexChanged();
        assertThat(asked).as("no labels: nothing to sort").isEmpty();
        vm.add("invoices", "bills");
        vm.filterProperty().set("invoices");
        assertThat(vm.pathFilterProperty().get().test("/d/invoices-3.txt")).isFalse();

        port.files.add("/d/invoices-3.txt"); // embedded after the labels were made
        vm.indexChanged();

        assertThat(vm.counts()).extracting(c -> c.label().name() + "=" + c.files()).containsExactly("invoices=3");
        assertThat(vm.pathFilterProperty().get().test("/d/invoices-3.txt")).isTrue();
    }

    @Test
    void aSortAskedForWhileAChangeIsStoredDoesNotCancelIt() {
        runner.holdWork = true;
        vm.add("invoices", "bills");
        vm.indexChanged();
        vm.refresh(); // an indexing run ended, or the label box opened, while the label was being stored

        while (runner.heldCount() > 0) {
            runner.runHeld();
        }

        assertThat(port.labels).containsKey("invoices");
        assertThat(vm.statusProperty().get()).isEqualTo("Added invoices");
        assertThat(vm.counts()).extracting(c -> c.label().name() + "=" + c.files()).containsExactly("invoices=2");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aLabelMadeElsewhereShowsWithoutOpeningThePane() {
        port.labels.put("recipes", new Label("recipes", "cooking")); // a corpus map group made a label

        port.listeners.forEach(Runnable::run);

        assertThat(vm.counts()).extracting(c -> c.label().name() + "=" + c.files()).containsExactly("recipes=1");
        assertThat(vm.filterChoices()).contains("recipes");
    }

    @Test
    void movingTheThresholdSortsAgainWithIt() {
        vm.add("invoices", "bills");

        vm.thresholdProperty().set(0.8);

        assertThat(asked).last().isEqualTo("classify model-x 0.8");
    }
}
