package dev.semdex.lab.compare;

import dev.semdex.SemdexException;
import dev.semdex.embed.Embedder;
import dev.semdex.lab.eval.RankingMetrics;
import dev.semdex.search.ChunkRanker;
import dev.semdex.search.SearchResult;
import dev.semdex.search.SearchService;
import dev.semdex.search.VectorIndex;
import dev.semdex.store.Judgements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * Scores models and their cheaper vector forms on judged queries (a BEIR dataset, or the user's own thumbs) with
 * nDCG@10 and recall, so that quality can be set against storage. Every form of a model searches the same chunks
 * with the same query vector, so the differences are due to the vectors alone.
 */
public final class QualityEvaluator {

    private final SearchService search;
    private final CompareService compare;
    private final Function<String, Embedder> embedders;

    public QualityEvaluator(SearchService search, CompareService compare, Function<String, Embedder> embedders) {
        this.search = search;
        this.compare = compare;
        this.embedders = embedders;
    }

    /** A query and its graded judgements, keyed the way {@code keyOf} maps a result path. */
    public record JudgedQuery(String text, Map<String, Integer> relevance) {}

    /**
     * The full vectors plus every requested variant that fits the model ({@code dims} may be empty: the model's
     * own dimension), for each model in turn.
     */
    public List<QualityRow> evaluate(List<String> models, List<Integer> dims, List<Precision> precisions,
            List<JudgedQuery> queries, Function<String, String> keyOf, int recallDepth) {
        List<QualityRow> rows = new ArrayList<>();
        for (String model : models) {
            VectorIndex index = search.vectorIndex(model);
            List<float[]> queryVectors = new ArrayList<>();
            Embedder embedder = embedders.apply(model);
            for (JudgedQuery q : queries) {
                checkInterrupted();
                queryVectors.add(embedder.embedQuery(q.text()));
            }
            VectorVariant full = VectorVariant.full(index.dimension());
            List<List<String>> fullRankings = new ArrayList<>();
            rows.add(score(model, index, full, queries, queryVectors, keyOf, recallDepth, null, fullRankings));
            for (VectorVariant variant : VectorVariant.cheaperForms(index.dimension(), dims, precisions)) {
                rows.add(score(model, index, variant, queries, queryVectors, keyOf, recallDepth, fullRankings,
                        null));
            }
        }
        return rows;
    }

    /**
     * The same table on the user's own files, from their thumbs: queries with at least one file marked relevant;
     * files never judged count as not relevant. Recall is taken at 10, the depth a person looks at.
     */
    public List<QualityRow> evaluateJudged(Judgements judgements, List<String> models, List<Integer> dims,
            List<Precision> precisions) {
        List<JudgedQuery> queries = new ArrayList<>();
        judgements.qrels().forEach((query, judged) -> queries.add(new JudgedQuery(query, judged)));
        if (queries.isEmpty()) {
            throw new SemdexException("No judged queries yet. Mark results as relevant (thumbs up in the window, "
                    + "or 'semdex judge <query> --relevant FILE') and try again.");
        }
        return evaluate(models, dims, precisions, queries, Function.identity(), 10);
    }

    private QualityRow score(String model, VectorIndex index, VectorVariant variant, List<JudgedQuery> queries,
            List<float[]> queryVectors, Function<String, String> keyOf, int recallDepth,
            List<List<String>> fullRankings, List<List<String>> collectFull) {
        VariantIndex variantIndex = variant.isFull(index.dimension()) ? null
                : compare.variantIndex(model, index, variant);
        int depth = Math.max(10, recallDepth);
        double ndcg = 0;
        double recall = 0;
        double agreement = 0;
        long nanos = 0;
        for (int i = 0; i < queries.size(); i++) {
            checkInterrupted();
            float[] q = queryVectors.get(i);
            long t0 = System.nanoTime();
            ChunkRanker ranker = variantIndex == null ? index.ranker(q) : variantIndex.ranker(q);
            List<SearchResult> results = search.rankFiles(index, ranker, depth, null);
            nanos += System.nanoTime() - t0;
            List<String> ranking = results.stream().map(r -> keyOf.apply(r.path())).toList();
            Map<String, Integer> judged = queries.get(i).relevance();
            ndcg += RankingMetrics.ndcg(ranking, judged, 10);
            recall += RankingMetrics.recall(ranking, judged, recallDepth);
            if (collectFull != null) {
                collectFull.add(ranking);
                agreement += 1;
            } else {
                agreement += RankingAgreement.overlap(fullRankings.get(i), ranking, 10);
            }
        }
        int n = queries.size();
        return new QualityRow(model, variant.dimension(), variant.precision().label(),
                CompareService.isExact(model, index.dimension(), variant), variant.bytesPerVector(),
                (long) index.size() * variant.bytesPerVector(), n, n == 0 ? 0 : ndcg / n, n == 0 ? 0 : recall / n,
                recallDepth, n == 0 ? 0 : agreement / n, n == 0 ? 0 : nanos / 1e6 / n);
    }

    private static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Evaluation cancelled");
        }
    }
}
