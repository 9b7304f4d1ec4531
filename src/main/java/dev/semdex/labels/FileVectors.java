package dev.semdex.labels;

import dev.semdex.search.VectorIndex;
import java.util.HashMap;
import java.util.Map;

/**
 * Files' vectors from a model's loaded passage vectors (the index more-like-this and search read): the unit mean
 * of each file's passages, as {@link LabelCentres#fileVector} makes it, read in one pass over the index.
 */
final class FileVectors {

    private FileVectors() {}

    /** Every file's vector, by document id. */
    static Map<Long, float[]> all(VectorIndex index) {
        Map<Long, double[]> sums = new HashMap<>();
        index.forEachRow((vector, row) -> {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("Labelling cancelled");
            }
            double[] sum = sums.computeIfAbsent(index.documentId(row), d -> new double[vector.length]);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += vector[i];
            }
        });
        Map<Long, float[]> out = new HashMap<>();
        sums.forEach((doc, sum) -> out.put(doc, LabelCentres.unit(sum)));
        return out;
    }
}
