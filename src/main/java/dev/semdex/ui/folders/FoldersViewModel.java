package dev.semdex.ui.folders;

import dev.semdex.index.IndexProgress;
import dev.semdex.index.IndexSummary;
import dev.semdex.index.FolderStatus;
import dev.semdex.index.SkippedDocument;
import dev.semdex.ui.common.Errors;
import dev.semdex.ui.common.Formats;
import dev.semdex.ui.common.IndexRunController;
import dev.semdex.ui.common.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The folders pane: the indexed folders, a queue that indexes them one at a time in the background, the progress
 * of the current run with pause, resume and cancel, and the files that were skipped. All state lives in properties
 * changed on the UI thread only; the indexing thread reports through an {@link IndexRunController}.
 */
public final class FoldersViewModel {

    /** How often a long run lets search see the vectors written so far. */
    private static final Duration REFRESH_SEARCH_EVERY = Duration.ofSeconds(10);

    private final FoldersPort backend;
    private final TaskRunner runner;
    private final IndexRunController<FolderRun> runs;
    private final Supplier<String> modelId;
    private final Consumer<String> onError;
    private final ObservableList<FolderItem> folders = FXCollections.observableArrayList();
    private final ObservableList<SkippedDocument> skipped = FXCollections.observableArrayList();
    private final FilteredList<SkippedDocument> filteredSkipped = new FilteredList<>(skipped);
    private final StringProperty skippedFilter = new SimpleStringProperty("");
    private final BooleanProperty indexing = new SimpleBooleanProperty();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty currentFile = new SimpleStringProperty("");
    private final DoubleProperty overallProgress = new SimpleDoubleProperty();
    private final StringProperty runTitle = new SimpleStringProperty("Last run");
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>(Instant.now());
    /** Folders started or waiting since the queue was last empty, and how many of them are finished. */
    private int batchTotal;
    private int batchDone;
    private final Deque<FolderItem> queue = new ArrayDeque<>();
    private Runnable onIndexChanged = () -> {};
    private Runnable onIndexGrew = () -> {};

    public FoldersViewModel(FoldersPort backend, TaskRunner runner, TaskRunner indexRunner, Supplier<String> modelId,
            Consumer<String> onError) {
        this.backend = backend;
        this.runner = runner;
        this.runs = new IndexRunController<>(runner, indexRunner);
        this.modelId = modelId;
        this.onError = onError;
        skippedFilter.addListener((obs, old, text) -> {
            String needle = text == null ? "" : text.toLowerCase(Locale.ROOT).trim();
            filteredSkipped.setPredicate(needle.isEmpty() ? null
                    : s -> s.path().toLowerCase(Locale.ROOT).contains(needle)
                            || String.valueOf(s.reason()).toLowerCase(Locale.ROOT).contains(needle));
        });
    }

    /** Called after each finished run (and after a removal), so search can pick up the new index. */
    public void setOnIndexChanged(Runnable onIndexChanged) {
        this.onIndexChanged = onIndexChanged;
    }

    /** Called on the UI thread every few seconds of a long run, once search can see the files indexed so far. */
    public void setOnIndexGrew(Runnable onIndexGrew) {
        this.onIndexGrew = onIndexGrew;
    }

    /** Loads the folders and skipped files of the index; {@code then} runs with the folders once shown. */
    public void load(Consumer<List<FolderItem>> then) {
        runner.submit(backend::folders, infos -> {
            for (FolderStatus info : infos) {
                folders.add(new FolderItem(info));
            }
            then.accept(List.copyOf(folders));
        }, this::fail);
        refreshSkipped();
    }

    /** Adds folders (from a drop or the chooser) and queues them for indexing; files among them are refused. */
    public void addFolders(List<Path> paths) {
        for (Path path : paths) {
            if (!Files.isDirectory(path)) {
                onError.accept("Only folders can be added; " + path.getFileName() + " is a file. Drop the folder "
                        + "that holds it.");
                continue;
            }
            runner.submit(() -> backend.addFolder(path), info -> enqueue(itemFor(info)), this::fail);
        }
    }

