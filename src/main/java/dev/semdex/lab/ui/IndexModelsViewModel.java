package dev.semdex.lab.ui;

import dev.semdex.index.IndexProgress;
import dev.semdex.index.IndexSummary;
import dev.semdex.ui.common.Errors;
import dev.semdex.ui.common.Formats;
import dev.semdex.ui.common.IndexRunController;
import dev.semdex.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The models in the index: adding one embeds every indexed folder with it in the background (on the indexing
 * queue, after any folder run, with progress, pause and cancel) while search goes on with the current model;
 * removing one deletes its vectors only. When either is done the rest of the app is told, so the new model shows
 * up in the main window's model selector.
 */
public final class IndexModelsViewModel {

    private static final String CANCELLED =
            "Cancelled; the vectors made so far are kept. Add the model again to go on.";

    private final CompareBackend backend;
    private final TaskRunner runner;
    private final IndexRunController<ModelRun> runs;
    private final Runnable onIndexChanged;
    private final ObservableList<CompareBackend.IndexedModel> indexed = FXCollections.observableArrayList();
    private final ObservableList<String> addable = FXCollections.observableArrayList();
    private final StringProperty toAdd = new SimpleStringProperty();
    private final BooleanProperty indexing = new SimpleBooleanProperty();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty addCost = new SimpleStringProperty("");
    private dev.semdex.ui.common.Cancellable costJob = dev.semdex.ui.common.Cancellable.NONE;

    /** @param indexRunner the app's one-at-a-time indexing queue, so folder runs and this never write at once */
    public IndexModelsViewModel(CompareBackend backend, TaskRunner runner, TaskRunner indexRunner,
            Runnable onIndexChanged) {
        this.backend = backend;
        this.runner = runner;
        this.runs = new IndexRunController<>(runner, indexRunner);
        this.onIndexChanged = onIndexChanged;
        toAdd.addListener((obs, old, id) -> estimate(id));
    }

    /** Works out what adding {@code modelId} costs (a short speed probe if it never ran here), latest choice wins. */
    private void estimate(String modelId) {
        costJob.cancel();
        if (modelId == null || modelId.isBlank()) {
            addCost.set("");
            return;
        }
        addCost.set("Estimating how long adding " + modelId + " takes on this machine…");
        String current = indexed.stream().map(CompareBackend.IndexedModel::id)
                .filter(id -> dev.semdex.models.SciFactQuality.of(id).isPresent()).findFirst().orElse(null);
        costJob = runner.submit(() -> backend.addCost(modelId), cost -> {
            if (modelId.equals(toAdd.get())) {
                addCost.set(AddCostText.of(cost, current));
            }
        }, e -> {
            if (!Errors.isCancellation(e) && modelId.equals(toAdd.get())) {
                addCost.set("");
                fail(e);
            }
        });
    }

    public void refresh() {
        runner.submit(() -> new Loaded(backend.indexedModels(), backend.offlineModels()), loaded -> {
            indexed.setAll(loaded.indexed());
            Set<String> have = loaded.indexed().stream().map(CompareBackend.IndexedModel::id)
                    .collect(Collectors.toSet());
            String keep = toAdd.get();
            addable.setAll(loaded.offline().stream().filter(id -> !have.contains(id)).toList());
            toAdd.set(addable.contains(keep) ? keep : addable.isEmpty() ? null : addable.get(0));
        }, this::fail);
    }

    private record Loaded(List<CompareBackend.IndexedModel> indexed, List<String> offline) {}

    /** Embeds every indexed folder with the chosen model. */
    public void add() {
        String modelId = toAdd.get();
        if (modelId == null || modelId.isBlank() || runs.isRunning()) {
            return;
        }
        indexing.set(true);
        paused.set(false);
        progress.set(-1);
        error.set("");
        progressText.set("Loading " + modelId + " and scanning the folders…");
        runs.start(new ModelRun(modelId), listener -> backend.indexAllFolders(modelId, listener));
    }

    private void finish(String message) {
        indexing.set(false);
        paused.set(false);
        progress.set(0);
        progressText.set(message);
        refresh();
        onIndexChanged.run();
    }

    public void pause() {
        if (runs.pause()) {
            paused.set(true);
        }
    }

    public void resume() {
        runs.resume();
        paused.set(false);
    }

    public void cancel() {
        if (runs.cancel() != null) {
            finish(CANCELLED);
        }
    }

    /** Deletes a model's vectors (the model itself stays installed); the caller has asked for confirmation. */
    public void remove(String modelId) {
        ModelRun current = runs.current();
        if (current != null && current.modelId.equals(modelId)) {
            error.set("Cancel adding " + modelId + " before removing it.");
            return;
        }
        runner.submit(() -> backend.removeFromIndex(modelId), removed -> {
            progressText.set(String.format(Locale.ENGLISH, "Removed %s vectors of %s from the index.",
                    Formats.count(removed), modelId));
            refresh();
            onIndexChanged.run();
        }, this::fail);
    }

    private void fail(Throwable e) {
        if (!Errors.isCancellation(e)) {
            error.set(Errors.message(e));
        }
    }

    /** Adding one model: embedding every indexed folder with it. */
    private final class ModelRun implements IndexRunController.Events {
        final String modelId;

        ModelRun(String modelId) {
            this.modelId = modelId;
        }

        @Override
        public void scanned(Path folder, int filesFound) {
            progressText.set(modelId + ": found " + Formats.plural(filesFound, "file", "files") + " in "
                    + folder.getFileName() + "…");
        }

        @Override
        public void progress(IndexProgress p) {
            progress.set(p.fractionDone());
            progressText.set(String.format(Locale.ENGLISH, "%s: %s / %s files · %s passages embedded · %s files/s%s",
                    modelId, Formats.count(p.filesDone()), Formats.count(p.filesTotal()),
                    Formats.count(p.passagesEmbedded()), Formats.rate(p.filesPerSecond()), Formats.timeLeft(p.eta())));
        }

        @Override
        public void succeeded(IndexSummary summary) {
            finish(String.format(Locale.ENGLISH, "%s added: %s passages embedded, %s vectors reused, in %s.",
                    modelId, Formats.count(summary.passagesEmbedded()), Formats.count(summary.reusedVectors()),
                    Formats.duration(summary.elapsed())));
        }

        @Override
        public void failed(Throwable e) {
            boolean cancelled = Errors.isCancellation(e);
            finish(cancelled ? CANCELLED : "Adding " + modelId + " failed.");
            if (!cancelled) {
                error.set(Errors.message(e));
            }
        }
    }

    public ObservableList<CompareBackend.IndexedModel> indexed() {
        return indexed;
    }

    /** Offline models without vectors in the index yet. */
    public ObservableList<String> addable() {
        return addable;
    }

    public StringProperty toAddProperty() {
        return toAdd;
    }

    public BooleanProperty indexingProperty() {
        return indexing;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    /** How long adding the chosen model takes here and how good it is; "" when none is chosen. */
    public StringProperty addCostProperty() {
        return addCost;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
