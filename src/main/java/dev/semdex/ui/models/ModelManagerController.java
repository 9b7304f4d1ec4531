package dev.semdex.ui.models;

import dev.semdex.models.ModelListing;
import dev.semdex.embed.ModelSource;
import java.io.File;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** The model manager's pane (models.fxml): a table of models and the actions on the selected one. */
public final class ModelManagerController {

    private final ModelsViewModel vm;
    /** The model last selected, selected again when the list is reloaded after an action. */
    private String lastSelected;

    @FXML private DialogPane modelsPane;
    @FXML private TableView<ModelListing.Entry> modelTable;
    @FXML private TableColumn<ModelListing.Entry, String> nameColumn;
    @FXML private TableColumn<ModelListing.Entry, String> parametersColumn;
    @FXML private TableColumn<ModelListing.Entry, String> dimensionColumn;
    @FXML private TableColumn<ModelListing.Entry, String> maxTokensColumn;
    @FXML private TableColumn<ModelListing.Entry, String> downloadColumn;
    @FXML private TableColumn<ModelListing.Entry, String> licenceColumn;
    @FXML private TableColumn<ModelListing.Entry, String> engineColumn;
    @FXML private TableColumn<ModelListing.Entry, String> stateColumn;
    @FXML private Button downloadModelButton;
    @FXML private Button cancelDownloadButton;
    @FXML private Button addModelFolderButton;
    @FXML private Button removeModelButton;
    @FXML private Button defaultModelButton;
    @FXML private ProgressBar progress;
    @FXML private Label modelStatus;
    @FXML private Label note;

    public ModelManagerController(ModelsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        modelTable.setItems(vm.models());
        show(nameColumn, ModelListing.Entry::name);
        show(parametersColumn, e -> e.parameters().isEmpty() ? "–" : e.parameters());
        show(dimensionColumn, e -> e.dimension() > 0 ? Integer.toString(e.dimension()) : "probed");
        show(maxTokensColumn, e -> Integer.toString(e.maxTokens()));
        show(downloadColumn, e -> e.downloadBytes() > 0
                ? String.format(Locale.ROOT, "%,d MB", Math.round(e.downloadBytes() / 1e6)) : "–");
        show(licenceColumn, e -> e.licence().isEmpty() ? "–" : e.licence());
        show(engineColumn, ModelListing.Entry::engine);
        stateColumn.setCellValueFactory(c -> Bindings.createStringBinding(() -> stateText(c.getValue(),
                vm.defaultModelProperty().get()), vm.defaultModelProperty()));
        vm.selectedProperty().bind(modelTable.getSelectionModel().selectedItemProperty());
        modelTable.getSelectionModel().selectedItemProperty().addListener((obs, old, e) -> {
            if (e != null) {
                lastSelected = e.id();
            }
        });
        vm.models().addListener((ListChangeListener<ModelListing.Entry>) change ->
                dev.semdex.ui.common.ColumnWidths.fit(modelTable));
        vm.models().addListener((ListChangeListener<ModelListing.Entry>) change ->
                vm.models().stream().filter(m -> m.id().equals(lastSelected)).findFirst()
                        .ifPresent(m -> modelTable.getSelectionModel().select(m)));

        ObjectProperty<ModelListing.Entry> selected = vm.selectedProperty();
        downloadModelButton.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.busyProperty().get()
                || selected.get() == null || selected.get().source() != ModelSource.DOWNLOAD
                || selected.get().usable(), selected, vm.busyProperty()));
        cancelDownloadButton.visibleProperty().bind(vm.downloadingProperty());
        cancelDownloadButton.managedProperty().bind(cancelDownloadButton.visibleProperty());
        addModelFolderButton.disableProperty().bind(vm.busyProperty());
        removeModelButton.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.busyProperty().get()
                || selected.get() == null || !(selected.get().removable()
                        || selected.get().source() == ModelSource.OLLAMA), selected, vm.busyProperty()));
        defaultModelButton.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null
                || !selected.get().usable() || selected.get().id().equals(vm.defaultModelProperty().get()),
                selected, vm.defaultModelProperty()));

        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        modelStatus.textProperty().bind(vm.statusProperty());
        note.textProperty().bind(vm.noteProperty());
        note.visibleProperty().bind(vm.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
    }

    @FXML
    private void download() {
        vm.download(vm.selectedProperty().get());
    }

    @FXML
    private void cancelDownload() {
        vm.cancel();
    }

    @FXML
    private void addFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder with tokenizer.json and model.onnx (or model.pt)");
        File dir = chooser.showDialog(window());
        if (dir != null) {
            vm.addFolder(dir.toPath());
        }
    }

    @FXML
    private void remove() {
        ModelListing.Entry entry = vm.selectedProperty().get();
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, removeQuestion(entry), ButtonType.OK,
                ButtonType.CANCEL);
        confirm.initOwner(window());
        confirm.setHeaderText("Remove " + entry.name() + "?");
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.remove(entry));
    }

    @FXML
    private void makeDefault() {
        vm.makeDefault(vm.selectedProperty().get());
    }

    private Window window() {
        return modelsPane.getScene().getWindow();
    }

    static String stateText(ModelListing.Entry e, String defaultModel) {
        String state = switch (e.state()) {
            case "available" -> "available to download";
            case "missing" -> "files missing";
            default -> e.state();
        };
        return e.id().equals(defaultModel) ? state + " · default" : state;
    }

    private static String removeQuestion(ModelListing.Entry e) {
        if (e.source() == ModelSource.OLLAMA) {
            return "Its vectors are deleted from the index; the model stays on the Ollama server.";
        }
        return "added".equals(e.state())
                ? "Semdex forgets the model and deletes its vectors from the index; your folder stays as it is."
                : "Its downloaded files and its vectors in the index are deleted. You can download it again.";
    }

    private static void show(TableColumn<ModelListing.Entry, String> column,
            Function<ModelListing.Entry, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue()))
                .getReadOnlyProperty());
    }
}
