package dev.semdex.ui.folders;

import dev.semdex.index.SkippedDocument;
import dev.semdex.ui.common.Formats;
import java.io.File;
import java.time.Instant;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;

/** The folders pane: list, add/remove/re-index, indexing progress, skipped files. Logic is in the view model. */
public final class FoldersController {

    /** How often relative times such as "5 min ago" are brought up to date. */
    private static final Duration CLOCK_TICK = Duration.seconds(30);

    private final FoldersViewModel vm;
    private java.util.function.Function<java.nio.file.Path, String> note = folder -> "";

    @FXML private VBox foldersPane;
    @FXML private Button addButton;
    @FXML private ListView<FolderItem> folderList;
    @FXML private Button reindexButton;
    @FXML private Button removeButton;
    @FXML private Button exclusionsButton;
    @FXML private Tab skippedTab;
    @FXML private TextField skippedFilter;
    @FXML private ListView<SkippedDocument> skippedList;
    @FXML private VBox progressBox;
    @FXML private Label progressTitle;
    @FXML private Button pauseButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressText;
    @FXML private Label currentFile;

    public FoldersController(FoldersViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        folderList.setItems(vm.folders());
        folderList.setCellFactory(list -> new FolderCell(vm.nowProperty(), folder -> note.apply(folder)));
        Timeline clock = new Timeline(new KeyFrame(CLOCK_TICK, e -> vm.tick(Instant.now())));
        clock.setCycleCount(Animation.INDEFINITE);
        clock.play();
        folderList.setPlaceholder(emptyState());
        folderList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                remove();
            }
        });
        var noSelection = folderList.getSelectionModel().selectedItemProperty().isNull();
        reindexButton.disableProperty().bind(noSelection);
        removeButton.disableProperty().bind(noSelection);
        exclusionsButton.disableProperty().bind(noSelection);

        skippedList.setItems(vm.filteredSkipped());
        skippedList.setPlaceholder(new Label("No skipped files"));
        skippedList.setCellFactory(list -> new SkippedCell());
        skippedFilter.textProperty().bindBidirectional(vm.skippedFilterProperty());
        skippedTab.textProperty().bind(Bindings.createStringBinding(
                () -> vm.skipped().isEmpty() ? "Skipped" : "Skipped (" + vm.skipped().size() + ")", vm.skipped()));

        progressBox.visibleProperty().bind(vm.indexingProperty().or(vm.progressTextProperty().isNotEmpty()));
        progressBox.managedProperty().bind(progressBox.visibleProperty());
        progressTitle.textProperty().bind(vm.runTitleProperty());
        pauseButton.textProperty().bind(Bindings.when(vm.pausedProperty()).then("Resume").otherwise("Pause"));
        pauseButton.visibleProperty().bind(vm.indexingProperty());
        cancelButton.visibleProperty().bind(vm.indexingProperty());
        progressBar.progressProperty().bind(vm.overallProgressProperty());
        progressBar.visibleProperty().bind(vm.indexingProperty());
        progressBar.managedProperty().bind(vm.indexingProperty());
        progressText.textProperty().bind(vm.progressTextProperty());
        currentFile.textProperty().bind(vm.currentFileProperty());
        currentFile.visibleProperty().bind(vm.indexingProperty());
        currentFile.managedProperty().bind(vm.indexingProperty());
    }

    private VBox emptyState() {
        Label title = new Label("Drop a folder here to start");
        title.getStyleClass().add("empty-title");
        Label hint = new Label("or use Add folder… above. Semdex reads the files, and then you can search them "
                + "by meaning.");
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        VBox box = new VBox(6, title, hint);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        return box;
    }

    /**
     * Shows only the folders {@code shown} lets through, each with a line from {@code note} ("" for none): the label
     * filter narrows the folder list as it narrows the results.
     */
    public void narrow(javafx.beans.value.ObservableValue<java.util.function.Predicate<java.nio.file.Path>> shown,
            java.util.function.Function<java.nio.file.Path, String> note) {
        this.note = note;
        javafx.collections.transformation.FilteredList<FolderItem> filtered =
                new javafx.collections.transformation.FilteredList<>(vm.folders());
        filtered.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            var test = shown.getValue();
            return item -> test.test(item.path());
        }, shown));
        folderList.setItems(filtered);
        Label none = new Label("No folder holds a file with this label.");
        none.getStyleClass().add("muted");
        VBox empty = emptyState();
        folderList.placeholderProperty().bind(Bindings.createObjectBinding(() -> vm.folders().isEmpty() ? empty
                : none, vm.folders()));
        shown.addListener((obs, old, now) -> folderList.refresh()); // the rows' notes follow the filter
    }

    /** What a drop onto the window calls, and the chooser too. */
    public void handleFiles(List<File> files) {
        vm.addFolders(files.stream().map(File::toPath).toList());
    }

    @FXML
    private void addFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Add a folder to Semdex");
        chooser.setInitialDirectory(chooserStart());
        File dir = chooser.showDialog(foldersPane.getScene().getWindow());
        if (dir != null) {
            handleFiles(List.of(dir));
        }
    }

    /** The folder next to the last one added, or the home folder: never the toolkit's empty "Recent" view. */
    private File chooserStart() {
        for (int i = vm.folders().size() - 1; i >= 0; i--) {
            java.nio.file.Path parent = vm.folders().get(i).path().getParent();
            if (parent != null && java.nio.file.Files.isDirectory(parent)) {
                return parent.toFile();
            }
        }
        File home = new File(System.getProperty("user.home"));
        return home.isDirectory() ? home : null;
    }

    @FXML
    private void reindex() {
        FolderItem item = folderList.getSelectionModel().getSelectedItem();
        if (item != null) {
            vm.enqueue(item);
        }
    }

    @FXML
    private void editExclusions() {
        FolderItem item = folderList.getSelectionModel().getSelectedItem();
        if (item != null) {
            ExclusionsDialog.show(foldersPane.getScene().getWindow(), item)
                    .ifPresent(text -> vm.setExclusions(item, text));
        }
    }

    @FXML
    private void remove() {
        FolderItem item = folderList.getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Its " + Formats.plural(item.filesProperty().get(),
                "file leaves", "files leave") + " the index; the files themselves stay where they are. Adding the "
                + "folder again means reading them all again.", ButtonType.OK, ButtonType.CANCEL);
        confirm.initOwner(foldersPane.getScene().getWindow());
        confirm.setTitle("Remove folder");
        confirm.setHeaderText("Remove " + item.path().getFileName() + " from Semdex?");
        if (confirm.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
            vm.remove(item);
        }
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

    private static final class SkippedCell extends ListCell<SkippedDocument> {
        private final Tooltip tip = new Tooltip();

        @Override
        protected void updateItem(SkippedDocument item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            String name = java.nio.file.Path.of(item.path()).getFileName().toString();
            setText(name + " — " + item.reason());
            tip.setText(item.path() + "\n" + item.reason());
            setTooltip(tip);
        }
    }
}
