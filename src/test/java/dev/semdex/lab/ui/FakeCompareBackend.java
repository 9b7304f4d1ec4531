package dev.semdex.lab.ui;

import dev.semdex.SemdexException;
import dev.semdex.lab.compare.CompareRequest;
import dev.semdex.lab.compare.Comparison;
import dev.semdex.lab.compare.CorpusMap;
import dev.semdex.lab.compare.ModelRanking;
import dev.semdex.lab.compare.PairAgreement;
import dev.semdex.lab.compare.Precision;
import dev.semdex.lab.compare.QualityRow;
import dev.semdex.lab.compare.RankingAgreement;
import dev.semdex.lab.compare.VariantRanking;
import dev.semdex.lab.compare.VectorVariant;
import dev.semdex.index.IndexListener;
import dev.semdex.index.IndexProgress;
import dev.semdex.index.IndexSummary;
import dev.semdex.search.SearchResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * An in-memory {@link CompareBackend}: each model ranks the files the test gives it; judgements live in a map;
 * agreement is computed with the core's own {@link RankingAgreement}, so the view model shows real figures.
 */
final class FakeCompareBackend implements CompareBackend {

    final Map<String, List<String>> rankings = new LinkedHashMap<>();
    final Map<String, Integer> dimensions = new LinkedHashMap<>();
    final Map<String, Map<String, Boolean>> judged = new LinkedHashMap<>();
    final List<CompareRequest> compares = new ArrayList<>();
    final List<String> qualityCalls = new ArrayList<>();
    final List<String> added = new ArrayList<>();
    final List<String> removed = new ArrayList<>();
    List<QualityRow> qualityRows = List.of();
    int filesPerFolder = 3;

    void model(String id, int dimension, String... paths) {
        rankings.put(id, List.of(paths));
        dimensions.put(id, dimension);
    }

    @Override
    public List<IndexedModel> indexedModels() {
        return rankings.keySet().stream().map(id -> new IndexedModel(id, dimensions.get(id), 10,
                10L * 4 * dimensions.get(id))).toList();
    }

    @Override
    public List<String> offlineModels() {
        return List.of("all-minilm-l6-v2", "all-minilm-l6-v2-q", "bge-small-en-v1.5");
    }

    @Override
    public Comparison compare(CompareRequest request) {
        compares.add(request);
        List<ModelRanking> models = new ArrayList<>();
        List<VariantRanking> variants = new ArrayList<>();
        for (String id : request.modelIds()) {
            List<String> paths = rankings.get(id);
            if (paths == null) {
                throw new SemdexException("The index has no vectors of '" + id + "'.");
            }
            List<SearchResult> results = new ArrayList<>();
            for (int i = 0; i < Math.min(request.k(), paths.size()); i++) {
                results.add(new SearchResult(i + 1, paths.get(i), 1.0 - i * 0.1, i, "text of " + paths.get(i), 0,
                        10, 0));
            }
            int dim = dimensions.get(id);
            models.add(new ModelRanking(id, dim, 4L * dim, 10, 40L * dim, 5.0, 0.5, results));
            for (VectorVariant v : request.variants()) {
                if (v.dimension() <= dim && !v.isFull(dim)) {
                    variants.add(new VariantRanking(id, v, false, 10 * v.bytesPerVector(),
                            1 - (double) v.bytesPerVector() / (4L * dim), 0.9, 0.95, 0.2, results));
                }
            }
        }
        List<PairAgreement> pairs = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            for (int j = i + 1; j < models.size(); j++) {
                pairs.add(new PairAgreement(models.get(i).modelId(), models.get(j).modelId(),
                        RankingAgreement.overlap(models.get(i).paths(), models.get(j).paths(), request.k()),
                        RankingAgreement.rbo(models.get(i).paths(), models.get(j).paths())));
            }
        }
        return new Comparison(request.query(), request.k(), models, pairs, variants);
    }

    @Override
    public Map<String, Boolean> judgements(String query) {
        return Map.copyOf(judged.getOrDefault(query, Map.of()));
    }

    @Override
    public void judge(String query, String path, boolean relevant) {
        judged.computeIfAbsent(query, q -> new LinkedHashMap<>()).put(path, relevant);
    }

    @Override
    public void forget(String query, String path) {
        judged.getOrDefault(query, new LinkedHashMap<>()).remove(path);
    }

    @Override
    public int judgedQueries() {
        return (int) judged.values().stream().filter(m -> m.containsValue(true)).count();
    }

    @Override
    public List<QualityRow> quality(List<String> models, List<Integer> dims, List<Precision> precisions) {
        qualityCalls.add(models + " " + dims + " " + precisions);
        return qualityRows.stream().filter(r -> models.contains(r.model())).toList();
    }

    /** The map {@link #corpusMap} returns; null: too few files. */
    CorpusMap map;
    /** Labels added, as "name: words <- examples". */
    final List<String> labels = new ArrayList<>();

    @Override
    public CorpusMap corpusMap(String modelId, int clusters) {
        if (map == null) {
            throw new SemdexException("A map needs at least 3 files with vectors of " + modelId + ".");
        }
        return map;
    }

    @Override
    public void addLabel(dev.semdex.labels.Label label, List<Path> examples) {
        if (labels.stream().anyMatch(l -> l.startsWith(label.name() + ":"))) {
            throw new SemdexException("There is already a label called " + label.name() + ".");
        }
        labels.add(label.name() + ": " + label.words() + " <- " + examples);
    }

    /** What adding a model costs here: this many passages at this speed (NaN: not measurable). */
    long passages = 2_300;
    double passagesPerSecond = 3.2;
    final List<String> costAsked = new ArrayList<>();

    @Override
    public dev.semdex.models.AddModelCost addCost(String modelId) {
        costAsked.add(modelId);
        return new dev.semdex.models.AddModelCost(modelId, passages, Double.isNaN(passagesPerSecond)
                ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(passagesPerSecond), true,
                dev.semdex.models.SciFactQuality.of(modelId), judgedQueries());
    }

    @Override
    public IndexSummary indexAllFolders(String modelId, IndexListener listener) {
        added.add(modelId);
        listener.scanned(Path.of("/docs"), filesPerFolder);
        for (int i = 1; i <= filesPerFolder; i++) {
            try {
                listener.checkpoint();
            } catch (InterruptedException e) {
                throw new CancellationException("cancelled");
            }
            listener.progress(new IndexProgress(i, filesPerFolder, i, i, Path.of("/docs/f" + i), Duration.ofSeconds(i)));
        }
        model(modelId, 384, "/docs/a.txt");
        return new IndexSummary(filesPerFolder, 0, 0, 0, filesPerFolder, filesPerFolder, 0, List.of(),
                Duration.ofSeconds(2));
    }

    @Override
    public int removeFromIndex(String modelId) {
        removed.add(modelId);
        rankings.remove(modelId);
        dimensions.remove(modelId);
        return 10;
    }
}
