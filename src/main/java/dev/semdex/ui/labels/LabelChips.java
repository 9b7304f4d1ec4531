package dev.semdex.ui.labels;

import dev.semdex.labels.LabelCount;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Pane;

/**
 * The label filter as a row of chips over the results: "All", one per label with its count, "No label". One chip is
 * on at a time; turning the chosen one off shows all again. The row shows once there are labels.
 */
public final class LabelChips {

    private final Pane row;
    private final LabelsViewModel vm;
    private final ToggleGroup group = new ToggleGroup();
    private boolean updating;

    private LabelChips(Pane row, LabelsViewModel vm) {
        this.row = row;
        this.vm = vm;
    }

    /** Fills {@code row} with the view model's filter choices and keeps both in step. */
    public static void bind(Pane row, LabelsViewModel vm) {
        LabelChips chips = new LabelChips(row, vm);
        var hasLabels = javafx.beans.binding.Bindings.isNotEmpty(vm.counts());
        row.visibleProperty().bind(hasLabels);
        row.managedProperty().bind(hasLabels);
        vm.filterChoices().addListener((ListChangeListener<String>) change -> chips.rebuild());
        vm.counts().addListener((ListChangeListener<LabelCount>) change -> chips.rebuild());
        vm.filterProperty().addListener((obs, old, f) -> chips.select(f));
        chips.group.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (!chips.updating) {
                vm.filterProperty().set(toggle == null ? LabelsViewModel.ALL : (String) toggle.getUserData());
            }
        });
        chips.rebuild();
    }

    private void rebuild() {
        updating = true;
        try {
            Map<String, Integer> files = vm.counts().stream().collect(Collectors.toMap(c -> c.label().name(),
                    LabelCount::files, (a, b) -> a));
            group.getToggles().clear();
            row.getChildren().setAll(vm.filterChoices().stream().map(choice -> chip(choice, files)).toList());
        } finally {
            updating = false;
        }
        select(vm.filterProperty().get());
    }

    private ToggleButton chip(String choice, Map<String, Integer> files) {
        Function<String, String> text = c -> LabelsViewModel.ALL.equals(c) ? "All"
                : files.containsKey(c) ? c + " · " + files.get(c) : c;
        ToggleButton chip = new ToggleButton(text.apply(choice));
        chip.setUserData(choice);
        chip.setId("chip-" + choice.replaceAll("[^A-Za-z0-9]+", "-"));
        chip.getStyleClass().addAll("label-chip", "small");
        chip.setFocusTraversable(false);
        chip.setToggleGroup(group);
        return chip;
    }

    private void select(String choice) {
        updating = true;
        try {
            group.getToggles().stream().filter(t -> t.getUserData().equals(choice)).findFirst()
                    .ifPresentOrElse(t -> t.setSelected(true), () -> group.selectToggle(null));
        } finally {
            updating = false;
        }
    }
}
