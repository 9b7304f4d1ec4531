package dev.semdex.ui.search;

import dev.semdex.search.SearchMode;
import dev.semdex.search.SearchRequest;
import dev.semdex.search.SearchResult;
import dev.semdex.ui.Backend;
import dev.semdex.ui.common.Cancellable;
import dev.semdex.ui.common.Errors;
import dev.semdex.ui.common.TaskRunner;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Search as you type: each change of the query waits for a short pause, a newer search cancels the one in flight,
 * and only the latest search's results are shown. Changing mode or model searches again at once. Selecting a
 * result loads its passage in context for the preview, again latest-wins.
 */
public final class SearchViewModel {

    public static final Duration DEBOUNCE = Duration.ofMillis(200);
    static final int RESULTS = 50;

    private final Backend backend;
    private final TaskRunner runner;
    private final Supplier<String> preferredModel;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<SearchMode> mode = new SimpleObjectProperty<>(SearchMode.HYBRID);
    private final StringProperty model = new SimpleStringProperty();
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObservableList<SearchResult> results = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty searching = new SimpleBooleanProperty();
    private final ObjectProperty<SearchResult> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Backend.Passage> preview = new SimpleObjectProperty<>();
    private final StringProperty shownQuery = new SimpleStringProperty("");
    private Cancellable pending = Cancellable.NONE;
    private Cancellable inFlight = Cancellable.NONE;
    private Cancellable previewLoad = Cancellable.NONE;
    private long generation;

    public SearchViewModel(Backend backend, TaskRunner runner, Supplier<String> preferredModel) {
        this.backend = backend;
        this.runner = runner;
        this.preferredModel = preferredModel;
        query.addListener((obs, old, q) -> {
            pending.cancel();
            pending = runner.later(DEBOUNCE, this::searchNow);
        });
        mode.addListener((obs, old, m) -> searchNow());
        model.addListener((obs, old, m) -> {
            if (m != null && old != null && !m.equals(old)) {
                searchNow();
            }
        });
        selected.addListener((obs, old, r) -> loadPreview(r));
    }

    /** Reloads the models that have vectors; keeps the chosen one if it still has. */
    public void refreshModels() {
        String preferred = preferredModel.get();
        runner.submit(() -> backend.searchableModels(preferred), ids -> {
            String keep = model.get();
            models.setAll(ids);
            model.set(keep != null && ids.contains(keep) ? keep : ids.isEmpty() ? preferred : ids.get(0));
        }, e -> error.set(Errors.message(e)));
    }

    /** The index changed (a run finished): new models may have vectors and the current results may be stale. */
    public void indexChanged() {
        refreshModels();
        if (!query.get().isBlank()) {
            searchNow();
        }
    }

    /** Runs the current query now, cancelling a search still waiting or running. */
    public void searchNow() {
        pending.cancel();
        inFlight.cancel();
        long mine = ++generation;
        String q = query.get() == null ? "" : query.get().trim();
        if (q.isEmpty()) {
            results.clear();
            shownQuery.set("");
            status.set("");
            searching.set(false);
            return;
        }
        String modelId = model.get() == null ? preferredModel.get() : model.get();
        SearchRequest request = new SearchRequest(q, modelId, mode.get(), RESULTS);
        searching.set(true);
        long started = System.nanoTime();
        inFlight = runner.submit(() -> backend.search(request), found -> {
            if (mine != generation) {
                return;
            }
            searching.set(false);
            error.set("");
            shownQuery.set(q);
            results.setAll(found);
            long ms = (System.nanoTime() - started) / 1_000_000;
            status.set(found.isEmpty() ? "No matches" : found.size() + (found.size() == 1 ? " file" : " files")
                    + " · " + ms + " ms");
        }, e -> {
            if (mine != generation) {
                return;
            }
            searching.set(false);
            if (!Errors.isCancellation(e)) {
                error.set(Errors.message(e));
            }
        });
    }

    private void loadPreview(SearchResult result) {
        previewLoad.cancel();
        if (result == null) {
            preview.set(null);
            return;
        }
        previewLoad = runner.submit(() -> backend.passage(result.chunkId()), p -> {
            if (result.equals(selected.get())) {
                preview.set(p);
            }
        }, e -> error.set(Errors.message(e)));
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObjectProperty<SearchMode> modeProperty() {
        return mode;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public ObservableList<String> models() {
        return models;
    }

    public ObservableList<SearchResult> results() {
        return results;
    }

    public List<SearchResult> resultsSnapshot() {
        return List.copyOf(results);
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The last search or preview error, "" when the last one worked. */
    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty searchingProperty() {
        return searching;
    }

    public ObjectProperty<SearchResult> selectedProperty() {
        return selected;
    }

    public ObjectProperty<Backend.Passage> previewProperty() {
        return preview;
    }

    /** The query the shown results belong to (for highlighting). */
    public StringProperty shownQueryProperty() {
        return shownQuery;
    }
}
