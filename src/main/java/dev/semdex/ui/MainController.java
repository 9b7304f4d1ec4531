package dev.semdex.ui;

import dev.semdex.search.BestSentence;
import dev.semdex.search.SearchMode;
import dev.semdex.search.SearchResult;
import dev.semdex.ui.common.DesktopActions;
import dev.semdex.ui.common.Errors;
import dev.semdex.ui.common.HelpTips;
import dev.semdex.ui.common.TaskRunner;
import dev.semdex.ui.folders.FoldersController;
import dev.semdex.ui.folders.FoldersViewModel;
import dev.semdex.ui.search.MarkedFlow;
import dev.semdex.ui.search.Passages;
import dev.semdex.ui.search.ResultCell;
import dev.semdex.ui.search.SearchViewModel;
import dev.semdex.ui.similar.FlowSelection;
import dev.semdex.ui.similar.SimilarViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window: search bar, results, preview, error bar, and drops of folders anywhere on the window. */
public final class MainController {

    private final SearchViewModel search;
    private final FoldersViewModel folders;
    private final TaskRunner runner;
    private final Runnable openSettings;
    private Runnable openModels = () -> {};
    private final DesktopActions desktop;
    private boolean redrawPending;
    /** The results' menu items, collected while the window is built; the menu itself comes after its first frame. */
    private final List<MenuItem> resultMenu = new ArrayList<>();
    /** Made on the first preview, not with the window: a tooltip builds a popup window of its own. */
    private Tooltip previewPathTip;
    /** The cells the list made (a few screens' worth); weak, so cells the list drops are forgotten. */
    private final Set<ResultCell> resultCells = Collections.newSetFromMap(new WeakHashMap<>());
    private ModelLab lab;
    private SimilarViewModel similar;
    private FlowSelection previewSelection;

    @FXML private BorderPane root;
    @FXML private TextField searchField;
    @FXML private ToggleGroup modeGroup;
    @FXML private ToggleButton hybridMode;
    @FXML private ToggleButton vectorMode;
    @FXML private ToggleButton keywordMode;
    @FXML private ComboBox<String> modelBox;
    @FXML private ComboBox<String> folderBox;
    @FXML private ComboBox<String> typeBox;
    @FXML private ListView<SearchResult> resultList;
    @FXML private Label statusLabel;
    @FXML private Label previewTitle;
    @FXML private Label previewPath;
    @FXML private Label previewHeading;
    @FXML private MarkedFlow previewFlow;
    @FXML private javafx.scene.control.ScrollPane previewScroll;
    private TextFlow previewText;
    @FXML private Button openButton;
    @FXML private Button revealButton;
    @FXML private Button copyButton;
    @FXML private javafx.scene.layout.VBox previewPane;
    private dev.semdex.ui.search.PreviewPicture previewPicture;
    @FXML private HBox errorBar;
    @FXML private Label errorLabel;
    @FXML private FoldersController foldersController;
    @FXML private Label similarLabel;
    @FXML private javafx.scene.layout.FlowPane labelChips;
    @FXML private Button labelsButton;
    private dev.semdex.ui.labels.LabelsViewModel labels;

    public MainController(SearchViewModel search, FoldersViewModel folders, TaskRunner runner, Runnable openSettings,
            DesktopActions desktop) {
        this.desktop = desktop;
        this.search = search;
        this.folders = folders;
        this.runner = runner;
        this.openSettings = openSettings;
    }

