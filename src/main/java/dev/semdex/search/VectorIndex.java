package dev.semdex.search;

import dev.semdex.store.IndexStore;
import dev.semdex.store.VectorCodec;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.stream.IntStream;

/**
 * Exact cosine search over one model's vectors, held in one contiguous float array (no object per vector), so a
 * scan streams through memory at close to bandwidth. Vectors are unit length, so the dot product is the cosine.
 */
public final class VectorIndex {

    private static final int PARALLEL_THRESHOLD = 50_000;
    private static final int BLOCK = 16_384;
    private static final RowScorer SCORER = RowScorer.best();

    private final int dimension;
    private final int size;
    private final float[] data;
    private final long[] chunkIds;
    private final long[] documentIds;

    public VectorIndex(int dimension, float[] data, long[] chunkIds, long[] documentIds) {
        this.dimension = dimension;
        this.size = chunkIds.length;
        this.data = data;
        this.chunkIds = chunkIds;
        this.documentIds = documentIds;
    }

    /** Loads a model's vectors from the store. */
    public static VectorIndex load(IndexStore store, String modelId, String profile, int dimension) {
        int expected = store.countVectors(modelId, profile);
        float[] data = new float[expected * dimension];
        long[] chunks = new long[expected];
        long[] docs = new long[expected];
        int[] n = {0};
        store.forEachVector(modelId, profile, (chunkId, documentId, blob) -> {
            int i = n[0];
            if (i >= expected || blob.length != dimension * Float.BYTES) {
                return;
            }
            VectorCodec.decodeInto(blob, data, i * dimension);
            chunks[i] = chunkId;
            docs[i] = documentId;
            n[0]++;
        });
        int loaded = n[0];
        return new VectorIndex(dimension, loaded == expected ? data : Arrays.copyOf(data, loaded * dimension),
                Arrays.copyOf(chunks, loaded), Arrays.copyOf(docs, loaded));
    }

    public int size() {
        return size;
    }

    public int dimension() {
        return dimension;
    }

    public long chunkId(int row) {
        return chunkIds[row];
    }

    public long documentId(int row) {
        return documentIds[row];
    }

    /** A copy of one stored vector. */
    public float[] row(int row) {
        return Arrays.copyOfRange(data, row * dimension, (row + 1) * dimension);
    }

    /** Rows of the {@code k} best vectors, best first. */
    public int[] top(float[] query, int k) {
        float[] scores = scores(query);
        return topRows(scores, k);
    }

    public float[] scores(float[] query) {
        if (query.length != dimension) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, index " + dimension);
        }
        float[] scores = new float[size];
        if (size < PARALLEL_THRESHOLD) {
            scoreRange(query, scores, 0, size);
        } else {
            int blocks = (size + BLOCK - 1) / BLOCK;
            IntStream.range(0, blocks).parallel()
                    .forEach(b -> scoreRange(query, scores, b * BLOCK, Math.min(size, (b + 1) * BLOCK)));
        }
        return scores;
    }

    private void scoreRange(float[] q, float[] scores, int from, int to) {
        SCORER.score(q, data, dimension, scores, from, to);
    }

    /** Indices of the k largest scores, largest first (ties: lower row first). */
    public static int[] topRows(float[] scores, int k) {
        int n = Math.min(k, scores.length);
        if (n <= 0) {
            return new int[0];
        }
        PriorityQueue<Integer> heap = new PriorityQueue<>(n + 1, (a, b) -> {
            int c = Float.compare(scores[a], scores[b]);
            return c != 0 ? c : Integer.compare(b, a);
        });
        for (int row = 0; row < scores.length; row++) {
            if (heap.size() < n) {
                heap.add(row);
            } else {
                int worst = heap.peek();
                if (scores[row] > scores[worst]) {
                    heap.poll();
                    heap.add(row);
                }
            }
        }
        int[] out = new int[heap.size()];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = heap.poll();
        }
        return out;
    }
}