    private FolderItem itemFor(FolderStatus info) {
        Optional<FolderItem> known = find(info.path());
        if (known.isPresent()) {
            return known.get();
        }
        FolderItem item = new FolderItem(info);
        folders.add(item);
        FXCollections.sort(folders, (a, b) -> a.path().compareTo(b.path()));
        return item;
    }

    public Optional<FolderItem> find(Path path) {
        Path key = path.toAbsolutePath().normalize();
        return folders.stream().filter(f -> f.path().equals(key)).findFirst();
    }

    /** Queues a folder for (re-)indexing unless it already waits or runs. */
    public void enqueue(FolderItem item) {
        FolderRun current = runs.current();
        if (current != null && current.item == item) {
            current.rerun = true;
            return;
        }
        if (!queue.contains(item)) {
            item.stateProperty().set(FolderState.QUEUED);
            item.progressProperty().set(-1);
            queue.add(item);
            batchTotal++;
        }
        startNext();
        showQueue();
    }

    /** Tells each waiting folder how many are ahead of it, and the pane how far the whole batch is. */
    private void showQueue() {
        int ahead = 0;
        for (FolderItem waiting : queue) {
            waiting.activityProperty().set(ahead == 0 ? "queued · next" : "queued · "
                    + Formats.plural(ahead, "folder", "folders") + " before it");
            ahead++;
        }
        showOverall();
    }

    private void showOverall() {
        FolderRun current = runs.current();
        double currentPart = current == null ? 0 : Math.max(0, current.item.progressProperty().get());
        if (current == null && queue.isEmpty()) {
            batchTotal = 0;
            batchDone = 0;
        }
        overallProgress.set(batchTotal == 0 ? 0 : batchTotal == 1 && currentPart == 0 && current != null ? -1
                : (batchDone + currentPart) / batchTotal);
        runTitle.set(paused.get() ? "Paused" : current == null ? "Last run" : batchTotal > 1
                ? "Indexing folder " + Math.min(batchDone + 1, batchTotal) + " of " + batchTotal + "…"
                : "Indexing…");
    }

    /** Moves the clock that relative times ("5 min ago") are shown against; the window calls it every 30 s. */
    public void tick(Instant instant) {
        now.set(instant);
    }

    /** From the folder watcher (any thread): a folder changed on disk. */
    public void folderChanged(Path root) {
        runner.onUi(() -> find(root).ifPresent(this::enqueue));
    }

    /** Saves new exclusion patterns for a folder and indexes it again, which drops the newly excluded files. */
    public void setExclusions(FolderItem item, String patterns) {
        List<String> lines = patterns.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        runner.submit(() -> backend.setExclusions(item.path(), lines), info -> {
            item.update(info);
            enqueue(item);
        }, this::fail);
    }

    public void remove(FolderItem item) {
        if (queue.remove(item)) {
            batchTotal--;
            showQueue();
        }
        FolderRun current = runs.current();
        if (current != null && current.item == item) {
            stopCurrent();
        }
        runner.submit(() -> {
            backend.removeFolder(item.id());
            return null;
        }, ignored -> {
            folders.remove(item);
            refreshSkipped();
            onIndexChanged.run();
        }, this::fail);
    }

    public void pause() {
        if (runs.pause()) {
            paused.set(true);
            showOverall();
        }
    }

    public void resume() {
        runs.resume();
        paused.set(false);
        showOverall();
    }

    /** Cancels the current run and everything queued; files finished so far stay in the index. */
    public void cancel() {
        for (FolderItem item : queue) {
            item.stateProperty().set(FolderState.CANCELLED);
            item.activityProperty().set("");
        }
        queue.clear();
        if (runs.isRunning()) {
            stopCurrent();
        }
    }

    private void stopCurrent() {
        FolderRun run = runs.cancel();
        run.item.stateProperty().set(FolderState.CANCELLED);
        run.item.messageProperty().set("");
        finishRun(run, FolderState.CANCELLED, true);
        progressText.set("Cancelled; the files indexed so far are kept. Re-index to go on.");
    }

