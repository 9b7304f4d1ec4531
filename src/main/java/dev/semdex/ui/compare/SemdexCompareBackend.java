package dev.semdex.ui.compare;

import dev.semdex.Semdex;
import dev.semdex.SemdexException;
import dev.semdex.compare.CompareRequest;
import dev.semdex.compare.Comparison;
import dev.semdex.compare.CorpusMap;
import dev.semdex.compare.Precision;
import dev.semdex.compare.QualityRow;
import dev.semdex.embed.ModelSpec;
import dev.semdex.index.IndexListener;
import dev.semdex.index.IndexSummary;
import dev.semdex.models.EmbedderLease;
import dev.semdex.store.IndexStore;
import dev.semdex.store.StoredFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@link CompareBackend} over the real core. */
public final class SemdexCompareBackend implements CompareBackend {

    private final Semdex semdex;

    public SemdexCompareBackend(Semdex semdex) {
        this.semdex = semdex;
    }

    @Override
    public List<IndexedModel> indexedModels() {
        IndexStore store = semdex.store();
        Map<String, IndexStore.StoredModel> models = store.models();
        List<IndexedModel> out = new ArrayList<>();
        store.vectorCounts().forEach((id, count) -> {
            if (count > 0) {
                IndexStore.StoredModel m = models.get(id);
                out.add(new IndexedModel(id, m == null ? 0 : m.dimension(), count, store.vectorBytes(id)));
            }
        });
        return out;
    }

    @Override
    public List<String> offlineModels() {
        return semdex.catalog().all().stream().filter(ModelSpec::availableOffline).map(ModelSpec::id).toList();
    }

    @Override
    public Comparison compare(CompareRequest request) {
        return semdex.compare().compare(request);
    }

    @Override
    public Map<String, Boolean> judgements(String query) {
        return semdex.judgements().of(query);
    }

    @Override
    public void judge(String query, String path, boolean relevant) {
        semdex.judgements().judge(query, path, relevant);
    }

    @Override
    public void forget(String query, String path) {
        semdex.judgements().forget(query, path);
    }

    @Override
    public int judgedQueries() {
        return semdex.judgements().qrels().size();
    }

    @Override
    public List<QualityRow> quality(List<String> models, List<Integer> dims, List<Precision> precisions) {
        return semdex.quality().evaluateJudged(semdex.judgements(), models, dims, precisions);
    }

    @Override
    public CorpusMap corpusMap(String modelId, int clusters) {
        return semdex.corpusMap(modelId, clusters);
    }

    @Override
    public IndexSummary indexAllFolders(String modelId, IndexListener listener) {
        List<Path> folders = semdex.store().folders().stream().map(StoredFolder::path).toList();
        if (folders.isEmpty()) {
            throw new SemdexException("No folders are indexed yet. Add a folder in the main window first.");
        }
        try (EmbedderLease lease = semdex.models().lease(modelId)) {
            return semdex.indexer().index(folders, lease.embedder(), listener);
        } finally {
            semdex.search().invalidateAll(); // re-indexed documents get new chunk ids for every model
        }
    }

    @Override
    public int removeFromIndex(String modelId) {
        return semdex.removeFromIndex(modelId);
    }
}
