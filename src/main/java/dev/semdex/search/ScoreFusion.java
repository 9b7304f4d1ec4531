package dev.semdex.search;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fuses the two file rankings of a hybrid search into one. Each half's scores are brought to 0–1 over its own list
 * (cosine between the list's lowest and highest, BM25 as a share of the highest) and added with fixed weights, so a
 * file that one half finds far ahead of everything else keeps that lead; rank fusion would give it the same credit as
 * a file first by a hair, and on real folders it put a page that both halves found in the middle above the one the
 * semantic half found clearly best. A file one half did not list gets nothing from it.
 */
final class ScoreFusion {

    /** The semantic half's weight; the keyword half has the rest. */
    static final double VECTOR_WEIGHT = 0.5;

    private ScoreFusion() {
    }

    /**
     * The best {@code files} of both rankings (each file's score, best first), ranked by fused score: 1 for a file
     * both halves rank first, {@link #keywordOnlyTop()} at most for one only the keyword half found. Ties go to the
     * lower id so that a ranking does not change between runs.
     */
    static Map<Long, Double> fuse(Map<Long, Double> vector, Map<Long, Double> keyword, int files) {
        Map<Long, Double> fused = new HashMap<>();
        double high = max(vector);
        double low = vector.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double range = high - low;
        vector.forEach((doc, score) -> fused.merge(doc,
                VECTOR_WEIGHT * (range > 0 ? (score - low) / range : 1), Double::sum));
        double best = max(keyword);
        keyword.forEach((doc, score) -> fused.merge(doc,
                (1 - VECTOR_WEIGHT) * (best > 0 ? Math.max(0, score) / best : 1), Double::sum));
        Map<Long, Double> out = new LinkedHashMap<>();
        fused.entrySet().stream()
                .sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(files)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The highest fused score a file can reach from the keyword half alone. */
    static double keywordOnlyTop() {
        return 1 - VECTOR_WEIGHT;
    }

    private static double max(Map<Long, Double> scores) {
        return scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