    private void startNext() {
        if (runs.isRunning() || queue.isEmpty()) {
            return;
        }
        FolderItem item = queue.poll();
        FolderRun run = new FolderRun(item, modelId.get());
        item.stateProperty().set(FolderState.INDEXING);
        item.progressProperty().set(-1);
        item.activityProperty().set("scanning…");
        indexing.set(true);
        paused.set(false);
        progress.set(-1);
        currentFile.set("");
        progressText.set("Loading the model and scanning " + item.path().getFileName() + "…");
        runs.start(run, listener -> backend.index(item.path(), run.modelId, listener));
        showQueue();
    }

    private void succeeded(FolderRun run, IndexSummary summary) {
        run.item.messageProperty().set("");
        progressText.set(String.format(Locale.ENGLISH, "%s: %s indexed, %s unchanged, %s skipped in %s",
                run.item.path().getFileName(), Formats.count(summary.filesIndexed()),
                Formats.count(summary.filesUnchanged()), Formats.count(summary.skipped().size()),
                Formats.duration(summary.elapsed())));
        finishRun(run, summary.skipped().isEmpty() ? FolderState.UP_TO_DATE : FolderState.WITH_ERRORS,
                summary.filesIndexed() > 0 || summary.filesDeleted() > 0);
    }

    private void failed(FolderRun run, Throwable error) {
        boolean cancelled = Errors.isCancellation(error);
        run.item.messageProperty().set(cancelled ? "" : Errors.message(error));
        progressText.set(cancelled ? "Cancelled." : "Indexing " + run.item.path().getFileName() + " failed.");
        if (!cancelled) {
            onError.accept(Errors.message(error));
        }
        finishRun(run, cancelled ? FolderState.CANCELLED : FolderState.FAILED, true);
    }

    /**
     * The final state is shown together with the new counts, so "up to date" never shows stale numbers. Search
     * forgets its loaded vectors only if the run may have changed them: reloading them costs seconds on a large
     * index, and most runs (the start-up re-check, a watcher's re-check) change nothing.
     */
    private void finishRun(FolderRun run, FolderState finalState, boolean indexMayHaveChanged) {
        batchDone++;
        run.item.progressProperty().set(-1);
        run.item.activityProperty().set("");
        indexing.set(false);
        paused.set(false);
        progress.set(0);
        currentFile.set("");
        if (indexMayHaveChanged) {
            backend.indexChanged();
        }
        refresh(run.item, finalState);
        refreshSkipped();
        if (run.rerun && folders.contains(run.item)) {
            queue.add(run.item);
            batchTotal++;
            run.item.stateProperty().set(FolderState.QUEUED);
        }
        startNext();
        showQueue();
    }

    private void refresh(FolderItem item, FolderState finalState) {
        runner.submit(backend::folders, infos -> {
            infos.stream().filter(i -> i.id() == item.id()).findFirst().ifPresent(item::update);
            if (item.state() == FolderState.INDEXING) {
                item.stateProperty().set(finalState);
            }
            onIndexChanged.run();
        }, this::fail);
    }

    private void refreshSkipped() {
        runner.submit(backend::skipped, skipped::setAll, this::fail);
    }

    private void fail(Throwable error) {
        if (!Errors.isCancellation(error)) {
            onError.accept(Errors.message(error));
        }
    }

    private void showProgress(FolderRun run, IndexProgress p) {
        if (run.embedding) {
            showEmbedding(run, p);
            return;
        }
        progress.set(p.fractionDone());
        run.item.progressProperty().set(progress.get());
        run.item.activityProperty().set(String.format(Locale.ENGLISH, "%s / %s files%s",
                Formats.count(p.filesDone()), Formats.count(p.filesTotal()), Formats.timeLeft(p.eta())));
        showOverall();
        progressText.set(String.format(Locale.ENGLISH, "%s / %s files · %s · %s files/s · %s passages/s%s",
                Formats.count(p.filesDone()), Formats.count(p.filesTotal()), Formats.plural(p.chunks(), "chunk", "chunks"),
                Formats.rate(p.filesPerSecond()), Formats.rate(p.passagesPerSecond()), Formats.timeLeft(p.eta()))
                + (p.ocr() == null ? "" : " · " + p.ocr().describe() + " (" + p.ocr().file().getFileName() + ")"));
        currentFile.set(p.currentFile() == null ? "" : p.currentFile().toString());
    }

