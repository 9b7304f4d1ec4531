package dev.semdex.lab;

import dev.semdex.Semdex;
import dev.semdex.lab.compare.BeirQuality;
import dev.semdex.lab.compare.CompareService;
import dev.semdex.lab.compare.CorpusMap;
import dev.semdex.lab.compare.Precision;
import dev.semdex.lab.compare.QualityEvaluator;
import dev.semdex.lab.compare.QualityRow;
import dev.semdex.lab.eval.BeirEvaluator;
import dev.semdex.store.IndexStore;
import dev.semdex.store.Judgements;
import dev.semdex.store.StoredModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The model lab's services over the product's core: comparisons, quality on the user's judgements or a BEIR set,
 * the corpus map. Built beside {@link Semdex}, never inside it, so the product runs (and is tested) without the lab
 * and the lab can grow without the search window noticing.
 */
public final class Lab {

    private final Semdex semdex;
    private CompareService compare;

    public Lab(Semdex semdex) {
        this.semdex = semdex;
    }

    public synchronized CompareService compare() {
        if (compare == null) {
            compare = new CompareService(semdex.store(), semdex.search(), semdex.models()::leasingPerCall);
        }
        return compare;
    }

    /** A model with vectors in the index: how many and how much room they take. */
    public record IndexedModel(String id, int dimension, long vectors, long vectorBytes) {}

    /** The models with at least one vector in the index. */
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

    /** The user's relevance judgements, kept in the index. */
    public Judgements judgements() {
        return semdex.store().judgements();
    }

    /** Files judged for a query: path to relevant or not. */
    public Map<String, Boolean> judgementsOf(String query) {
        return judgements().of(query);
    }

    public void judge(String query, String path, boolean relevant) {
        judgements().judge(query, path, relevant);
    }

    /** Takes back a judgement (a thumb pressed again). */
    public void forget(String query, String path) {
        judgements().forget(query, path);
    }

    /** How many queries have at least one judgement: what the quality tab can score. */
    public int judgedQueries() {
        return judgements().qrels().size();
    }

    /** Quality per model and vector form, on the user's judgements or on a BEIR dataset. */
    public QualityEvaluator quality() {
        return new QualityEvaluator(semdex.search(), compare(), semdex.models()::leasingPerCall);
    }

    /** The quality table on the user's own judgements. */
    public List<QualityRow> qualityOnJudgements(List<String> models, List<Integer> dims,
            List<Precision> precisions) {
        return quality().evaluateJudged(judgements(), models, dims, precisions);
    }

    public BeirQuality beirQuality() {
        return new BeirQuality(evaluator(), semdex.models()::leasingPerCall, semdex.catalog());
    }

    public BeirEvaluator evaluator() {
        return new BeirEvaluator(semdex.dirs().data().resolve("eval"), semdex.models()::leasingPerCall,
                semdex.catalog());
    }

    /** The files as one model sees them, for the corpus map; folder of each file from the indexed folders. */
    public CorpusMap corpusMap(String modelId, int clusters) {
        List<Path> folders = semdex.store().folders().all().stream().map(f -> f.path()).toList();
        // The innermost indexed folder holding the file, compared by path components as SearchFilter does.
        return CorpusMap.build(modelId, semdex.search().vectorIndex(modelId), semdex.store().documents().paths(),
                path -> folders.stream().filter(Path.of(path)::startsWith)
                        .max(Comparator.comparingInt(Path::getNameCount))
                        .map(Object::toString).orElse(""), clusters, 42,
                chunkId -> semdex.store().chunks().find(chunkId).map(c -> c.text()).orElse(""));
    }

    /** Enough for a steady rate, few enough to answer in seconds. */
    private static final int PROBE_PASSAGES = 36;

    /**
     * What adding a model to the index would cost: the indexed passages, and the model's speed here from its last
     * run or, if it never ran here, from a short probe on passages of the index; with its SciFact figures.
     */
    public dev.semdex.models.AddModelCost addCost(String modelId) {
        long passages = semdex.folders().all().stream().mapToLong(dev.semdex.index.FolderStatus::chunks).sum();
        java.util.OptionalDouble speed = semdex.models().speeds().passagesPerSecond(modelId);
        boolean measuredInRun = speed.isPresent();
        if (speed.isEmpty() && passages > 0) {
            String profile = semdex.catalog().require(semdex.models().defaultModel()).chunkProfile();
            List<String> sample = semdex.store().chunks().texts(profile, PROBE_PASSAGES);
            try (dev.semdex.models.EmbedderLease lease = semdex.models().lease(modelId)) {
                double rate = dev.semdex.models.SpeedProbe.passagesPerSecond(lease.embedder(), sample);
                if (rate > 0) {
                    speed = java.util.OptionalDouble.of(rate);
                }
            }
        }
        return new dev.semdex.models.AddModelCost(modelId, passages, speed, measuredInRun,
                dev.semdex.models.SciFactQuality.of(modelId), judgedQueries());
    }
}
