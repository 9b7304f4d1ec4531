package dev.semdex.index;

import dev.semdex.embed.ServerUnavailableException;
import dev.semdex.embed.WaitingEmbedder;
import dev.semdex.models.EmbedderLease;
import dev.semdex.models.ModelService;
import dev.semdex.search.SearchService;
import dev.semdex.store.FolderCounts;
import dev.semdex.store.IndexStore;
import dev.semdex.store.StoredFolder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The folders a user keeps in the index: adding one, its exclusions, removing it, indexing it with a model and
 * what was skipped. The window's folder list and its runs go through here, so a folder's bookkeeping (its counts,
 * forgetting cached vectors when it goes) lives in one place.
 */
public final class FolderService {

    private final IndexStore store;
    private final Supplier<Indexer> indexer;
    private final ModelService models;
    private final SearchService search;

    /** @param indexer a new indexer per run (it holds the run's state) */
    public FolderService(IndexStore store, Supplier<Indexer> indexer, ModelService models, SearchService search) {
        this.store = store;
        this.indexer = indexer;
        this.models = models;
        this.search = search;
    }

    public List<FolderStatus> all() {
        return store.folders().all().stream().map(this::status).toList();
    }

    /** Adds a folder to the index (no indexing yet); adding it again keeps its data and exclusions. */
    public FolderStatus add(Path folder) {
        List<String> exclusions = store.folders().find(folder).map(StoredFolder::exclusions).orElse(List.of());
        return status(store.folders().add(folder, exclusions));
    }

    /** Replaces a folder's exclusion patterns; blank lines are dropped; the next run applies them. */
    public FolderStatus setExclusions(Path folder, List<String> patterns) {
        return status(store.folders().add(folder, patterns.stream().map(String::strip)
                .filter(p -> !p.isEmpty()).toList()));
    }

    /** Removes the folder and everything indexed from it. */
    public void remove(long folderId) {
        store.folders().remove(folderId);
        search.invalidateAll();
    }

    /**
     * Indexes one folder with a model; blocks; interrupting the thread cancels, keeping the files finished so far.
     * A model on an Ollama server that goes away makes the run wait for it, and {@code serverWait} hears why (and
     * "" once it answers again).
     */
    public IndexSummary index(Path folder, String modelId, IndexListener listener, Consumer<String> serverWait) {
        WaitingEmbedder.Listener waits = new WaitingEmbedder.Listener() {
            @Override
            public void waiting(ServerUnavailableException reason, Duration nextTryIn) {
                serverWait.accept(reason.getMessage() + " Indexing of " + folder.getFileName() + " waits and "
                        + "goes on by itself once the server answers (next try in " + nextTryIn.toSeconds()
                        + " s); everything embedded so far is kept. Cancel to stop.");
            }

            @Override
            public void resumed() {
                serverWait.accept("");
            }
        };
        try (EmbedderLease lease = models.leaseForIndexing(modelId, waits)) {
            IndexSummary summary = indexer.get().index(List.of(folder), lease.embedder(), listener);
            models.speeds().record(modelId, summary.passagesEmbedded(), summary.elapsed());
            return summary;
        }
    }

    /** Files that could not be indexed, with the reason. */
    public List<SkippedDocument> skipped() {
        return store.documents().skipped().stream().map(d -> new SkippedDocument(d.path(), d.error())).toList();
    }

    private FolderStatus status(StoredFolder f) {
        FolderCounts counts = store.status().folderCounts(f.id());
        Map<String, Long> byModel = new TreeMap<>();
        store.models().all().values().forEach(m -> {
            Long passages = counts.passagesByProfile().get(m.profile());
            if (passages != null) {
                byModel.put(m.id(), passages);
            }
        });
        return new FolderStatus(f.id(), f.path(), counts.files(), counts.skipped(), counts.chunks(),
                f.lastIndexedAt(), f.exclusions(), byModel);
    }
}
