package dev.semdex.lab.ui;

import dev.semdex.ui.common.Cancellable;
import dev.semdex.ui.common.Errors;
import dev.semdex.ui.common.TaskRunner;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The thumbs of one list of results: which files the user marked relevant or not for the query those results
 * belong to. A thumb pressed again clears the judgement. Judgements are kept in the index by the core, so they
 * survive restarts and score the models in the quality tab.
 */
public final class JudgementsViewModel {

    private final CompareBackend backend;
    private final TaskRunner runner;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableMap<String, Boolean> marks = FXCollections.observableHashMap();
    private final StringProperty error = new SimpleStringProperty("");
    private Cancellable loading = Cancellable.NONE;
    private long generation;

    public JudgementsViewModel(CompareBackend backend, TaskRunner runner) {
        this.backend = backend;
        this.runner = runner;
        query.addListener((obs, old, q) -> reload());
    }

    /** Loads the judgements of the current query again (another window may have changed them). */
    public void reload() {
        loading.cancel();
        long mine = ++generation;
        String q = currentQuery();
        if (q.isEmpty()) {
            marks.clear();
            return;
        }
        loading = runner.submit(() -> backend.judgements(q), found -> {
            if (mine == generation) {
                replace(found);
            }
        }, this::fail);
    }

    private void replace(Map<String, Boolean> found) {
        marks.keySet().retainAll(found.keySet());
        marks.putAll(found);
    }

    /**
     * Thumbs up ({@code relevant}) or down on a file: records it for the current query, or clears it when the
     * file already has that judgement.
     */
    public void toggle(String path, boolean relevant) {
        String q = currentQuery();
        if (q.isEmpty()) {
            return;
        }
        boolean clear = Objects.equals(marks.get(path), relevant);
        runner.submit(() -> {
            if (clear) {
                backend.forget(q, path);
            } else {
                backend.judge(q, path, relevant);
            }
            return null;
        }, ok -> {
            if (q.equals(currentQuery())) {
                if (clear) {
                    marks.remove(path);
                } else {
                    marks.put(path, relevant);
                }
            }
            error.set("");
        }, this::fail);
    }

    /** True (thumbs up), false (thumbs down) or null (not judged) for a file and the current query. */
    public Boolean markOf(String path) {
        return marks.get(path);
    }

    private String currentQuery() {
        return query.get() == null ? "" : query.get().strip();
    }

    private void fail(Throwable e) {
        if (!Errors.isCancellation(e)) {
            error.set(Errors.message(e));
        }
    }

    /** The query the shown results belong to; bind it to the view's shown query. */
    public StringProperty queryProperty() {
        return query;
    }

    public ObservableMap<String, Boolean> marks() {
        return marks;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
