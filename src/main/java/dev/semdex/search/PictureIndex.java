package dev.semdex.search;

import dev.semdex.embed.Vectors;
import dev.semdex.store.IndexStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One model's picture vectors in memory, one per image file, scanned exactly: a folder holds far fewer pictures than
 * passages, so the passages' int8 first pass is not needed here.
 */
final class PictureIndex {

    /** A picture's file and its cosine with the query. */
    record Hit(long documentId, float score) {}

    private final long[] documents;
    private final float[][] vectors;

    private PictureIndex(long[] documents, float[][] vectors) {
        this.documents = documents;
        this.vectors = vectors;
    }

    static PictureIndex load(IndexStore store, String modelId) {
        List<float[]> vectors = new ArrayList<>();
        List<Long> documents = new ArrayList<>();
        store.pictures().forEach(modelId, (vector, document) -> {
            vectors.add(vector);
            documents.add(document);
        });
        return new PictureIndex(documents.stream().mapToLong(Long::longValue).toArray(),
                vectors.toArray(float[][]::new));
    }

    int size() {
        return documents.length;
    }

    /** Every picture, best first; a query of another length than the pictures' matches nothing. */
    List<Hit> ranked(float[] query) {
        Hit[] hits = new Hit[documents.length];
        int n = 0;
        for (int i = 0; i < documents.length; i++) {
            if (vectors[i].length == query.length) {
                hits[n++] = new Hit(documents[i], Vectors.dot(vectors[i], query));
            }
        }
        Arrays.sort(hits, 0, n, (a, b) -> Float.compare(b.score(), a.score()));
        return Arrays.asList(Arrays.copyOf(hits, n));
    }
}
