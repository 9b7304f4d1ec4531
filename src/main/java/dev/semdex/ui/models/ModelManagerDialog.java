package dev.semdex.ui.models;

import dev.semdex.embed.ModelSource;
import dev.semdex.models.ModelListing;
import java.io.File;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** The model manager window: a table of models and the actions on the selected one. Logic is in the view model. */
public final class ModelManagerDialog {

    private ModelManagerDialog() {}

    public static void show(Window owner, ModelsViewModel vm) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Models");
        dialog.setHeaderText(null);
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);

        TableView<ModelListing.Entry> table = new TableView<>(vm.models());
        table.setId("modelTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("Model", 230, ModelListing.Entry::name));
        table.getColumns().add(column("Parameters", 95, e -> e.parameters().isEmpty() ? "–" : e.parameters()));
        table.getColumns().add(column("Dimension", 90, e -> e.dimension() > 0 ? Integer.toString(e.dimension())
                : "probed"));
        table.getColumns().add(column("Max tokens", 95, e -> Integer.toString(e.maxTokens())));
        table.getColumns().add(column("Download", 85, e -> e.downloadBytes() > 0
                ? String.format(Locale.ROOT, "%,d MB", Math.round(e.downloadBytes() / 1e6)) : "–"));
        table.getColumns().add(column("Licence", 95, e -> e.licence().isEmpty() ? "–" : e.licence()));
        table.getColumns().add(column("Engine", 110, ModelListing.Entry::engine));
        TableColumn<ModelListing.Entry, String> state = new TableColumn<>("State");
        state.setPrefWidth(175);
        state.setCellValueFactory(c -> Bindings.createStringBinding(() -> stateText(c.getValue(),
                vm.defaultModelProperty().get()), vm.defaultModelProperty()));
        table.getColumns().add(state);
        table.setPrefSize(1000, 360);
        vm.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
        String[] lastSelected = {null};
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, e) -> {
            if (e != null) {
                lastSelected[0] = e.id();
            }
        });
        vm.models().addListener((javafx.collections.ListChangeListener<ModelListing.Entry>) change ->
                vm.models().stream().filter(m -> m.id().equals(lastSelected[0])).findFirst()
                        .ifPresent(m -> table.getSelectionModel().select(m)));
        VBox.setVgrow(table, Priority.ALWAYS);

        var selected = vm.selectedProperty();
        Button download = new Button("Download");
        download.setId("downloadModelButton");
        download.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.busyProperty().get()
                || selected.get() == null || selected.get().source() != ModelSource.DOWNLOAD
                || selected.get().usable(), selected, vm.busyProperty()));
        download.setOnAction(e -> vm.download(selected.get()));
        Button cancel = new Button("Cancel download");
        cancel.setId("cancelDownloadButton");
        cancel.visibleProperty().bind(vm.downloadingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> vm.cancel());
        Button add = new Button("Add local folder…");
        add.setId("addModelFolderButton");
        add.disableProperty().bind(vm.busyProperty());
        add.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder with tokenizer.json and model.onnx (or model.pt)");
            File dir = chooser.showDialog(dialog.getDialogPane().getScene().getWindow());
            if (dir != null) {
                vm.addFolder(dir.toPath());
            }
        });
        Button remove = new Button("Remove");
        remove.setId("removeModelButton");
        remove.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.busyProperty().get()
                || selected.get() == null || !(selected.get().removable()
                        || selected.get().source() == ModelSource.OLLAMA), selected, vm.busyProperty()));
        remove.setOnAction(e -> {
            ModelListing.Entry entry = selected.get();
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, removeQuestion(entry), ButtonType.OK,
                    ButtonType.CANCEL);
            confirm.initOwner(dialog.getDialogPane().getScene().getWindow());
            confirm.setHeaderText("Remove " + entry.name() + "?");
            confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.remove(entry));
        });
        Button makeDefault = new Button("Use for new indexing");
        makeDefault.setId("defaultModelButton");
        makeDefault.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null
                || !selected.get().usable() || selected.get().id().equals(vm.defaultModelProperty().get()),
                selected, vm.defaultModelProperty()));
        makeDefault.setOnAction(e -> vm.makeDefault(selected.get()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(8, download, cancel, add, remove, gap, makeDefault);
        actions.setAlignment(Pos.CENTER_LEFT);

        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setPrefWidth(220);
        Label status = new Label();
        status.setId("modelStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        HBox statusRow = new HBox(8, progress, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label();
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        note.textProperty().bind(vm.noteProperty());
        note.visibleProperty().bind(vm.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());

        VBox content = new VBox(10, table, actions, statusRow, note);
        content.setPadding(new Insets(12));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setPrefSize(1060, 560);
        dialog.getDialogPane().setStyle("-fx-max-width: 1400px;"); // the theme caps dialogs at 600 px
        dialog.setOnHidden(e -> vm.cancel());
        vm.load();
        dialog.showAndWait();
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

    private static TableColumn<ModelListing.Entry, String> column(String title, double width,
            Function<ModelListing.Entry, String> value) {
        TableColumn<ModelListing.Entry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> (ObservableValue<String>) new ReadOnlyStringWrapper(value.apply(cell.getValue()))
                .getReadOnlyProperty());
        return c;
    }
}
