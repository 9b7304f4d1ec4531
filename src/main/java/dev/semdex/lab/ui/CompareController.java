package dev.semdex.lab.ui;

import dev.semdex.lab.compare.Precision;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Compare tab: query and models on top, one column per model, cheaper-vector tables under each column. The
 * view model sets the columns last, so the columns' change redraws everything.
 */
public final class CompareController {

    private final CompareViewModel vm;
    private final Consumer<Path> open;
    private final Runnable showIndexModels;

    @FXML private BorderPane comparePane;
    @FXML private TextField queryField;
    @FXML private ComboBox<String> modelABox;
    @FXML private ComboBox<String> modelBBox;
    @FXML private ComboBox<String> modelCBox;
    @FXML private Spinner<Integer> kSpinner;
    @FXML private Button runButton;
    @FXML private CheckBox dim256;
    @FXML private CheckBox dim128;
    @FXML private CheckBox dim64;
    @FXML private CheckBox int8Box;
    @FXML private CheckBox binaryBox;
    @FXML private ProgressIndicator busy;
    @FXML private Label statusLabel;
    @FXML private FlowPane pairBox;
    @FXML private HBox columnsBox;
    @FXML private VBox emptyState;
    @FXML private Label emptyTitle;
    @FXML private Label emptyHint;
    @FXML private HBox errorBar;
    @FXML private Label errorLabel;

    /** @param open opens a file with the desktop (off the UI thread) */
    public CompareController(CompareViewModel vm, Consumer<Path> open, Runnable showIndexModels) {
        this.vm = vm;
        this.open = open;
        this.showIndexModels = showIndexModels;
    }

