package dev.semdex.lab.eval;

import dev.semdex.chunk.Chunk;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.index.IndexListener;
import dev.semdex.index.IndexProgress;
import dev.semdex.search.SearchMode;
import dev.semdex.search.SearchRequest;
import dev.semdex.search.SearchResult;
import dev.semdex.search.SearchService;
import dev.semdex.store.DocumentWrite;
import dev.semdex.store.HashKey;
import dev.semdex.store.Hashes;
import dev.semdex.store.IndexStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * Measures retrieval quality on a BEIR dataset through the same store and search code the app uses. Each document
 * is one passage (title + text), truncated to the model's length as MTEB does, so the figures compare with the
 * published ones. Vectors are kept in an evaluation index of their own, so a second run only searches.
 */
public final class BeirEvaluator {

    private static final String PROFILE = "beir-doc";
    private static final String PATH_PREFIX = "beir:";
    private static final int BATCH = 64;

    private final Path evalDir;
    private final Function<String, Embedder> embedders;
    private final ModelCatalog catalog;

    public BeirEvaluator(Path evalDir, Function<String, Embedder> embedders, ModelCatalog catalog) {
        this.evalDir = evalDir;
        this.embedders = embedders;
        this.catalog = catalog;
    }

    public List<EvalResult> evaluate(BeirDataset dataset, String modelId, List<SearchMode> modes,
            IndexListener listener) {
        return withIndex(dataset, List.of(modelId), listener, store -> {
            SearchService search = new SearchService(store, embedders, catalog);
            List<EvalResult> results = new ArrayList<>();
            for (SearchMode mode : modes) {
                results.add(run(dataset, search, modelId, mode));
            }
            return results;
        });
    }

    /**
     * Runs {@code work} on the dataset's evaluation index after making sure every listed model has embedded the
     * whole corpus; for measurements beyond the modes of {@link #evaluate} (such as cheaper vector forms).
     */
    public <T> T withIndex(BeirDataset dataset, List<String> modelIds, IndexListener listener,
            Function<IndexStore, T> work) {
        String dbName = dataset.name() + "-" + dataset.corpus().size() + ".db";
        try (IndexStore store = IndexStore.open(evalDir.resolve(dbName))) {
            for (String modelId : modelIds) {
                indexCorpus(dataset, store, embedders.apply(modelId), listener);
            }
            return work.apply(store);
        }
    }

    /** The document id a result path of the evaluation index stands for. */
    public static String documentId(String path) {
        return path.substring(PATH_PREFIX.length());
    }

    private void indexCorpus(BeirDataset dataset, IndexStore store, Embedder embedder, IndexListener listener) {
        String modelId = embedder.model().id();
        store.models().register(modelId, embedder.dimension(), PROFILE);
        long folderId = store.folders().add(dataset.dir(), List.of()).id();
        Set<String> done = store.documents().indexedPaths(folderId, modelId);
        List<BeirDataset.Doc> todo = dataset.corpus().stream().filter(d -> !done.contains(PATH_PREFIX + d.id()))
                .toList();
        long start = System.nanoTime();
        long embedded = 0;
        for (int from = 0; from < todo.size(); from += BATCH) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("Evaluation cancelled");
            }
            List<BeirDataset.Doc> batch = todo.subList(from, Math.min(todo.size(), from + BATCH));
            List<byte[]> hashes = batch.stream().map(d -> Hashes.ofText(d.content())).toList();
            Set<HashKey> stored = store.vectors().alreadyStored(modelId, hashes);
            Map<HashKey, String> missing = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                HashKey key = new HashKey(hashes.get(i));
                if (!stored.contains(key)) {
                    missing.putIfAbsent(key, batch.get(i).content());
                }
            }
            List<float[]> vectors = embedder.embedPassages(List.copyOf(missing.values()));
            Map<HashKey, float[]> byHash = new HashMap<>();
            int v = 0;
            for (HashKey key : missing.keySet()) {
                byHash.put(key, vectors.get(v++));
            }
            for (int i = 0; i < batch.size(); i++) {
                BeirDataset.Doc doc = batch.get(i);
                String content = doc.content();
                HashKey key = new HashKey(hashes.get(i));
                Map<HashKey, float[]> newVectors = byHash.containsKey(key) ? Map.of(key, byHash.remove(key)) : Map.of();
                store.documents().saveIndexed(new DocumentWrite(folderId, PATH_PREFIX + doc.id(), content.length(), 0,
                        java.util.HexFormat.of().formatHex(hashes.get(i)), "text/plain", modelId, PROFILE,
                        List.of(new Chunk(0, content, 0, content.length(), 0, 0)), List.of(hashes.get(i)),
                        newVectors));
            }
            embedded += missing.size();
            listener.progress(new IndexProgress(from + batch.size(), todo.size(), from + batch.size(), embedded,
                    null, Duration.ofNanos(System.nanoTime() - start)));
        }
    }

    private static EvalResult run(BeirDataset dataset, SearchService search, String modelId, SearchMode mode) {
        double ndcg = 0;
        double recall = 0;
        double mrr = 0;
        long nanos = 0;
        int n = 0;
        for (Map.Entry<String, Map<String, Integer>> judged : dataset.qrels().entrySet()) {
            String query = dataset.queries().get(judged.getKey());
            if (query == null) {
                continue;
            }
            long t0 = System.nanoTime();
            List<SearchResult> results = search.search(new SearchRequest(query, modelId, mode, 100));
            nanos += System.nanoTime() - t0;
            List<String> ranking = results.stream().map(r -> documentId(r.path())).toList();
            ndcg += RankingMetrics.ndcg(ranking, judged.getValue(), 10);
            recall += RankingMetrics.recall(ranking, judged.getValue(), 100);
            mrr += RankingMetrics.reciprocalRank(ranking, judged.getValue(), 10);
            n++;
        }
        return new EvalResult(dataset.name(), modelId, mode.label(), dataset.corpus().size(), n,
                n == 0 ? 0 : ndcg / n, n == 0 ? 0 : recall / n, n == 0 ? 0 : mrr / n,
                n == 0 ? 0 : nanos / 1e6 / n);
    }
}
