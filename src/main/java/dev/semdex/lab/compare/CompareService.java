package dev.semdex.lab.compare;

import dev.semdex.SemdexException;
import dev.semdex.embed.Embedder;
import dev.semdex.search.ChunkRanker;
import dev.semdex.search.SearchFilter;
import dev.semdex.search.SearchResult;
import dev.semdex.search.SearchService;
import dev.semdex.search.VectorIndex;
import dev.semdex.store.IndexStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Ranks one query with several models, and with cheaper forms of their vectors, through the same search code as
 * the app's vector mode, and measures how the rankings agree and what each costs. Vector mode only: keyword
 * ranking does not depend on the model.
 */
public final class CompareService {

    private final IndexStore store;
    private final SearchService search;
    private final Function<String, Embedder> embedders;
    private final Map<String, Built> variants = new ConcurrentHashMap<>();

    private record Built(VectorIndex source, VariantIndex index) {}

    public CompareService(IndexStore store, SearchService search, Function<String, Embedder> embedders) {
        this.store = store;
        this.search = search;
        this.embedders = embedders;
    }

    public Comparison compare(CompareRequest request) {
        List<ModelRanking> rankings = new ArrayList<>();
        List<VariantRanking> variantRankings = new ArrayList<>();
        for (String modelId : request.modelIds()) {
            checkInterrupted();
            // Loaded (or cached) for the search anyway; an empty one means the model never indexed these folders.
            VectorIndex index = search.vectorIndex(modelId);
            if (index.size() == 0) {
                throw new SemdexException("The index has no vectors of '" + modelId + "'. Index the folders with "
                        + "it first: semdex index --model " + modelId);
            }
            Embedder embedder = embedders.apply(modelId);
            long t0 = System.nanoTime();
            float[] query = embedder.embedQuery(request.query());
            long t1 = System.nanoTime();
            List<SearchResult> results = search.rankFiles(index, index.ranker(query),
                    request.k(), request.filter());
            long t2 = System.nanoTime();
            ModelRanking full = new ModelRanking(modelId, index.dimension(), 4L * index.dimension(), index.size(),
                    store.status().vectorBytes(modelId), millis(t1 - t0), millis(t2 - t1), results);
            rankings.add(full);
            for (VectorVariant variant : request.variants()) {
                if (variant.dimension() <= index.dimension() && !variant.isFull(index.dimension())) {
                    checkInterrupted();
                    variantRankings.add(rankVariant(full, index, variant, query, request.k(), request.filter()));
                }
            }
        }
        List<PairAgreement> pairs = new ArrayList<>();
        for (int i = 0; i < rankings.size(); i++) {
            for (int j = i + 1; j < rankings.size(); j++) {
                List<String> a = rankings.get(i).paths();
                List<String> b = rankings.get(j).paths();
                pairs.add(new PairAgreement(rankings.get(i).modelId(), rankings.get(j).modelId(),
                        RankingAgreement.overlap(a, b, request.k()), RankingAgreement.rbo(a, b)));
            }
        }
        return new Comparison(request.query(), request.k(), rankings, pairs, variantRankings);
    }

    private VariantRanking rankVariant(ModelRanking full, VectorIndex index, VectorVariant variant, float[] query,
            int k, SearchFilter filter) {
        VariantIndex variantIndex = variantIndex(full.modelId(), index, variant);
        long t0 = System.nanoTime();
        List<SearchResult> results = search.rankFiles(index, variantIndex.ranker(query), k, filter);
        long t1 = System.nanoTime();
        List<String> paths = results.stream().map(SearchResult::path).toList();
        long fullBytes = (long) index.size() * full.bytesPerVector();
        return new VariantRanking(full.modelId(), variant, isExact(full.modelId(), index.dimension(), variant),
                variantIndex.indexBytes(), fullBytes == 0 ? 0 : 1 - (double) variantIndex.indexBytes() / fullBytes,
                RankingAgreement.overlap(full.paths(), paths, k), RankingAgreement.rbo(full.paths(), paths),
                millis(t1 - t0), results);
    }

    /** The variant's index, built once per loaded vector index (rebuilt after the index changed). */
    public VariantIndex variantIndex(String modelId, VectorIndex index, VectorVariant variant) {
        String key = modelId + "\u0000" + variant.label();
        Built built = variants.get(key);
        if (built == null || built.source() != index) {
            built = new Built(index, VariantIndex.build(index, variant));
            variants.put(key, built);
        }
        return built.index();
    }

    /** Whether a shortened vector is the model's own smaller embedding rather than an approximation. */
    public static boolean isExact(String modelId, int modelDimension, VectorVariant variant) {
        return variant.dimension() == modelDimension || Matryoshka.isTrained(modelId);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("Comparison cancelled");
        }
    }
}
