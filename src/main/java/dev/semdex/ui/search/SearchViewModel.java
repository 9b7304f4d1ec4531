package dev.semdex.ui.search;

import dev.semdex.embed.ServerUnavailableException;
import dev.semdex.search.BestSentence;
import dev.semdex.search.SearchFilter;
import dev.semdex.search.Passage;
import dev.semdex.search.SearchAnswer;
import dev.semdex.search.SearchMode;
import dev.semdex.search.SearchRequest;
import dev.semdex.search.SearchResult;
import dev.semdex.ui.common.Cancellable;
import dev.semdex.ui.common.Errors;
import dev.semdex.ui.common.TaskRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Search as you type: each change of the query waits for a short pause, a newer search cancels the one in flight,
 * and only the latest search's results are shown. Changing mode or model searches again at once. Selecting a
 * result loads its passage in context for the preview, again latest-wins.
 */
public final class SearchViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SearchViewModel.class);
    public static final Duration DEBOUNCE = Duration.ofMillis(200);
    public static final String ALL_FOLDERS = "All folders";
    public static final String ALL_TYPES = "All types";
    static final int RESULTS = 50;
    /** Results whose best sentence is found right after a search (the ones in view); others when selected. */
    static final int BEST_SENTENCE_RESULTS = 10;

    private final SearchPort backend;
    private final TaskRunner runner;
    private final Supplier<String> preferredModel;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObjectProperty<SearchMode> mode = new SimpleObjectProperty<>(SearchMode.HYBRID);
    private final StringProperty model = new SimpleStringProperty();
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObservableList<String> folderChoices = FXCollections.observableArrayList(ALL_FOLDERS);
    private final ObservableList<String> typeChoices = FXCollections.observableArrayList(ALL_TYPES);
    private final StringProperty folderFilter = new SimpleStringProperty(ALL_FOLDERS);
    private final StringProperty typeFilter = new SimpleStringProperty(ALL_TYPES);
    private final ObservableList<SearchResult> results = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty searching = new SimpleBooleanProperty();
    private final IntegerProperty goodMatches = new SimpleIntegerProperty();
    private final ObjectProperty<SearchResult> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Passage> preview = new SimpleObjectProperty<>();
    private final StringProperty shownQuery = new SimpleStringProperty("");
    private final ObservableMap<Long, BestSentence.Span> bestSentences = FXCollections.observableHashMap();
    private SearchAnswer shownAnswer;
    private Cancellable sentenceJob = Cancellable.NONE;
    private Cancellable previewSentence = Cancellable.NONE;
    private Cancellable pending = Cancellable.NONE;
    private Cancellable inFlight = Cancellable.NONE;
    private Cancellable previewLoad = Cancellable.NONE;
    private long generation;
    private Thumbnails<javafx.scene.image.Image> thumbnails;

    public SearchViewModel(SearchPort backend, TaskRunner runner, Supplier<String> preferredModel) {
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
        folderFilter.addListener((obs, old, f) -> searchNow());
        typeFilter.addListener((obs, old, t) -> searchNow());
    }

    /** The pictures of image and scanned-page results, made in the background and kept while the window is open. */
    public Thumbnails<javafx.scene.image.Image> thumbnails() {
        if (thumbnails == null) {
            thumbnails = new Thumbnails<>(backend, runner, ThumbnailSlot::decode);
        }
        return thumbnails;
    }

    /** Reloads the folders and file types offered as filters; a filter whose choice is gone falls back to "all". */
    public void refreshFilters() {
        runner.submit(() -> new FilterChoices(backend.indexedFolders().stream().map(Path::toString).toList(),
                backend.fileTypes()), choices -> {
                    String folder = folderFilter.get();
                    String type = typeFilter.get();
                    folderChoices.setAll(ALL_FOLDERS);
                    folderChoices.addAll(choices.folders());
                    typeChoices.setAll(ALL_TYPES);
                    typeChoices.addAll(choices.types());
                    folderFilter.set(folderChoices.contains(folder) ? folder : ALL_FOLDERS);
                    typeFilter.set(typeChoices.contains(type) ? type : ALL_TYPES);
                }, e -> error.set(Errors.message(e)));
    }

    private record FilterChoices(List<String> folders, List<String> types) {}

    private SearchFilter currentFilter() {
        String folder = folderFilter.get();
        String type = typeFilter.get();
        return new SearchFilter(folder == null || ALL_FOLDERS.equals(folder) ? null : Path.of(folder),
                type == null || ALL_TYPES.equals(type) ? null : type);
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
        refreshFilters();
        if (!query.get().isBlank()) {
            searchNow();
        }
    }

    /**
     * A run in progress has indexed more files: the shown results may miss them. Searches again, unless the user
     * is reading a result (one is selected), so the list never reorders under them.
     */
    public void indexGrew() {
        if (selected.get() == null && !query.get().isBlank()) {
            searchNow();
        }
    }

    /** Runs the current query now, cancelling a search still waiting or running. */
    public void searchNow() {
        pending.cancel();
        inFlight.cancel();
        sentenceJob.cancel();
        long mine = ++generation;
        String q = query.get() == null ? "" : query.get().trim();
        if (q.isEmpty()) {
            results.clear();
            bestSentences.clear();
            shownAnswer = null;
            shownQuery.set("");
            status.set("");
            searching.set(false);
            return;
        }
        String modelId = model.get() == null ? preferredModel.get() : model.get();
        SearchRequest request = new SearchRequest(q, modelId, mode.get(), RESULTS, currentFilter());
        searching.set(true);
        long started = System.nanoTime();
        inFlight = runner.submit(() -> backend.search(request), answer -> {
            if (mine != generation) {
                return;
            }
            searching.set(false);
            error.set("");
            bestSentences.clear();
            shownAnswer = answer;
            shownQuery.set(q);
            List<SearchResult> found = answer.results();
            int good = answer.goodMatches();
            goodMatches.set(good);
            results.setAll(found);
            findBestSentences(mine, answer, found.subList(0, Math.min(BEST_SENTENCE_RESULTS, found.size())));
            long ms = (System.nanoTime() - started) / 1_000_000;
            status.set(found.isEmpty() ? "No matches" : (good == 0 ? "No good match · " : good < found.size()
                    ? good + " good of " : "") + found.size() + (found.size() == 1 ? " file" : " files")
                    + " · " + ms + " ms" + (answer.wordsOnlyNote().isEmpty() ? "" : " · " + answer.wordsOnlyNote()));
        }, e -> {
            if (mine != generation) {
                return;
            }
            searching.set(false);
            ServerUnavailableException down = ServerUnavailableException.find(e);
            if (down != null && mode.get() != SearchMode.KEYWORD) {
                mode.set(SearchMode.KEYWORD);
                error.set("Semantic search needs the embedding server at " + down.server() + ", which does not "
                        + "answer, so Keyword mode is on. Switch back to Hybrid once the server runs again.");
            } else if (!Errors.isCancellation(e)) {
                error.set(Errors.message(e));
            }
        });
    }

    /** Finds the best sentences in the background; they arrive after the results, and only for the same search. */
    private void findBestSentences(long mine, SearchAnswer answer, List<SearchResult> of) {
        if (of.isEmpty()) {
            return;
        }
        sentenceJob = runner.submit(() -> backend.bestSentences(answer, of), found -> {
                    if (mine == generation) {
                        bestSentences.putAll(found);
                    }
                }, e -> {
                    if (!Errors.isCancellation(e)) {
                        LOG.debug("Best sentences not found", e);
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
        SearchAnswer answer = shownAnswer;
        if (answer != null && !bestSentences.containsKey(result.chunkId())) {
            long mine = generation;
            previewSentence.cancel();
            previewSentence = runner.submit(() -> backend.bestSentences(answer, List.of(result)), found -> {
                        if (mine == generation) {
                            bestSentences.putAll(found);
                        }
                    }, e -> LOG.debug("Best sentence not found", e));
        }
    }

    /**
     * Shows files another feature found (more like this) in place of the search's results; a search still waiting
     * or running is dropped, and the next one the user starts replaces them again.
     */
    public void showOthers(String statusText, List<SearchResult> found) {
        pending.cancel();
        inFlight.cancel();
        sentenceJob.cancel();
        generation++;
        searching.set(false);
        error.set("");
        bestSentences.clear();
        shownAnswer = null;
        shownQuery.set("");
        results.setAll(found);
        status.set(statusText);
    }

    /**
     * The best sentence of each shown result's passage by chunk id, filled in the background after each search
     * (first the top results, then any selected one); empty for a result until found.
     */
    public ObservableMap<Long, BestSentence.Span> bestSentences() {
        return bestSentences;
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

    public ObservableList<String> folderChoices() {
        return folderChoices;
    }

    public ObservableList<String> typeChoices() {
        return typeChoices;
    }

    /** A folder path, or {@link #ALL_FOLDERS}. */
    public StringProperty folderFilterProperty() {
        return folderFilter;
    }

    /** A file extension such as "pdf", or {@link #ALL_TYPES}. */
    public StringProperty typeFilterProperty() {
        return typeFilter;
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

    /**
     * How many of the shown results are good matches ({@link dev.semdex.search.WeakMatches}); the rest are weaker,
     * and 0 means no
     * good match at all.
     */
    public IntegerProperty goodMatchesProperty() {
        return goodMatches;
    }

    public BooleanProperty searchingProperty() {
        return searching;
    }

    public ObjectProperty<SearchResult> selectedProperty() {
        return selected;
    }

    public ObjectProperty<Passage> previewProperty() {
        return preview;
    }

    /** The query the shown results belong to (for highlighting). */
    public StringProperty shownQueryProperty() {
        return shownQuery;
    }
}
