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
    private static final Int8Scorer INT8_SCORER = Int8Scorer.best();
    /**
     * From this many rows a query first ranks int8 codes, then re-scores the best candidates with floats: below
     * it, the exact scan already takes only a few milliseconds.
     */
    public static final int QUANTISE_FROM = 200_000;
    /** Candidates re-scored per wanted row (at least {@value #MIN_CANDIDATES}). */
    private static final int RESCORE_FACTOR = 10;
    private static final int MIN_CANDIDATES = 100;

    private final int dimension;
    private final int size;
    private final float[] data;
    private final long[] chunkIds;
    private final long[] documentIds;
    private volatile Int8Codes int8;
    /**
     * First-pass scores, one array per searching thread: allocating the array (4 MB at a million rows) for each
     * query costs as much as the scan itself, because the JVM places it in fresh, zeroed memory every time.
     */
    private final ThreadLocal<int[]> scratch = new ThreadLocal<>();

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
        checkDimension(query);
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

    /**
     * The ranker search uses: the exact scan for indexes smaller than {@link #QUANTISE_FROM}, the two-pass int8 scan
     * for larger ones.
     */
    public ChunkRanker ranker(float[] query) {
        return size < QUANTISE_FROM ? ChunkRanker.ofScores(scores(query)) : quantisedRanker(query);
    }

    /**
     * Ranks by int8 codes (a quarter of the memory traffic of floats), then re-scores {@value #RESCORE_FACTOR}× the
     * asked depth with the float vectors, so the returned scores are exact and the order almost always is. The
     * ranker reuses this thread's scratch array: use it before the thread starts another quantised query.
     */
    public ChunkRanker quantisedRanker(float[] query) {
        checkDimension(query);
        Int8Codes codes = int8Codes();
        short[] q = codes.query(query);
        int[] approximate = scratch.get();
        if (approximate == null || approximate.length != size) {
            approximate = new int[size];
            scratch.set(approximate);
        }
        int[] firstPass = approximate;
        if (size < PARALLEL_THRESHOLD) {
            INT8_SCORER.score(q, codes.codes(), dimension, firstPass, 0, size);
        } else {
            int blocks = (size + BLOCK - 1) / BLOCK;
            IntStream.range(0, blocks).parallel().forEach(b -> INT8_SCORER.score(q, codes.codes(), dimension,
                    firstPass, b * BLOCK, Math.min(size, (b + 1) * BLOCK)));
        }
        return depth -> {
            int[] candidates = topRows(firstPass, (int) Math.min(size, Math.max(MIN_CANDIDATES,
                    (long) depth * RESCORE_FACTOR)));
            float[] exact = new float[candidates.length];
            for (int i = 0; i < candidates.length; i++) {
                exact[i] = SCORER.dot(query, data, candidates[i] * dimension, dimension);
            }
            int[] order = topRows(exact, depth);
            int[] rows = new int[order.length];
            float[] scores = new float[order.length];
            for (int i = 0; i < order.length; i++) {
                rows[i] = candidates[order[i]];
                scores[i] = exact[order[i]];
            }
            return new ChunkRanker.Hits(rows, scores);
        };
    }

    /** Bytes of the int8 codes once built (0 before the first quantised query). */
    public long quantisedBytes() {
        Int8Codes codes = int8;
        return codes == null ? 0 : codes.bytes();
    }

    private Int8Codes int8Codes() {
        Int8Codes codes = int8;
        if (codes == null) {
            synchronized (this) {
                codes = int8;
                if (codes == null) {
                    codes = Int8Codes.of(data, dimension, size);
                    int8 = codes;
                }
            }
        }
        return codes;
    }

    private void checkDimension(float[] query) {
        if (query.length != dimension) {
            throw new IllegalArgumentException("query has " + query.length + " dimensions, index " + dimension);
        }
    }

    private void scoreRange(float[] q, float[] scores, int from, int to) {
        SCORER.score(q, data, dimension, scores, from, to);
    }

    /** Indices of the k largest integer scores, largest first (ties: lower row first). */
    static int[] topRows(int[] scores, int k) {
        int n = Math.min(k, scores.length);
        if (n <= 0) {
            return new int[0];
        }
        PriorityQueue<Integer> heap = new PriorityQueue<>(n + 1, (a, b) -> {
            int c = Integer.compare(scores[a], scores[b]);
            return c != 0 ? c : Integer.compare(b, a);
        });
        int worstScore = Integer.MIN_VALUE;
        for (int row = 0; row < scores.length; row++) {
            if (heap.size() < n) {
                heap.add(row);
                worstScore = scores[heap.peek()];
            } else if (scores[row] > worstScore) {
                heap.poll();
                heap.add(row);
                worstScore = scores[heap.peek()];
            }
        }
        int[] out = new int[heap.size()];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = heap.poll();
        }
        return out;
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
