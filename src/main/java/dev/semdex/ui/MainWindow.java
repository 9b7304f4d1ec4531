package dev.semdex.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.semdex.settings.Settings;
import dev.semdex.ui.common.DesktopActions;
import dev.semdex.ui.common.Errors;
import dev.semdex.ui.common.FxmlLoaderFactory;
import dev.semdex.ui.folders.FolderItem;
import dev.semdex.ui.folders.FoldersController;
import dev.semdex.ui.folders.FoldersViewModel;
import dev.semdex.ui.models.ModelManagerDialog;
import dev.semdex.ui.models.ModelsViewModel;
import dev.semdex.ui.search.FileKind;
import dev.semdex.ui.search.SearchViewModel;
import dev.semdex.ui.settings.SettingsDialog;
import dev.semdex.ui.similar.SimilarViewModel;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Builds the main window on a stage: view models, FXML, theme, shortcuts, remembered bounds, folder watching. */
public final class MainWindow {

    private final AppServices services;
    private final Stage stage;
    private final SearchViewModel search;
    private final FoldersViewModel folders;
    private MainController controller;
    private AfterFirstFrame firstFrame;
    private final ModelLab lab;

    private MainWindow(AppServices services, Stage stage, ModelLab.Factory labFactory) {
        this.services = services;
        this.stage = stage;
        // The searches and loads the window asks for start once it is drawn (see release in build).
        services.background().hold();
        this.search = new SearchViewModel(services.searchPort(), services.background(),
                () -> services.settings().defaultModel());
        this.folders = new FoldersViewModel(services.foldersPort(), services.background(), services.indexing(),
                () -> services.settings().defaultModel(), this::showError);
        this.lab = labFactory.create(services, stage, search, services.desktop()::open);
    }

    /** Call on the FX thread; {@code services} already open; {@code lab} builds the model lab's part of it. */
    public static MainWindow show(AppServices services, Stage stage, ModelLab.Factory lab) {
        // Before any control exists: the first control class loaded would otherwise load and parse JavaFX's own
        // theme (Modena), which this one then replaces.
        applyTheme(services.settings());
        MainWindow window = new MainWindow(services, stage, lab);
        window.build();
        return window;
    }

