package dev.semdex.search;

import dev.semdex.store.IndexStore;
import dev.semdex.store.VectorCodec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.ObjIntConsumer;
import java.util.stream.IntStream;

/**
 * Cosine search over one model's vectors. Below {@link #QUANTISE_FROM} rows they are held as one contiguous float
 * array (no object per vector), scanned exactly at close to memory bandwidth. From there on only one byte per value
 * stays in memory (a quarter of the floats, about 400 bytes per 384-d chunk with its ids): a query ranks the int8
 * codes, then re-scores the best candidates with their float vectors read back from the index. Vectors are unit
 * length, so the dot product is the cosine.
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

    /** Rows whose per-dimension int8 scales are taken when codes are built while loading. */
    private static final int SCALE_SAMPLE = 50_000;
    /** Rows read from SQLite per query by {@link #forEachRow}: the store splits IN-lists at this size anyway. */
    private static final int ROWS_PER_READ = 500;

    private final int dimension;
    private final int size;
    /** The float vectors, or null when only codes are held. */
    private final float[] data;
    /** Where the floats of candidates come from when {@link #data} is null. */
    private final StoredVectors stored;
    private final long[] chunkIds;
    private final long[] documentIds;
    private volatile Int8Codes int8;
    /**
     * First-pass scores, one array per searching thread: allocating the array (4 MB at a million rows) for each
     * query costs as much as the scan itself, because the JVM places it in fresh, zeroed memory every time.
     */
    private final ThreadLocal<int[]> scratch = new ThreadLocal<>();

    /** Float vectors of chunks, the id of each vector's chunk and document. */
    public VectorIndex(int dimension, float[] data, long[] chunkIds, long[] documentIds) {
        this(dimension, data, null, null, chunkIds, documentIds);
    }

    private VectorIndex(int dimension, float[] data, Int8Codes int8, StoredVectors stored, long[] chunkIds,
            long[] documentIds) {
        this.dimension = dimension;
        this.size = chunkIds.length;
        this.data = data;
        this.int8 = int8;
        this.stored = stored;
        this.chunkIds = chunkIds;
        this.documentIds = documentIds;
    }

    /** Reads the float vectors of chunks by id, of the index's dimension; chunks no longer there are left out. */
    @FunctionalInterface
    public interface StoredVectors {
        Map<Long, float[]> fetch(long[] chunkIds);
    }

    /**
     * Loads a model's vectors from the store, as floats or, from {@link #QUANTISE_FROM} rows, as codes. Without the
     * Vector API the int8 first pass is slower than the float scan, so then the floats are kept as long as they take
     * at most half the heap.
     */
    public static VectorIndex load(IndexStore store, String modelId, String profile, int dimension) {
        return load(store, modelId, profile, dimension, INT8_SCORER.fasterThanFloats() ? QUANTISE_FROM
                : (int) Math.max(QUANTISE_FROM, Math.min(Integer.MAX_VALUE,
                        Runtime.getRuntime().maxMemory() / 2 / ((long) dimension * Float.BYTES))));
    }

    /** Whether {@link #ranker} takes the int8 first pass from {@link #QUANTISE_FROM} rows on (only when faster). */
    public static boolean int8FirstPassFaster() {
        return INT8_SCORER.fasterThanFloats();
    }

    /** As {@link #load(IndexStore, String, String, int)}, keeping only codes from {@code codesFrom} rows. */
    public static VectorIndex load(IndexStore store, String modelId, String profile, int dimension, int codesFrom) {
        int expected = store.vectors().count(modelId, profile);
        if (expected >= codesFrom) {
            return loadCodes(store, modelId, profile, dimension, expected);
        }
        float[] data = new float[expected * dimension];
        long[] chunks = new long[expected];
        long[] docs = new long[expected];
        int[] n = {0};
        store.vectors().forEach(modelId, profile, (chunkId, documentId, blob) -> {
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

    private static VectorIndex loadCodes(IndexStore store, String modelId, String profile, int dimension,
            int expected) {
        Int8Codes.Builder codes = new Int8Codes.Builder(dimension, expected, SCALE_SAMPLE);
        long[] chunks = new long[expected];
        long[] docs = new long[expected];
        float[] row = new float[dimension];
        store.vectors().forEach(modelId, profile, (chunkId, documentId, blob) -> {
            if (blob.length != dimension * Float.BYTES) {
                return;
            }
            VectorCodec.decodeInto(blob, row, 0);
            int i = codes.size();
            if (codes.add(row)) {
                chunks[i] = chunkId;
                docs[i] = documentId;
            }
        });
        int loaded = codes.size();
        StoredVectors floats = ids -> {
            Map<Long, float[]> out = new HashMap<>(ids.length * 2);
            store.vectors().ofChunks(modelId, ids).forEach((id, blob) -> {
                if (blob.length == dimension * Float.BYTES) {
                    out.put(id, VectorCodec.decode(blob));
                }
            });
            return out;
        };
        return new VectorIndex(dimension, null, codes.build(), floats,
                loaded == expected ? chunks : Arrays.copyOf(chunks, loaded),
                loaded == expected ? docs : Arrays.copyOf(docs, loaded));
    }

    /** True when only int8 codes are in memory and the floats are read from the index for re-scoring. */
    public boolean holdsCodesOnly() {
        return data == null;
    }

    /** Bytes this index keeps in memory: vectors or codes, and the chunk and document ids. */
    public long residentBytes() {
        Int8Codes codes = int8;
        return (data == null ? 0 : (long) data.length * Float.BYTES) + (codes == null ? 0 : codes.bytes())
                + (long) size * 2 * Long.BYTES;
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

    /**
     * A copy of one stored vector (read from the index when only codes are held; if its chunk was deleted since,
     * the codes' approximation of it).
     */
    public float[] row(int row) {
        return rowFrom(row, data != null ? Map.of() : stored.fetch(new long[] {chunkIds[row]}));
    }

    /**
     * Every row's vector in row order, as {@link #row} gives it, for work that reads them all (the compare
     * window's shortened and quantised variants, the corpus map). When only codes are held the floats are read in
     * blocks of {@value #ROWS_PER_READ}, not one query per row, which takes several times as long.
     */
    public void forEachRow(ObjIntConsumer<float[]> action) {
        for (int from = 0; from < size; from += ROWS_PER_READ) {
            int to = Math.min(size, from + ROWS_PER_READ);
            Map<Long, float[]> floats = data != null ? Map.of() : stored.fetch(Arrays.copyOfRange(chunkIds, from, to));
            for (int row = from; row < to; row++) {
                action.accept(rowFrom(row, floats), row);
            }
        }
    }

    /** A row from the floats in memory, else from {@code fetched}, else (chunk deleted since) the codes' guess. */
    private float[] rowFrom(int row, Map<Long, float[]> fetched) {
        if (data != null) {
            return Arrays.copyOfRange(data, row * dimension, (row + 1) * dimension);
        }
        float[] v = fetched.get(chunkIds[row]);
        return v != null ? v : int8.approximate(row);
    }

    /** Rows of the {@code k} best vectors, best first: exact with floats in memory, else {@link #ranker}'s. */
    public int[] top(float[] query, int k) {
        if (data == null) {
            return ranker(query).top(k).rows();
        }
        float[] scores = scores(query);
        return topRows(scores, k);
    }

    /** Exact scores of every row; needs the floats in memory (an index below {@link #QUANTISE_FROM} rows). */
    public float[] scores(float[] query) {
        checkDimension(query);
        if (data == null) {
            throw new IllegalStateException("This index holds only int8 codes; exact scores need the floats.");
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

    /**
     * The ranker search uses: the exact scan for indexes smaller than {@link #QUANTISE_FROM}, the two-pass int8 scan
     * for larger ones, unless the floats are in memory and the int8 pass would be the slower one (no Vector API).
     */
    public ChunkRanker ranker(float[] query) {
        return data != null && (size < QUANTISE_FROM || !INT8_SCORER.fasterThanFloats())
                ? ChunkRanker.ofScores(scores(query)) : quantisedRanker(query);
    }

    /**
     * Ranks by int8 codes (a quarter of the memory traffic of floats), then re-scores {@value #RESCORE_FACTOR}× the
     * asked depth with the float vectors, so the returned scores are exact and the order almost always is
     * (candidates whose chunk was deleted after loading are dropped). The
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
            float[] exact = rescore(query, candidates);
            int[] order = topRows(exact, depth);
            int n = 0;
            while (n < order.length && exact[order[n]] != Float.NEGATIVE_INFINITY) {
                n++;
            }
            int[] rows = new int[n];
            float[] scores = new float[n];
            for (int i = 0; i < n; i++) {
                rows[i] = candidates[order[i]];
                scores[i] = exact[order[i]];
            }
            return new ChunkRanker.Hits(rows, scores);
        };
    }

    /** Float scores of the candidates; minus infinity for one whose chunk is gone. */
    private float[] rescore(float[] query, int[] candidates) {
        float[] exact = new float[candidates.length];
        if (data != null) {
            for (int i = 0; i < candidates.length; i++) {
                exact[i] = SCORER.dot(query, data, candidates[i] * dimension, dimension);
            }
            return exact;
        }
        long[] ids = new long[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            ids[i] = chunkIds[candidates[i]];
        }
        Map<Long, float[]> floats = stored.fetch(ids);
        for (int i = 0; i < candidates.length; i++) {
            float[] v = floats.get(ids[i]);
            exact[i] = v == null ? Float.NEGATIVE_INFINITY : SCORER.dot(query, v, 0, dimension);
        }
        return exact;
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
