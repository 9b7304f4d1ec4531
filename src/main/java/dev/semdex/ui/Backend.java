package dev.semdex.ui;

import dev.semdex.index.IndexListener;
import dev.semdex.index.IndexSummary;
import dev.semdex.search.BestSentence;
import dev.semdex.search.SearchAnswer;
import dev.semdex.search.SearchRequest;
import dev.semdex.search.SearchResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the window needs from the core, in the window's own words. Every method blocks (I/O, model loading,
 * embedding), so view models call them through a {@link dev.semdex.ui.common.TaskRunner}, never on the UI thread.
 * {@link SemdexBackend} is the real one; view-model tests use a fake.
 */
public interface Backend {

    record FolderInfo(long id, Path path, long files, long skipped, long chunks, Instant lastIndexed,
            List<String> exclusions) {}

    /** A passage with the text around it, for the preview pane. */
    record Passage(String path, int page, String before, String passage, String after) {}

    record Skipped(String path, String reason) {}

    List<FolderInfo> folders();

    /** Adds a folder to the index (no indexing yet); adding it again keeps its data. */
    FolderInfo addFolder(Path folder);

    /** Replaces a folder's exclusion patterns (gitignore lines); the next run applies them. */
    FolderInfo setExclusions(Path folder, List<String> patterns);

    /** Removes the folder and everything indexed from it. */
    void removeFolder(long folderId);

    /** Indexes one folder; blocks; interrupting the thread cancels, keeping the files finished so far. */
    IndexSummary index(Path folder, String modelId, IndexListener listener);

    /** Files that could not be indexed, with the reason. */
    List<Skipped> skipped();

    /** Model ids with vectors in the index, {@code preferred} first; just {@code preferred} for an empty index. */
    List<String> searchableModels(String preferred);

    /** Model ids that work offline, for the settings dialog. */
    List<String> availableModels();

    /** Extensions of the indexed files, most common first, for the file-type filter. */
    List<String> fileTypes();

    /** The files found, with the query vector that {@link #bestSentences} scores against. */
    SearchAnswer search(SearchRequest request);

    Passage passage(long chunkId);

    /**
     * The best sentence of each of the answer's results given, by chunk id: by meaning against the search's own
     * query vector, by query words in keyword mode (see {@link dev.semdex.search.BestSentence}). Embeds the
     * sentences, so it blocks.
     */
    Map<Long, BestSentence.Span> bestSentences(SearchAnswer answer, List<SearchResult> results);

    /**
     * Tells search that a run changed the index, so the next search sees the new vectors, with the run's model or
     * any other (re-indexed documents get new chunks for all of them).
     */
    void indexChanged();

    /**
     * Where indexing reports that it waits for an embedding server that went away ("" once it is back); called on
     * the indexing thread.
     */
    default void onServerWait(java.util.function.Consumer<String> listener) {
    }
}
