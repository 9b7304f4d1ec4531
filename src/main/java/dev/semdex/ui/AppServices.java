package dev.semdex.ui;

import dev.semdex.Semdex;
import dev.semdex.index.FolderWatcher;
import dev.semdex.settings.AppDirs;
import dev.semdex.settings.Settings;
import dev.semdex.settings.SettingsStore;
import dev.semdex.ui.common.DesktopActions;
import dev.semdex.ui.common.FxTaskRunner;
import dev.semdex.ui.folders.FoldersPort;
import dev.semdex.ui.folders.SemdexFoldersPort;
import dev.semdex.ui.labels.LabelsPort;
import dev.semdex.ui.labels.SemdexLabelsPort;
import dev.semdex.ui.models.ModelsPort;
import dev.semdex.ui.models.SemdexModelsPort;
import dev.semdex.ui.search.SearchPort;
import dev.semdex.ui.search.SemdexSearchPort;
import dev.semdex.ui.settings.SemdexSettingsPort;
import dev.semdex.ui.settings.SettingsPort;
import dev.semdex.ui.similar.SemdexSimilarPort;
import dev.semdex.ui.similar.SimilarPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the window shares, built once per app: settings, the core, the two background queues (one for
 * searches and loads, one that runs indexing one folder at a time) and the folder watcher.
 */
public final class AppServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppServices.class);

    private final AppDirs dirs;
    private final SettingsStore settingsStore;
    private volatile Settings settings;
    private final Semdex semdex;
    private final SearchPort searchPort;
    private final FoldersPort foldersPort;
    private final ModelsPort modelsPort;
    private final SettingsPort settingsPort;
    private final SimilarPort similarPort;
    private final LabelsPort labelsPort;
    private final FxTaskRunner background = new FxTaskRunner("semdex-ui", 0);
    private final FxTaskRunner indexing = new FxTaskRunner("semdex-indexing", 1);
    private final FxTaskRunner watching = new FxTaskRunner("semdex-watch", 1);
    private final FolderWatcher watcher;
    private volatile Consumer<Path> onFolderChanged = p -> {};
    private DesktopActions desktop = DesktopActions.system();

    private AppServices(AppDirs dirs) {
        this.dirs = dirs;
        this.settingsStore = new SettingsStore(dirs.settingsFile());
        boolean firstWindow = !Files.exists(dirs.settingsFile());
        Settings loaded = settingsStore.load();
        this.semdex = Semdex.open(dirs, loaded);
        semdex.openIndex();
        // An index made from the command line keeps its model in the window too, rather than being re-embedded
        // with the built-in default at the first start-up check.
        this.settings = firstWindow ? loaded.withDefaultModel(semdex.models().defaultModel()) : loaded;
        this.searchPort = new SemdexSearchPort(semdex.search(), semdex.searchChoices(), semdex.models(),
                semdex::ocrReader);
        this.foldersPort = new SemdexFoldersPort(semdex.folders(), semdex.search());
        this.modelsPort = new SemdexModelsPort(semdex.models(), this::ollamaConfigured);
        this.settingsPort = new SemdexSettingsPort(semdex.models()::offlineModelIds);
        this.similarPort = new SemdexSimilarPort(semdex.similar());
        this.labelsPort = new SemdexLabelsPort(semdex.labels());
        this.watcher = new FolderWatcher(p -> onFolderChanged.accept(p));
    }

    /** Opens settings and the index; blocking I/O, so not on the UI thread. */
    public static AppServices open(AppDirs dirs) {
        return new AppServices(dirs);
    }

    public AppDirs dirs() {
        return dirs;
    }

    /**
     * Why the index cannot be changed (another Semdex writes to it, or the data folder is read-only); empty when it
     * can. The index was opened with the services, so this touches no disk and may be asked on the UI thread.
     */
    public Optional<String> readOnlyReason() {
        return semdex.readOnlyReason();
    }

    public Semdex semdex() {
        return semdex;
    }

    /** The search pane's way into the core. */
    public SearchPort searchPort() {
        return searchPort;
    }

    /** The folder pane's way into the core. */
    public FoldersPort foldersPort() {
        return foldersPort;
    }

    /** The model manager's way into the core. */
    public ModelsPort modelsPort() {
        return modelsPort;
    }

    /** The settings window's way into the core. */
    public SettingsPort settingsPort() {
        return settingsPort;
    }

    /** More like this: the files most like a file or a text. */
    public SimilarPort similarPort() {
        return similarPort;
    }

    /** Labels: the user's own categories and every file's label. */
    public LabelsPort labelsPort() {
        return labelsPort;
    }

    /** Whether the user set up an Ollama server, so that the model manager asks it for its models. */
    private boolean ollamaConfigured() {
        Settings s = settings;
        return !s.ollamaModel().isBlank() || System.getenv("OLLAMA_HOST") != null
                || !Settings.DEFAULT_OLLAMA_URL.equals(s.ollamaUrl());
    }

    public FxTaskRunner background() {
        return background;
    }

    public FxTaskRunner indexing() {
        return indexing;
    }

    /** Open, Show in folder: the real desktop, or a recording one in window tests. */
    public DesktopActions desktop() {
        return desktop;
    }

    public void desktop(DesktopActions actions) {
        this.desktop = actions;
    }

    /** One job at a time, in order: registering folders with the watcher (walks their trees). */
    public FxTaskRunner watching() {
        return watching;
    }

    public FolderWatcher watcher() {
        return watcher;
    }

    public void onFolderChanged(Consumer<Path> handler) {
        this.onFolderChanged = handler;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Keeps the new settings and writes them in the background. A new thread count applies to the next run or
     * search; one that is under way keeps the model it leased until it ends.
     */
    public void updateSettings(Settings changed) {
        this.settings = changed;
        semdex.apply(changed);
        background.submit(() -> {
            settingsStore.save(changed);
            return null;
        }, ok -> {}, e -> LOG.warn("Cannot save the settings: {}", e.getMessage()));
    }

    /** Writes the settings now, on the calling thread (at exit). */
    public void saveSettingsNow() {
        try {
            settingsStore.save(settings);
        } catch (RuntimeException e) {
            LOG.warn("Cannot save the settings: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        watching.close();
        watcher.close();
        indexing.close();
        background.close();
        semdex.close();
    }
}
