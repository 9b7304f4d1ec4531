package dev.semdex.lab.ui;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The Models in the index tab: the models with vectors, remove (confirmed), add with progress/pause/cancel. */
public final class IndexModelsController {

    private final IndexModelsViewModel vm;

    @FXML private VBox indexModelsPane;
    @FXML private TableView<CompareBackend.IndexedModel> modelTable;
    @FXML private Button removeModelButton;
    @FXML private ComboBox<String> addBox;
    @FXML private Button addModelButton;
    @FXML private Label addCost;
    @FXML private VBox progressBox;
    @FXML private Label progressTitle;
    @FXML private Button pauseAddButton;
    @FXML private Button cancelAddButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressText;
    @FXML private HBox errorBar;
    @FXML private Label errorLabel;

    public IndexModelsController(IndexModelsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        modelTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        modelTable.getColumns().add(column("model", CompareBackend.IndexedModel::id, 260));
        modelTable.getColumns().add(column("dimensions", m -> Integer.toString(m.dimension()), 100));
        modelTable.getColumns().add(column("vectors", m -> String.format(Locale.ENGLISH, "%,d", m.vectors()), 100));
        modelTable.getColumns().add(column("size in the index", m -> CompareViewModel.bytes(m.vectorBytes()), 140));
        modelTable.setItems(vm.indexed());
        modelTable.setPlaceholder(new Label("No model has indexed a folder yet."));
        removeModelButton.disableProperty().bind(modelTable.getSelectionModel().selectedItemProperty().isNull());
        addBox.setItems(vm.addable());
        addBox.valueProperty().bindBidirectional(vm.toAddProperty());
        addCost.textProperty().bind(vm.addCostProperty());
        addModelButton.disableProperty().bind(vm.indexingProperty().or(vm.toAddProperty().isNull()));
        progressBox.visibleProperty().bind(vm.indexingProperty().or(vm.progressTextProperty().isNotEmpty()));
        progressBox.managedProperty().bind(progressBox.visibleProperty());
        progressTitle.textProperty().bind(Bindings.when(vm.pausedProperty()).then("Paused")
                .otherwise(Bindings.when(vm.indexingProperty()).then("Embedding…").otherwise("Last run")));
        pauseAddButton.textProperty().bind(Bindings.when(vm.pausedProperty()).then("Resume").otherwise("Pause"));
        pauseAddButton.visibleProperty().bind(vm.indexingProperty());
        cancelAddButton.visibleProperty().bind(vm.indexingProperty());
        progressBar.progressProperty().bind(vm.progressProperty());
        progressBar.visibleProperty().bind(vm.indexingProperty());
        progressBar.managedProperty().bind(vm.indexingProperty());
        progressText.textProperty().bind(vm.progressTextProperty());
        ErrorBar.bind(vm.errorProperty(), errorBar, errorLabel);
    }

    private static TableColumn<CompareBackend.IndexedModel, String> column(String title,
            Function<CompareBackend.IndexedModel, String> value, double width) {
        TableColumn<CompareBackend.IndexedModel, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    @FXML
    private void add() {
        vm.add();
    }

    @FXML
    private void remove() {
        CompareBackend.IndexedModel model = modelTable.getSelectionModel().getSelectedItem();
        if (model == null) {
            return;
        }
        ButtonType removeType = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, String.format(Locale.ENGLISH,
                "This deletes the %,d vectors of %s from the index (%s). Your files and the other models' vectors "
                        + "stay; adding the model again embeds everything again.", model.vectors(), model.id(),
                CompareViewModel.bytes(model.vectorBytes())), removeType, ButtonType.CANCEL);
        confirm.initOwner(indexModelsPane.getScene().getWindow());
        confirm.setTitle("Remove from index");
        confirm.setHeaderText("Remove " + model.id() + " from the index?");
        confirm.showAndWait().filter(b -> b == removeType).ifPresent(b -> vm.remove(model.id()));
    }

    @FXML
    private void togglePause() {
        if (vm.pausedProperty().get()) {
            vm.resume();
        } else {
            vm.pause();
        }
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }
}
