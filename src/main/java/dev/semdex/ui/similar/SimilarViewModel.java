package dev.semdex.ui.similar;

import dev.semdex.search.SearchResult;
import dev.semdex.similar.ClosestPair;
import dev.semdex.similar.SimilarAnswer;
import dev.semdex.similar.SimilarFile;
import dev.semdex.ui.common.Cancellable;
import dev.semdex.ui.common.Errors;
import dev.semdex.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "More like this" in the window: runs a file or a piece of text against the index in the background and hands the
 * files found to the result list as results, each shown by its passage closest to the source; which passage of the
 * source that is, and the copies grouped under a result, are asked for by chunk when a result is selected.
 */
public final class SimilarViewModel {

    /** Where the files found are shown: the search pane's result list. */
    @FunctionalInterface
    public interface ResultSink {
        void show(String status, List<SearchResult> results);
    }

    static final int RESULTS = 50;

    private final SimilarPort port;
    private final TaskRunner runner;
    private final Supplier<String> model;
    private final ResultSink sink;
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final Map<Long, SimilarFile> shown = new HashMap<>();
    private String sourceLabel = "";
    private Cancellable inFlight = Cancellable.NONE;

    public SimilarViewModel(SimilarPort port, TaskRunner runner, Supplier<String> model, ResultSink sink) {
        this.port = port;
        this.runner = runner;
        this.model = model;
        this.sink = sink;
    }

    /** The indexed files most like {@code file} (indexed or not), in place of the current results. */
    public void likeFile(Path file) {
        run(() -> port.similarToFile(file, model.get(), RESULTS));
    }

    /** The indexed files most like a piece of text (a selection in the preview). */
    public void likeText(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        run(() -> port.similarToText(text, model.get(), RESULTS));
    }

    private void run(Callable<SimilarAnswer> work) {
        inFlight.cancel();
        running.set(true);
        long started = System.nanoTime();
        inFlight = runner.submit(work, answer -> {
            running.set(false);
            error.set("");
            shown.clear();
            answer.files().forEach(f -> shown.put(f.closest().chunkId(), f));
            sourceLabel = answer.source().label();
            sink.show(status(answer, (System.nanoTime() - started) / 1_000_000), results(answer));
        }, e -> {
            running.set(false);
            if (!Errors.isCancellation(e)) {
                error.set(Errors.message(e));
            }
        });
    }

    /** A new search replaced the shown files: nothing here describes the list any more. */
    public void forget() {
        inFlight.cancel();
        running.set(false);
        shown.clear();
    }

    /** Each file as a result, shown by its passage closest to the source. */
    static List<SearchResult> results(SimilarAnswer answer) {
        List<SearchResult> out = new ArrayList<>();
        for (SimilarFile f : answer.files()) {
            ClosestPair pair = f.closest();
            out.add(new SearchResult(f.rank(), f.path(), f.score(), pair.chunkId(), pair.text(), pair.start(),
                    pair.end(), pair.page()));
        }
        return out;
    }

    static String status(SimilarAnswer answer, long millis) {
        int n = answer.files().size();
        String files = n == 0 ? "No files" : n == 1 ? "1 file" : n + " files";
        int copies = answer.sourceCopies().size();
        return files + " like " + answer.source().label()
                + (copies == 0 ? "" : " · " + copies + (copies == 1 ? " copy" : " copies") + " of it left out")
                + " · " + millis + " ms";
    }

    /**
     * For a selected result of more-like-this: the passage of the source it is closest to, and its copies; empty
     * when the result came from an ordinary search.
     */
    public String explain(SearchResult result) {
        SimilarFile file = result == null ? null : shown.get(result.chunkId());
        if (file == null || !file.path().equals(result.path())) {
            return "";
        }
        String passage = file.closest().sourceText().replaceAll("\\s+", " ").strip();
        if (passage.length() > 300) {
            passage = passage.substring(0, 300) + "…";
        }
        StringBuilder text = new StringBuilder(String.format(java.util.Locale.ROOT,
                "Closest to this passage of %s (%.2f): “%s”", sourceLabel, file.closest().score(), passage));
        if (!file.copies().isEmpty()) {
            text.append("\nSame content: ").append(String.join(", ", file.copies()));
        }
        return text.toString();
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty runningProperty() {
        return running;
    }
}
