package dev.semdex.lab.ui;

import dev.semdex.ui.common.FxmlLoaderFactory;
import dev.semdex.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window for comparing models: Compare, Quality, Corpus map and Models in the index, one tab each. Built once
 * and shown again on later opens, so a comparison stays while the user goes back to the main window.
 */
public final class CompareWindow {

    private final Stage stage = new Stage();
    private final Supplier<String> currentModel;
    private final CompareViewModel compare;
    private final QualityViewModel quality;
    private final CorpusMapViewModel map;
    private final IndexModelsViewModel indexModels;
    private CompareController compareController;
    private TabPane tabs;

    /**
     * @param open opens a file with the desktop; blocking, called off the UI thread
     * @param onIndexChanged runs after a model was added to or removed from the index
     */
    public CompareWindow(Window owner, CompareBackend backend, TaskRunner background, TaskRunner indexing,
            Supplier<String> currentModel, Consumer<Path> open, Runnable onIndexChanged) {
        this.currentModel = currentModel;
        this.compare = new CompareViewModel(backend, background);
        this.quality = new QualityViewModel(backend, background);
        this.map = new CorpusMapViewModel(backend, background);
        this.indexModels = new IndexModelsViewModel(backend, background, indexing, () -> {
            refresh();
            onIndexChanged.run();
        });
        Consumer<Path> openInBackground = path -> background.submit(() -> {
            open.accept(path);
            return null;
        }, ok -> {}, e -> compare.errorProperty().set(dev.semdex.ui.common.Errors.message(e)));
        build(owner, openInBackground);
    }

    private void build(Window owner, Consumer<Path> open) {
        tabs = new FxmlLoaderFactory("/dev/semdex/lab/ui/")
                .with(CompareController.class, () -> {
                    compareController = new CompareController(compare, open, this::showIndexModels);
                    return compareController;
                })
                .with(QualityController.class, () -> new QualityController(quality))
                .with(CorpusMapController.class, () -> new CorpusMapController(map, open))
                .with(IndexModelsController.class, () -> new IndexModelsController(indexModels))
                .load("compare-window.fxml", TabPane.class);
        Scene scene = new Scene(tabs, 1240, 780);
        scene.getStylesheets().add(CompareWindow.class.getResource("/dev/semdex/ui/semdex.css").toExternalForm());
        scene.getStylesheets().add(CompareWindow.class.getResource("compare.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), () -> {
            tabs.getSelectionModel().select(0);
            compareController.focusQuery();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), stage::close);
        stage.setTitle("Semdex — compare models");
        stage.setScene(scene);
        stage.initOwner(owner);
        stage.setMinWidth(760);
        stage.setMinHeight(480);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> tabShown(tab));
        map.modelProperty().addListener((obs, old, model) -> {
            if (model != null && !model.equals(old) && tabs.getSelectionModel().getSelectedIndex() == 2) {
                map.build();
            }
        });
        stage.focusedProperty().addListener((obs, was, focused) -> {
            if (focused) {
                compare.judgements().reload();
            }
        });
    }

    /** Shows the window (again) with the main window's query, if the compare query is still empty. */
    public void show(String query) {
        if ((compare.queryProperty().get() == null || compare.queryProperty().get().isBlank()) && query != null) {
            compare.queryProperty().set(query.strip());
        }
        refresh();
        stage.show();
        stage.toFront();
        compareController.focusQuery();
    }

    private void refresh() {
        String preferred = currentModel.get();
        compare.refreshModels(preferred);
        quality.refresh();
        map.refreshModels(preferred);
        indexModels.refresh();
    }

    private void tabShown(Tab tab) {
        if (tab == null) {
            return;
        }
        switch (tab.getId()) {
            case "qualityTab" -> quality.refresh();
            case "mapTab" -> {
                if (map.mapProperty().get() == null && !map.buildingProperty().get() && map.modelProperty().get() != null) {
                    map.build();
                }
            }
            default -> { }
        }
    }

    /** Shows a tab: compareTab, qualityTab, mapTab or indexModelsTab. */
    public void select(String tabId) {
        tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private void showIndexModels() {
        tabs.getSelectionModel().select(3);
    }

    public Stage stage() {
        return stage;
    }

    public CompareViewModel compare() {
        return compare;
    }

    public QualityViewModel quality() {
        return quality;
    }

    public CorpusMapViewModel map() {
        return map;
    }

    public IndexModelsViewModel indexModels() {
        return indexModels;
    }
}
