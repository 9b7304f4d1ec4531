package dev.semdex.ui;

import dev.semdex.Semdex;
import dev.semdex.SemdexException;
import dev.semdex.embed.ModelSpec;
import dev.semdex.embed.ServerUnavailableException;
import dev.semdex.embed.WaitingEmbedder;
import dev.semdex.index.IndexListener;
import dev.semdex.index.IndexSummary;
import dev.semdex.models.EmbedderLease;
import dev.semdex.search.BestSentence;
import dev.semdex.search.SearchAnswer;
import dev.semdex.search.SearchMode;
import dev.semdex.search.SearchRequest;
import dev.semdex.search.SearchResult;
import dev.semdex.store.FolderCounts;
import dev.semdex.store.IndexStore;
import dev.semdex.store.StoredChunk;
import dev.semdex.store.StoredFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Backend} over the real core. */
public final class SemdexBackend implements Backend {

    private static final Logger LOG = LoggerFactory.getLogger(SemdexBackend.class);

    private final Semdex semdex;
    private volatile Consumer<String> serverWait = message -> {};

    public SemdexBackend(Semdex semdex) {
        this.semdex = semdex;
    }

    @Override
    public void onServerWait(Consumer<String> listener) {
        this.serverWait = listener;
    }

    @Override
    public List<FolderInfo> folders() {
        IndexStore store = semdex.store();
        List<FolderInfo> out = new ArrayList<>();
        for (StoredFolder f : store.folders().all()) {
            out.add(info(store, f));
        }
        return out;
    }

    private static FolderInfo info(IndexStore store, StoredFolder f) {
        FolderCounts counts = store.status().folderCounts(f.id());
        return new FolderInfo(f.id(), f.path(), counts.files(), counts.skipped(), counts.chunks(), f.lastIndexedAt(),
                f.exclusions());
    }

    @Override
    public FolderInfo addFolder(Path folder) {
        IndexStore store = semdex.store();
        List<String> exclusions = store.folders().find(folder).map(StoredFolder::exclusions).orElse(List.of());
        return info(store, store.folders().add(folder, exclusions));
    }

    @Override
    public FolderInfo setExclusions(Path folder, List<String> patterns) {
        IndexStore store = semdex.store();
        return info(store, store.folders().add(folder, patterns.stream().map(String::strip)
                .filter(p -> !p.isEmpty()).toList()));
    }

    @Override
    public void removeFolder(long folderId) {
        semdex.store().folders().remove(folderId);
        semdex.search().invalidateAll();
    }

    @Override
    public IndexSummary index(Path folder, String modelId, IndexListener listener) {
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
        try (EmbedderLease lease = semdex.models().leaseForIndexing(modelId, waits)) {
            return semdex.indexer().index(List.of(folder), lease.embedder(), listener);
        }
    }

    @Override
    public List<Skipped> skipped() {
        return semdex.store().documents().skipped().stream().map(d -> new Skipped(d.path(), d.error())).toList();
    }

    @Override
    public List<String> searchableModels(String preferredId) {
        String preferred = semdex.models().canonicalId(preferredId);
        List<String> out = new ArrayList<>();
        semdex.store().status().vectorCounts().forEach((id, count) -> {
            if (count > 0) {
                out.add(id);
            }
        });
        if (out.remove(preferred) || out.isEmpty()) {
            out.add(0, preferred);
        }
        return out;
    }

    @Override
    public List<String> availableModels() {
        var manager = semdex.models().modelManager();
        return semdex.catalog().all().stream().filter(m -> m.availableOffline()
                || List.of("downloaded", "added").contains(manager.state(m))).map(ModelSpec::id).toList();
    }

    @Override
    public List<String> fileTypes() {
        return semdex.store().documents().fileExtensions();
    }

    @Override
    public SearchAnswer search(SearchRequest request) {
        return semdex.search().answer(request);
    }

    @Override
    public Map<Long, BestSentence.Span> bestSentences(SearchAnswer answer, List<SearchResult> results) {
        SearchRequest request = answer.request();
        if (request.mode() == SearchMode.KEYWORD) {
            return BestSentence.forResults(results, request.query(), request.mode(), null, null);
        }
        EmbedderLease lease;
        try {
            lease = semdex.models().lease(request.modelId());
        } catch (SemdexException e) {
            LOG.debug("No model for best sentences; using query words: {}", e.getMessage());
            return BestSentence.forResults(results, request.query(), request.mode(), null, null);
        }
        try (lease) {
            return BestSentence.forResults(results, request.query(), request.mode(), lease.embedder(),
                    answer.queryVector());
        }
    }

    @Override
    public void indexChanged() {
        semdex.search().invalidateAll();
    }

    /** The chunk with the non-overlapping parts of its neighbours before and after it. */
    @Override
    public Passage passage(long chunkId) {
        StoredChunk chunk = semdex.store().chunks().find(chunkId)
                .orElseThrow(() -> new SemdexException("This passage is no longer in the index; search again."));
        List<StoredChunk> around = semdex.store().chunks().neighbours(chunk);
        String before = "";
        String after = "";
        for (StoredChunk n : around) {
            if (n.ordinal() < chunk.ordinal()) {
                before = n.text().substring(0, clamp(chunk.start() - n.start(), n.text().length()));
            } else {
                after = n.text().substring(clamp(chunk.end() - n.start(), n.text().length()));
            }
        }
        return new Passage(chunk.path(), chunk.page(), before, chunk.text(), after);
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(value, max));
    }
}