    private void build() {
        FxmlLoaderFactory.View<Parent, MainController> view = new FxmlLoaderFactory()
                .with(MainController.class, () -> {
                    MainController main = new MainController(search, folders, services.background(),
                            this::openSettings, services.desktop());
                    main.setLab(lab);
                    main.setSimilar(new SimilarViewModel(services.similarPort(), services.background(),
                            () -> search.modelProperty().get() != null ? search.modelProperty().get()
                                    : services.settings().defaultModel(), search::showOthers));
                    main.setLabels(new dev.semdex.ui.labels.LabelsViewModel(services.labelsPort(),
                            services.background(), () -> search.modelProperty().get() != null
                                    ? search.modelProperty().get() : services.settings().defaultModel()));
                    return main;
                })
                .with(FoldersController.class, () -> new FoldersController(folders))
                .load("main.fxml", Parent.class, MainController.class);
        Parent root = view.root();
        controller = view.controller();
        controller.setOnOpenModels(this::openModels);
        services.foldersPort().onServerWait(message -> services.background().onUi(() -> showError(message.isEmpty()
                ? "The embedding server answers again; indexing goes on." : message)));
        Scene scene = new Scene(root, 1280, 800);
        firstFrame = new AfterFirstFrame(scene);
        firstFrame.run(services.background()::release);
        scene.getStylesheets().add(MainWindow.class.getResource("semdex.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN),
                controller::focusSearch);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN),
                controller::focusSearch);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), lab::open);
        stage.setTitle("Semdex");
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        restoreBounds(services.settings().window());
        stage.setOnHiding(e -> rememberBounds());

        folders.setOnIndexChanged(() -> {
            search.indexChanged();
            if (controller.labels() != null) {
                controller.labels().indexChanged(); // files that got their vectors can be sorted now
            }
        });
        folders.setOnIndexGrew(search::indexGrew);
        services.onFolderChanged(folders::folderChanged);
        Optional<String> readOnly = services.readOnlyReason();
        if (readOnly.isPresent()) {
            // Searching works; re-checking or watching folders could store nothing, so say why once instead.
            folders.load(loaded -> {});
            showError(readOnly.get());
        } else {
            folders.folders().addListener((javafx.collections.ListChangeListener<FolderItem>) change -> {
                while (change.next()) {
                    // Registering walks the folder tree: disk work, so on the watcher's own queue, in order.
                    change.getAddedSubList().forEach(f -> services.watching().submit(() -> {
                        services.watcher().watch(f.path());
                        return null;
                    }, ok -> {}, e -> {}));
                    change.getRemoved().forEach(f -> services.watching().submit(() -> {
                        services.watcher().unwatch(f.path());
                        return null;
                    }, ok -> {}, e -> {}));
                }
            });
            folders.load(loaded -> firstFrame.run(() -> loaded.forEach(folders::enqueue)));
        }
        search.refreshModels();
        stage.show();
        controller.focusSearch();
        String model = services.settings().defaultModel();
        firstFrame.run(() -> {
            services.background().submit(() -> services.semdex().embedder(model), ok -> {}, e -> {});
            services.background().submit(FileKind::loadIconFont, found -> {
                if (found) {
                    controller.showIcons();
                }
            }, e -> {});
            Platform.runLater(controller::afterFirstFrame); // in the next turn, after "Window ready" is logged
        });
    }

    /** Runs {@code work} on the UI thread once the window's first frame is laid out and drawn. */
    void whenDrawn(Runnable work) {
        firstFrame.run(work);
    }

    private void openSettings() {
        // The offline models are found on disk, so not on the UI thread; the dialog opens once they are known.
        services.background().submit(() -> services.settingsPort().offlineModels(), models -> {
            Settings current = services.settings();
            SettingsDialog.show(stage, current, models, services.dirs().data(), services.settingsPort(),
                    services.background()).ifPresent(changed -> {
                        services.updateSettings(changed);
                        applyTheme(changed);
                        search.refreshModels();
                        if (changed.indexSourceCode() != current.indexSourceCode()) {
                            folders.folders().forEach(folders::enqueue); // the code comes, or goes, at once
                        }
                    });
        }, e -> showError(Errors.message(e)));
    }

    private void openModels() {
        ModelsViewModel vm = new ModelsViewModel(services.modelsPort(), services.background(), services.settings().defaultModel(), id -> {
            services.updateSettings(services.settings().withDefaultModel(id));
            search.refreshModels();
        });
        ModelManagerDialog.show(stage, vm);
        search.refreshModels();
    }

    static void applyTheme(Settings settings) {
        // The theme's binary form: the window's start then does not parse its text.
        Application.setUserAgentStylesheet(settings.dark() ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
    }

    private void restoreBounds(Settings.WindowBounds b) {
        if (b == null) {
            return;
        }
        boolean visible = Screen.getScreens().stream().anyMatch(
                s -> s.getVisualBounds().intersects(new Rectangle2D(b.x(), b.y(), b.width(), b.height())));
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        if (visible) {
            stage.setX(b.x());
            stage.setY(b.y());
        }
        stage.setMaximized(b.maximized());
    }

    private void rememberBounds() {
        Settings.WindowBounds b = new Settings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized());
        services.updateSettings(services.settings().withWindow(b));
    }

    void showError(String message) {
        controller.showError(message);
    }

    public MainController controller() {
        return controller;
    }

    public SearchViewModel search() {
        return search;
    }

    public FoldersViewModel folders() {
        return folders;
    }

    public ModelLab lab() {
        return lab;
    }

    public Stage stage() {
        return stage;
    }
}
