package dev.semdex.lab.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Several models' rankings for one query, side by side, with their pairwise agreement. */
public record Comparison(String query, int k, List<ModelRanking> models, List<PairAgreement> pairs,
        List<VariantRanking> variants) {

    /** Files that more than one model ranks, with the models that rank them: these are linked in the view. */
    public Map<String, List<String>> sharedPaths() {
        Map<String, List<String>> byPath = new LinkedHashMap<>();
        for (ModelRanking model : models) {
            for (String path : model.paths()) {
                byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(model.modelId());
            }
        }
        byPath.values().removeIf(m -> m.size() < 2);
        return byPath;
    }

    /** Where the other models rank a file one model lists: model id to 1-based rank, in column order. */
    public Map<String, Integer> otherRanks(String modelId, String path) {
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (ModelRanking other : models) {
            int rank = other.paths().indexOf(path);
            if (!other.modelId().equals(modelId) && rank >= 0) {
                ranks.put(other.modelId(), rank + 1);
            }
        }
        return ranks;
    }
}
