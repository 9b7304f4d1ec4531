package dev.semdex.ui.labels;

import dev.semdex.labels.FileLabel;
import dev.semdex.labels.LabelCount;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/**
 * The Labels pane (labels.fxml): the labels with their counts, fields to add or change one, the confidence
 * threshold, and the selected result's label to confirm or correct. Logic is in the view model.
 */
public final class LabelsController {

    private final LabelsViewModel vm;
    private final String selectedPath;

    @FXML private TableView<LabelCount> labelTable;
    @FXML private TableColumn<LabelCount, String> nameColumn;
    @FXML private TableColumn<LabelCount, String> wordsColumn;
    @FXML private TableColumn<LabelCount, String> filesColumn;
    @FXML private TableColumn<LabelCount, String> confirmedColumn;
    @FXML private TextField nameField;
    @FXML private TextField wordsField;
    @FXML private Button addButton;
    @FXML private Button saveButton;
    @FXML private Button removeButton;
    @FXML private Slider thresholdSlider;
    @FXML private Label thresholdLabel;
    @FXML private Label fileLabel;
    @FXML private Button confirmButton;
    @FXML private ComboBox<String> correctBox;
    @FXML private Button correctButton;
    @FXML private Label labelsStatus;

    /** @param selectedPath the result selected when the pane opened, or null */
    public LabelsController(LabelsViewModel vm, String selectedPath) {
        this.vm = vm;
        this.selectedPath = selectedPath;
    }

    @FXML
    private void initialize() {
        labelTable.setItems(vm.counts());
        show(nameColumn, c -> c.label().name());
        show(wordsColumn, c -> c.label().words());
        show(filesColumn, c -> Integer.toString(c.files()));
        show(confirmedColumn, c -> Integer.toString(c.confirmed()));
        labelTable.getSelectionModel().selectedItemProperty().addListener((obs, old, c) -> {
            if (c != null) {
                nameField.setText(c.label().name());
                wordsField.setText(c.label().words());
            }
        });
        var noSelection = labelTable.getSelectionModel().selectedItemProperty().isNull();
        addButton.disableProperty().bind(nameField.textProperty().isEmpty().or(vm.busyProperty()));
        saveButton.disableProperty().bind(noSelection.or(nameField.textProperty().isEmpty()).or(vm.busyProperty()));
        removeButton.disableProperty().bind(noSelection.or(vm.busyProperty()));
        thresholdSlider.setValue(vm.thresholdProperty().get());
        thresholdSlider.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                vm.thresholdProperty().set(thresholdSlider.getValue());
            }
        });
        thresholdSlider.setOnMouseReleased(e -> vm.thresholdProperty().set(thresholdSlider.getValue()));
        thresholdLabel.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%.0f %%",
                100 * thresholdSlider.getValue()), thresholdSlider.valueProperty()));
        correctBox.setItems(vm.filterChoices().filtered(c -> !LabelsViewModel.ALL.equals(c)
                && !LabelsViewModel.NONE.equals(c)));
        fileLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.describe(selectedPath), vm.counts()));
        boolean noFile = selectedPath == null;
        confirmButton.disableProperty().bind(Bindings.createBooleanBinding(() -> noFile || vm.busyProperty().get()
                || best() == null, vm.busyProperty(), vm.counts()));
        correctButton.disableProperty().bind(Bindings.createBooleanBinding(() -> noFile || vm.busyProperty().get()
                || correctBox.getValue() == null, vm.busyProperty(), correctBox.valueProperty()));
        labelsStatus.textProperty().bind(Bindings.createStringBinding(() -> !vm.errorProperty().get().isEmpty()
                ? vm.errorProperty().get() : vm.busyProperty().get() ? "Sorting the files…"
                : vm.statusProperty().get(), vm.errorProperty(), vm.busyProperty(), vm.statusProperty()));
    }

    private String best() {
        FileLabel f = vm.labelOf(selectedPath);
        return f == null ? null : f.best();
    }

    @FXML
    private void add() {
        vm.add(nameField.getText(), wordsField.getText());
        nameField.clear();
        wordsField.clear();
    }

    @FXML
    private void save() {
        LabelCount c = labelTable.getSelectionModel().getSelectedItem();
        if (c != null) {
            vm.edit(c.label().name(), nameField.getText(), wordsField.getText());
        }
    }

    @FXML
    private void remove() {
        LabelCount c = labelTable.getSelectionModel().getSelectedItem();
        if (c != null) {
            vm.remove(c.label().name());
        }
    }

    @FXML
    private void confirm() {
        String best = best();
        if (best != null) {
            vm.confirm(selectedPath, best);
        }
    }

    @FXML
    private void correct() {
        if (correctBox.getValue() != null) {
            vm.correct(selectedPath, correctBox.getValue());
        }
    }

    private static void show(TableColumn<LabelCount, String> column, Function<LabelCount, String> text) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
    }
}
