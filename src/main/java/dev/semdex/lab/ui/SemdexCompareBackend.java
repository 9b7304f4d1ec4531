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
import java.nio.file.Path;
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
        return lab.indexedModels().stream()
                .map(m -> new IndexedModel(m.id(), m.dimension(), m.vectors(), m.vectorBytes())).toList();
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
        return lab.judgementsOf(query);
    }

    @Override
    public void judge(String query, String path, boolean relevant) {
        lab.judge(query, path, relevant);
    }

    @Override
    public void forget(String query, String path) {
        lab.forget(query, path);
    }

    @Override
    public int judgedQueries() {
        return lab.judgedQueries();
    }

    @Override
    public List<QualityRow> quality(List<String> models, List<Integer> dims, List<Precision> precisions) {
        return lab.qualityOnJudgements(models, dims, precisions);
    }

    @Override
    public CorpusMap corpusMap(String modelId, int clusters) {
        return lab.corpusMap(modelId, clusters);
    }

    @Override
    public dev.semdex.models.AddModelCost addCost(String modelId) {
        return lab.addCost(modelId);
    }

    @Override
    public IndexSummary indexAllFolders(String modelId, IndexListener listener) {
        List<Path> folders = semdex.searchChoices().folders();
        if (folders.isEmpty()) {
            throw new SemdexException("No folders are indexed yet. Add a folder in the main window first.");
        }
        try (EmbedderLease lease = semdex.models().lease(modelId)) {
            IndexSummary summary = semdex.indexer().index(folders, lease.embedder(), listener);
            semdex.models().speeds().record(modelId, summary.passagesEmbedded(), summary.elapsed());
            return summary;
        } finally {
            semdex.search().invalidateAll(); // re-indexed documents get new chunk ids for every model
        }
    }

    @Override
    public int removeFromIndex(String modelId) {
        return semdex.removeFromIndex(modelId);
    }

    @Override
    public void addLabel(dev.semdex.labels.Label label, List<Path> examples) {
        semdex.labels().add(label, examples);
    }
}