    @FXML
    private void initialize() {
        previewText = previewFlow.flow();
        previewText.setId("previewText");
        previewText.setLineSpacing(3);
        searchField.textProperty().bindBidirectional(search.queryProperty());
        searchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !resultList.getItems().isEmpty()) {
                resultList.requestFocus();
                resultList.getSelectionModel().selectFirst();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                search.searchNow();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                searchField.clear();
            }
        });
        bindModes();
        modelBox.setItems(search.models());
        modelBox.valueProperty().bindBidirectional(search.modelProperty());
        folderBox.setItems(search.folderChoices());
        folderBox.valueProperty().bindBidirectional(search.folderFilterProperty());
        dev.semdex.ui.search.FolderFilterBox.dress(folderBox, search.folderChoices());
        typeBox.setItems(search.typeChoices());
        typeBox.valueProperty().bindBidirectional(search.typeFilterProperty());
        search.refreshFilters();

        resultList.setItems(search.results());
        resultList.setCellFactory(list -> {
            ResultCell cell = new ResultCell(list, search.shownQueryProperty()::get,
                    () -> search.results().isEmpty() ? 0 : search.results().get(0).score(), this::folderLabel,
                    search.bestSentences()::get).withScoreControl(lab == null ? null : lab::resultControl)
                    .withDivider(search.goodMatchesProperty()::get)
                    .withThumbnails(search.thumbnails());
            resultCells.add(cell);
            return cell;
        });
        search.bestSentences().addListener((MapChangeListener<Long, BestSentence.Span>) change -> {
            if (change.wasAdded() && !redrawPending) {
                redrawPending = true;
                Platform.runLater(this::redrawMarks);
            }
        });
        Label placeholder = new Label();
        placeholder.getStyleClass().add("empty-title");
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> folders.folders().isEmpty()
                ? "Results show here once a folder is added. Drop one anywhere on this window."
                : search.queryProperty().get().isBlank() ? "Type to search your folders"
                : search.searchingProperty().get() ? "Searching…" : "No matches. Try other words or Semantic mode.",
                folders.folders(), search.queryProperty(), search.searchingProperty()));
        resultList.setPlaceholder(placeholder);
        search.selectedProperty().bind(resultList.getSelectionModel().selectedItemProperty());
        resultList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                revealSelected();
            } else if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            } else if (e.getCode() == KeyCode.C && e.isShortcutDown()) {
                copySelected();
            } else if (e.getCode() == KeyCode.UP && resultList.getSelectionModel().getSelectedIndex() == 0) {
                searchField.requestFocus();
            }
        });
        resultList.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });
        resultMenu.addAll(resultMenuItems());
        statusLabel.textProperty().bind(search.statusProperty());

        var nothingSelected = search.selectedProperty().isNull();
        openButton.disableProperty().bind(nothingSelected);
        revealButton.disableProperty().bind(nothingSelected);
        copyButton.disableProperty().bind(nothingSelected);
        previewPicture = new dev.semdex.ui.search.PreviewPicture(search.thumbnails(), previewPane, previewScroll);
        search.previewProperty().addListener((obs, old, p) -> showPreview(p));
        showPreview(null);

        search.errorProperty().addListener((obs, old, message) -> {
            if (message != null && !message.isEmpty()) {
                showError(message);
            }
        });
        root.setOnDragOver(this::dragOver);
        root.setOnDragExited(e -> root.getStyleClass().remove("drop-target"));
        root.setOnDragDropped(this::dropped);
        if (similar != null) {
            wireSimilar();
        }
        wireLabels();
    }

    /** The label filter on the results and the Labels pane, for the selected result. */
    private void wireLabels() {
        labelsButton.setVisible(labels != null);
        labelsButton.setManaged(labels != null);
        if (labels == null) {
            return;
        }
        dev.semdex.ui.labels.LabelChips.bind(labelChips, labels);
        javafx.collections.transformation.FilteredList<SearchResult> shown =
                new javafx.collections.transformation.FilteredList<>(search.results());
        shown.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            var paths = labels.pathFilterProperty().get();
            return r -> paths.test(r.path());
        }, labels.pathFilterProperty()));
        resultList.setItems(shown);
        foldersController.narrow(labels.folderFilterProperty(), labels::folderNote);
        MenuItem label = new MenuItem("Label…");
        label.setOnAction(e -> openLabels());
        resultMenu.add(label);
        labels.errorProperty().addListener((obs, old, message) -> {
            if (message != null && !message.isEmpty()) {
                showError(message);
            }
        });
        labels.refresh();
    }

    @FXML
    private void openLabels() {
        if (labels != null) {
            SearchResult r = resultList.getSelectionModel().getSelectedItem();
            dev.semdex.ui.labels.LabelsDialog.show(root.getScene().getWindow(), labels, r == null ? null : r.path());
        }
    }

    /** Labels and the label filter, or null when the window has none. */
    public dev.semdex.ui.labels.LabelsViewModel labels() {
        return labels;
    }

    /** Labels and the label filter; set before the FXML is loaded. */
    public void setLabels(dev.semdex.ui.labels.LabelsViewModel labels) {
        this.labels = labels;
    }

    /** More like this: on a result's menu, on the preview's selected text, and for a file dropped on the search field. */
    private void wireSimilar() {
        MenuItem like = new MenuItem("More like this");
        like.setOnAction(e -> {
            SearchResult r = resultList.getSelectionModel().getSelectedItem();
            if (r != null) {
                similar.likeFile(Path.of(r.path()));
            }
        });
        resultMenu.add(like);
        previewSelection = FlowSelection.attach(previewText, previewFlow::mark);
        ContextMenu[] previewMenu = {null}; // made when first asked for, as the results' menu is made after the frame
        previewFlow.setOnContextMenuRequested(e -> {
            if (previewMenu[0] == null) {
                MenuItem likeText = new MenuItem("More like this");
                likeText.setOnAction(a -> likePreview());
                previewMenu[0] = new ContextMenu(likeText);
            }
            previewMenu[0].show(previewFlow, e.getScreenX(), e.getScreenY());
        });
        searchField.setOnDragOver(this::dragOver);
        searchField.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().hasFiles() ? e.getDragboard().getFiles() : List.of();
            File file = files.stream().filter(File::isFile).findFirst().orElse(null);
            if (file != null) {
                similar.likeFile(file.toPath());
            } else if (!files.isEmpty()) {
                handleFiles(files);
            }
            root.getStyleClass().remove("drop-target");
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
        similar.errorProperty().addListener((obs, old, message) -> {
            if (message != null && !message.isEmpty()) {
                showError(message);
            }
        });
        search.queryProperty().addListener((obs, old, q) -> similar.forget());
        search.selectedProperty().addListener((obs, old, r) -> {
            String text = similar.explain(r);
            similarLabel.setText(text);
            similarLabel.setVisible(!text.isEmpty());
            similarLabel.setManaged(!text.isEmpty());
        });
    }

    /** The preview's selected text, or its whole passage when nothing is selected. */
    private void likePreview() {
        String text = previewSelection.selectedText();
        if (text.isBlank() && search.previewProperty().get() != null) {
            text = search.previewProperty().get().passage();
        }
        similar.likeText(text);
    }

    /** More like this; set before the FXML is loaded. */
    public void setSimilar(SimilarViewModel similar) {
        this.similar = similar;
    }

    /** The preview's text selection, for "More like this" on a piece of it. */
    public FlowSelection previewSelection() {
        return previewSelection;
    }

    /** Best sentences arrive as a batch of map changes; the list and preview are drawn again once for all. */
    private void redrawMarks() {
        redrawPending = false;
        resultCells.forEach(ResultCell::redrawPassage);
        SearchResult selected = search.selectedProperty().get();
        if (selected != null && search.bestSentences().containsKey(selected.chunkId())) {
            showPreview(search.previewProperty().get());
        }
    }

    private void bindModes() {
        hybridMode.setUserData(SearchMode.HYBRID);
        vectorMode.setUserData(SearchMode.VECTOR);
        keywordMode.setUserData(SearchMode.KEYWORD);
        modeGroup.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle == null) {
                modeGroup.selectToggle(old);
            } else {
                search.modeProperty().set((SearchMode) toggle.getUserData());
            }
        });
        search.modeProperty().addListener((obs, old, mode) -> {
            for (Toggle t : modeGroup.getToggles()) {
                if (t.getUserData() == mode) {
                    modeGroup.selectToggle(t);
                }
            }
        });
    }

    private List<MenuItem> resultMenuItems() {
        MenuItem open = new MenuItem("Open");
        open.setOnAction(e -> openSelected());
        MenuItem reveal = new MenuItem("Show in folder");
        reveal.setOnAction(e -> revealSelected());
        MenuItem copy = new MenuItem("Copy path");
        copy.setOnAction(e -> copySelected());
        return List.of(open, reveal, copy);
    }

    private void showPreview(dev.semdex.search.Passage p) {
        if (p == null) {
            previewTitle.setText("Preview");
            previewPath.setWrapText(true);
            previewPath.setTooltip(null);
            previewPath.setText("Select a result to read its passage in context. Enter or double-click opens it.");
            previewText.getChildren().clear();
            previewFlow.mark(-1, -1);
            previewPicture.show(null);
            return;
        }
        previewPicture.show(p);
        Path path = Path.of(p.path());
        SearchResult shown = search.selectedProperty().get();
        boolean same = shown != null && shown.path().equals(p.path());
        previewTitle.setText(same ? shown.displayTitle() : path.getFileName().toString());
        String heading = same ? shown.heading() : "";
        previewHeading.setText(heading);
        previewHeading.setVisible(!heading.isEmpty());
        previewHeading.setManaged(!heading.isEmpty());
        previewPath.setWrapText(false);
        previewPath.setText(path + (p.page() > 0 ? "  ·  page " + p.page() : ""));
        if (previewPathTip == null) {
            previewPathTip = new Tooltip();
        }
        previewPathTip.setText(path.toString());
        previewPath.setTooltip(previewPathTip);
        String query = search.shownQueryProperty().get();
        previewText.getChildren().clear();
        if (!p.before().isBlank()) {
            previewText.getChildren().add(Passages.context(p.before()));
        }
        SearchResult selected = search.selectedProperty().get();
        BestSentence.Span best = selected == null ? null : search.bestSentences().get(selected.chunkId());
        previewText.getChildren().addAll(Passages.texts(p.passage(), query, best));
        int offset = p.before().isBlank() ? 0 : p.before().length();
        previewFlow.mark(best == null ? -1 : offset + best.start(), best == null ? -1 : offset + best.end());
        previewPicture.mark(best == null || best.end() > p.passage().length() ? p.passage()
                : p.passage().substring(best.start(), best.end()));
        if (!p.after().isBlank()) {
            previewText.getChildren().add(Passages.context(p.after()));
        }
        dev.semdex.ui.search.PreviewScroll.toRange(previewScroll, previewFlow, best == null ? offset
                : offset + best.start(), best == null ? offset + p.passage().length() : offset + best.end());
    }

    /** "notes › 2024 › march" for a folder inside the indexed folder "notes"; else the full path. */
    private String folderLabel(Path folder) {
        for (var item : folders.folders()) {
            Path root = item.path();
            if (folder.startsWith(root)) {
                Path name = root.getFileName();
                StringBuilder label = new StringBuilder(name == null ? root.toString() : name.toString());
                for (Path part : root.relativize(folder)) {
                    if (!part.toString().isEmpty()) {
                        label.append(" › ").append(part);
                    }
                }
                return label.toString();
            }
        }
        return folder.toString();
    }

    /** Ctrl+K / Ctrl+L. */
    /**
     * What the window's first frame does without, each a popup window with its own styles to build: the tooltips
     * (from the controls' help texts) and the results' menu. The Labels button's icon comes in {@link #showIcons}.
     */
    public void afterFirstFrame() {
        HelpTips.install(root);
        resultList.setContextMenu(new ContextMenu(resultMenu.toArray(MenuItem[]::new)));
    }

    /** Call once the icon font is loaded (it is looked up among all the jars, so off the UI thread). */
    public void showIcons() {
        FontIcon icon = new FontIcon("mdi2t-tag-multiple-outline");
        icon.setIconSize(16);
        labelsButton.setGraphic(icon);
    }

    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            if (!root.getStyleClass().contains("drop-target")) {
                root.getStyleClass().add("drop-target");
            }
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles();
        if (ok) {
            handleFiles(e.getDragboard().getFiles());
        }
        root.getStyleClass().remove("drop-target");
        e.setDropCompleted(ok);
        e.consume();
    }

    /** What a drop of files onto the window does. */
    public void handleFiles(List<File> files) {
        foldersController.handleFiles(files);
    }

    @FXML
    private void openSelected() {
        withSelected(desktop::open);
    }

    @FXML
    private void revealSelected() {
        withSelected(desktop::reveal);
    }

    @FXML
    private void copySelected() {
        SearchResult r = resultList.getSelectionModel().getSelectedItem();
        if (r != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(r.path());
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private void withSelected(Consumer<Path> action) {
        SearchResult r = resultList.getSelectionModel().getSelectedItem();
        if (r != null) {
            Path path = Path.of(r.path());
            runner.submit(() -> {
                action.accept(path);
                return null;
            }, ok -> {}, e -> showError(Errors.message(e)));
        }
    }

    public void showError(String message) {
        errorLabel.setText(message);
        errorBar.setVisible(true);
        errorBar.setManaged(true);
    }

    @FXML
    private void dismissError() {
        errorBar.setVisible(false);
        errorBar.setManaged(false);
        search.errorProperty().set("");
    }

    @FXML
    private void openSettings() {
        openSettings.run();
    }

    /** What the Models… button opens (the model manager). */
    public void setOnOpenModels(Runnable action) {
        this.openModels = action;
    }

    @FXML
    private void openModels() {
        openModels.run();
    }

    /** The lab's thumbs on the results and its Compare button; set before the FXML is loaded. */
    public void setLab(ModelLab lab) {
        this.lab = lab;
    }

    @FXML
    private void openCompare() {
        if (lab != null) {
            lab.open();
        }
    }
}