    /**
     * The second phase of a run: every file of it answers keyword search already, and the bar follows the files the
     * model has embedded.
     */
    private void showEmbedding(FolderRun run, IndexProgress p) {
        progress.set(p.fractionDone());
        run.item.progressProperty().set(progress.get());
        run.item.activityProperty().set(String.format(Locale.ENGLISH, "embedding %s / %s files%s",
                Formats.count(p.filesDone()), Formats.count(p.filesTotal()), Formats.timeLeft(p.eta())));
        showOverall();
        progressText.set(String.format(Locale.ENGLISH, "%s searchable by words · %s / %s by meaning · %s passages/s%s",
                Formats.plural(p.filesTotal(), "file", "files"), Formats.count(p.filesDone()),
                Formats.count(p.filesTotal()), Formats.rate(p.passagesPerSecond()), Formats.timeLeft(p.eta())));
        currentFile.set(p.currentFile() == null ? "" : p.currentFile().toString());
    }

    /** One folder's indexing run: what the pane shows of it, and whether it must run again when done. */
    private final class FolderRun implements IndexRunController.Events {
        final FolderItem item;
        final String modelId;
        boolean rerun;
        /** In the run's second phase; read and written on the UI thread. */
        boolean embedding;
        /** Read and written on the indexing thread only. */
        long lastRefresh = System.nanoTime();

        FolderRun(FolderItem item, String modelId) {
            this.item = item;
            this.modelId = modelId;
        }

        /** Lets search see the vectors written so far every few seconds, without waiting for the window. */
        @Override
        public void reported(IndexProgress p) {
            if (p.chunks() > 0 && System.nanoTime() - lastRefresh > REFRESH_SEARCH_EVERY.toNanos()) {
                lastRefresh = System.nanoTime();
                backend.indexChanged();
                runner.onUi(() -> {
                    if (runs.current() == this) {
                        onIndexGrew.run();
                    }
                });
            }
        }

        @Override
        public void scanned(Path folder, int filesFound) {
            progressText.set("Found " + Formats.plural(filesFound, "file", "files") + "; reading…");
            item.activityProperty().set("found " + Formats.plural(filesFound, "file", "files") + "…");
        }

        @Override
        public void progress(IndexProgress p) {
            showProgress(this, p);
        }

        @Override
        public void textsStored(Path folder, int files) {
            embedding = true;
            progressText.set(Formats.plural(files, "file", "files") + " searchable by words; embedding them…");
            item.activityProperty().set("embedding…");
            runner.submit(() -> {
                backend.indexChanged();
                return null;
            }, ignored -> onIndexGrew.run(), FoldersViewModel.this::fail);
        }

        @Override
        public void succeeded(IndexSummary summary) {
            FoldersViewModel.this.succeeded(this, summary);
        }

        @Override
        public void failed(Throwable error) {
            FoldersViewModel.this.failed(this, error);
        }
    }

    public ObservableList<FolderItem> folders() {
        return folders;
    }

    public ObservableList<SkippedDocument> skipped() {
        return skipped;
    }

    public FilteredList<SkippedDocument> filteredSkipped() {
        return filteredSkipped;
    }

    public StringProperty skippedFilterProperty() {
        return skippedFilter;
    }

    public ReadOnlyBooleanProperty indexingProperty() {
        return indexing;
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public StringProperty currentFileProperty() {
        return currentFile;
    }

    /** Progress of all folders queued together (0..1, -1 while unknown); the current folder's own is on its row. */
    public DoubleProperty overallProgressProperty() {
        return overallProgress;
    }

    /** "Indexing…", "Indexing folder 2 of 3…", "Paused", "Last run". */
    public StringProperty runTitleProperty() {
        return runTitle;
    }

    /** The clock for relative times; moved by {@link #tick}. */
    public ObjectProperty<Instant> nowProperty() {
        return now;
    }
}
