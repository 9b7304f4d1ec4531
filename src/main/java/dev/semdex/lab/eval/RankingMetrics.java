package dev.semdex.lab.eval;

import java.util.List;
import java.util.Map;

/**
 * nDCG@k, Recall@k and MRR@k for one query, computed as trec_eval does (gain = judged relevance, discount
 * log2(rank + 1), ideal ranking from the judgements). Averages are taken over all judged queries.
 */
public final class RankingMetrics {

    private RankingMetrics() {}

    public static double ndcg(List<String> ranking, Map<String, Integer> relevant, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            int rel = relevant.getOrDefault(ranking.get(i), 0);
            if (rel > 0) {
                dcg += rel / log2(i + 2);
            }
        }
        List<Integer> ideal = relevant.values().stream().filter(r -> r > 0).sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    public static double recall(List<String> ranking, Map<String, Integer> relevant, int k) {
        long total = relevant.values().stream().filter(r -> r > 0).count();
        if (total == 0) {
            return 0;
        }
        long found = ranking.stream().limit(k).filter(d -> relevant.getOrDefault(d, 0) > 0).count();
        return (double) found / total;
    }

    public static double reciprocalRank(List<String> ranking, Map<String, Integer> relevant, int k) {
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (relevant.getOrDefault(ranking.get(i), 0) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