    @FXML
    private void initialize() {
        queryField.textProperty().bindBidirectional(vm.queryProperty());
        queryField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.compare();
            } else if (e.getCode() == KeyCode.ESCAPE && vm.runningProperty().get()) {
                vm.cancel();
            }
        });
        modelABox.setItems(vm.modelChoices());
        modelABox.valueProperty().bindBidirectional(vm.modelAProperty());
        modelBBox.setItems(vm.modelChoices());
        modelBBox.valueProperty().bindBidirectional(vm.modelBProperty());
        modelCBox.setItems(vm.optionalChoices());
        modelCBox.valueProperty().bindBidirectional(vm.modelCProperty());
        kSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 50, vm.kProperty().get()));
        kSpinner.valueProperty().addListener((obs, old, k) -> vm.kProperty().set(k == null ? 10 : k));
        vm.kProperty().addListener((obs, old, k) -> kSpinner.getValueFactory().setValue(k.intValue()));
        dim256.selectedProperty().bindBidirectional(vm.dimensionProperty(256));
        dim128.selectedProperty().bindBidirectional(vm.dimensionProperty(128));
        dim64.selectedProperty().bindBidirectional(vm.dimensionProperty(64));
        int8Box.selectedProperty().bindBidirectional(vm.precisionProperty(Precision.INT8));
        binaryBox.selectedProperty().bindBidirectional(vm.precisionProperty(Precision.BINARY));
        runButton.textProperty().bind(Bindings.when(vm.runningProperty()).then("Cancel").otherwise("Compare"));
        busy.visibleProperty().bind(vm.runningProperty());
        statusLabel.textProperty().bind(vm.statusProperty());

        vm.columns().addListener((ListChangeListener<CompareViewModel.Column>) c -> showColumns());
        vm.modelChoices().addListener((ListChangeListener<String>) c -> showEmptyState());
        showEmptyState();
        vm.errorProperty().addListener((obs, old, message) -> showError(message));
        vm.judgements().errorProperty().addListener((obs, old, message) -> showError(message));
    }

    @FXML
    private void compare() {
        if (vm.runningProperty().get()) {
            vm.cancel();
        } else {
            vm.compare();
        }
    }

    private void showError(String message) {
        ErrorBar.show(errorBar, errorLabel, message);
    }

    private void showEmptyState() {
        boolean none = vm.modelChoices().isEmpty();
        boolean one = vm.modelChoices().size() == 1;
        boolean empty = vm.columns().isEmpty();
        emptyState.setVisible(empty);
        emptyState.setManaged(empty);
        emptyState.setOnMouseClicked(none || one ? e -> showIndexModels.run() : null);
        if (none) {
            emptyTitle.setText("Nothing indexed yet");
            emptyHint.setText("Add a folder in the main window. Then add a second model to the index under "
                    + "“Models in the index” to compare the two.");
        } else if (one) {
            emptyTitle.setText("Only " + vm.modelChoices().get(0) + " has indexed your files");
            emptyHint.setText("Add a second model under “Models in the index” (click here). It embeds your "
                    + "folders in the background; search goes on meanwhile.");
        } else {
            emptyTitle.setText("Type a query and press Enter");
            emptyHint.setText("Each model ranks your files; files found by several models share a colour. "
                    + "Tick cheaper vectors to see what shorter or quantised vectors keep of each ranking.");
        }
    }

    private void showColumns() {
        columnsBox.getChildren().clear();
        for (CompareViewModel.Column column : vm.columns()) {
            VBox box = column(column);
            HBox.setHgrow(box, Priority.ALWAYS);
            columnsBox.getChildren().add(box);
        }
        showPairs();
        showEmptyState();
    }

    private VBox column(CompareViewModel.Column column) {
        Label title = new Label(column.letter() + "  " + column.modelId());
        title.getStyleClass().add("column-title");
        Label size = new Label(column.sizeText());
        size.getStyleClass().addAll("muted", "small");
        Label time = new Label(column.timeText());
        time.getStyleClass().addAll("muted", "small");
        VBox header = new VBox(2, title, size, time);
        header.getStyleClass().add("column-header");

        ListView<CompareViewModel.Row> list = new ListView<>();
        list.setId("column-" + column.letter());
        list.getStyleClass().add("compare-list");
        list.getItems().setAll(column.rows());
        list.setCellFactory(l -> new CompareCell(vm));
        list.setPlaceholder(new Label("No results"));
        list.setOnMouseClicked(e -> {
            CompareViewModel.Row row = list.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && row != null) {
                open.accept(Path.of(row.path()));
            }
        });
        list.setOnKeyPressed(e -> {
            CompareViewModel.Row row = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && row != null) {
                open.accept(Path.of(row.path()));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(6, header, list);
        box.getStyleClass().add("compare-column");
        box.setMinWidth(0);
        box.setPrefWidth(10);
        List<CompareViewModel.VariantRow> variants = vm.variantsByModel().getOrDefault(column.modelId(), List.of());
        if (!variants.isEmpty()) {
            box.getChildren().add(VariantTable.of(column.modelId(), variants, vm.shownKProperty().get()));
        }
        return box;
    }

    private void showPairs() {
        pairBox.getChildren().clear();
        int k = vm.shownKProperty().get();
        for (CompareViewModel.Pair p : vm.pairs()) {
            Label l = new Label(p.text(k));
            l.getStyleClass().add("pair-chip");
            l.setTooltip(new javafx.scene.control.Tooltip(p.modelA() + " vs " + p.modelB()
                    + "\noverlap@" + k + ": share of the top " + k + " both models list"
                    + "\nRBO: rank-biased overlap, 1 for identical rankings, weighting the top"));
            pairBox.getChildren().add(l);
        }
        if (!vm.columns().isEmpty()) {
            int shared = vm.sharedCountProperty().get();
            Label l = new Label(shared + (shared == 1 ? " shared file" : " shared files"));
            l.setId("sharedCount");
            l.getStyleClass().addAll("pair-chip", "shared-count");
            pairBox.getChildren().add(l);
        }
    }

    /** Puts the caret in the query field. */
    public void focusQuery() {
        queryField.requestFocus();
        queryField.selectAll();
    }

    BorderPane root() {
        return comparePane;
    }
}
