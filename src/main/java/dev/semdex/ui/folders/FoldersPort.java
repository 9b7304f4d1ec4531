package dev.semdex.ui.folders;

import dev.semdex.index.FolderStatus;
import dev.semdex.index.IndexListener;
import dev.semdex.index.IndexSummary;
import dev.semdex.index.SkippedDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the folder pane needs from the core. Every method blocks (I/O, model loading, embedding), so the view model
 * calls them through a {@link dev.semdex.ui.common.TaskRunner}, never on the UI thread. {@link SemdexFoldersPort}
 * is the real one; view-model tests use a fake.
 */
public interface FoldersPort {

    List<FolderStatus> folders();

    /** Adds a folder to the index (no indexing yet); adding it again keeps its data. */
    FolderStatus addFolder(Path folder);

    /** Replaces a folder's exclusion patterns (gitignore lines); the next run applies them. */
    FolderStatus setExclusions(Path folder, List<String> patterns);

    /** Removes the folder and everything indexed from it. */
    void removeFolder(long folderId);

    /** Indexes one folder; blocks; interrupting the thread cancels, keeping the files finished so far. */
    IndexSummary index(Path folder, String modelId, IndexListener listener);

    /** Files that could not be indexed, with the reason. */
    List<SkippedDocument> skipped();

    /**
     * Tells search that a run changed the index, so the next search sees the new vectors, with the run's model or
     * any other (re-indexed documents get new chunks for all of them).
     */
    void indexChanged();

    /**
     * Where indexing reports that it waits for an embedding server that went away ("" once it is back); called on
     * the indexing thread.
     */
    default void onServerWait(Consumer<String> listener) {
    }
}
