package dev.semdex.lab.ui;

import dev.semdex.lab.Lab;
import dev.semdex.Semdex;
import dev.semdex.SemdexException;
import dev.semdex.lab.compare.CompareRequest;
import dev.semdex.lab.compare.Comparison;
import dev.semdex.lab.compare.CorpusMap;
import dev.semdex.lab.compare.Precision;
import dev.semdex.lab.compare.QualityRow;
import dev.semdex.embed.ModelSpec;
import dev.semdex.index.IndexListener;
import dev.semdex.index.IndexSummary;
import dev.semdex.models.EmbedderLease;
import dev.semdex.store.IndexStore;
import dev.semdex.store.StoredFolder;
import dev.semdex.store.StoredModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@link CompareBackend} over the real core. */
public final class SemdexCompareBackend implements CompareBackend {

    private final Semdex semdex;
    private final Lab lab;

    public SemdexCompareBackend(Semdex semdex) {
        this.semdex = semdex;
        this.lab = new Lab(semdex);
    }

    @Override
    public List<IndexedModel> indexedModels() {
        IndexStore store = semdex.store();
        Map<String, StoredModel> models = store.models().all();
        List<IndexedModel> out = new ArrayList<>();
        store.status().vectorCounts().forEach((id, count) -> {
            if (count > 0) {
                StoredModel m = models.get(id);
                out.add(new IndexedModel(id, m == null ? 0 : m.dimension(), count, store.status().vectorBytes(id)));
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
        return lab.compare().compare(request);
    }

    @Override
    public Map<String, Boolean> judgements(String query) {
        return lab.judgements().of(query);
    }

    @Override
    public void judge(String query, String path, boolean relevant) {
        lab.judgements().judge(query, path, relevant);
    }

    @Override
    public void forget(String query, String path) {
        lab.judgements().forget(query, path);
    }

    @Override
    public int judgedQueries() {
        return lab.judgements().qrels().size();
    }

    @Override
    public List<QualityRow> quality(List<String> models, List<Integer> dims, List<Precision> precisions) {
        return lab.quality().evaluateJudged(lab.judgements(), models, dims, precisions);
    }

    @Override
    public CorpusMap corpusMap(String modelId, int clusters) {
        return lab.corpusMap(modelId, clusters);
    }

    @Override
    public IndexSummary indexAllFolders(String modelId, IndexListener listener) {
        List<Path> folders = semdex.store().folders().all().stream().map(StoredFolder::path).toList();
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
