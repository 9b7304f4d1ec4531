package dev.semdex.lab.bench;

import dev.semdex.chunk.Chunk;
import dev.semdex.search.VectorIndex;
import dev.semdex.store.DocumentWrite;
import dev.semdex.store.HashKey;
import dev.semdex.store.Hashes;
import dev.semdex.store.IndexStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Vector search as the app runs it on a large index: random unit vectors written to a real index, loaded the way a
 * search loads them (int8 codes only from {@link VectorIndex#QUANTISE_FROM} chunks, floats fetched back for
 * re-scoring), with the heap the loaded index keeps, query latency, and recall against an exact float scan of the
 * same vectors (made after the memory was measured, so it does not count).
 */
@Command(name = "stored-search", description = "Top-k latency, recall and memory per vector of an index loaded "
        + "from SQLite, as search uses it.")
final class StoredSearchBench implements Callable<Integer> {

    private static final String MODEL = "bench-random";
    private static final int CHUNKS_PER_DOCUMENT = 1000;

    @Option(names = "--vectors", defaultValue = "1000000", paramLabel = "N")
    int vectors;

    @Option(names = "--dim", defaultValue = "384", paramLabel = "D")
    int dim;

    @Option(names = "-k", defaultValue = "10", paramLabel = "K")
    int k;

    @Option(names = "--queries", defaultValue = "100", paramLabel = "Q")
    int queries;

    @Option(names = "--work", paramLabel = "DIR", description = "Where to put the index (default: a temp folder).")
    Path work;

    @Override
    public Integer call() throws Exception {
        try (BenchDir dir = BenchDir.open(work, "semdex-stored-search-bench");
                IndexStore store = IndexStore.open(dir.resolve("index.db"))) {
            long t0 = System.nanoTime();
            fill(store);
            double fillSeconds = (System.nanoTime() - t0) / 1e9;

            long before = heapAfterGc();
            long t1 = System.nanoTime();
            VectorIndex index = VectorIndex.load(store, MODEL, MODEL, dim);
            double loadSeconds = (System.nanoTime() - t1) / 1e9;
            Random qr = new Random(7);
            float[] q = new float[dim];
            for (int i = 0; i < 20; i++) {
                randomUnit(qr, q, 0);
                index.ranker(q).top(k);
            }
            long heldBytes = heapAfterGc() - before;

            List<float[]> queryVectors = new ArrayList<>();
            double[] millis = new double[queries];
            List<int[]> found = new ArrayList<>();
            for (int i = 0; i < queries; i++) {
                float[] query = new float[dim];
                randomUnit(qr, query, 0);
                queryVectors.add(query);
                long s = System.nanoTime();
                found.add(index.ranker(query).top(k).rows());
                millis[i] = (System.nanoTime() - s) / 1e6;
            }
            double recall = recall(index, queryVectors, found);
            Latencies latencies = new Latencies(millis);
            System.out.printf(Locale.ROOT, "bench=stored-search vectors=%d dim=%d k=%d queries=%d codes_only=%s "
                            + "fill_s=%.1f load_s=%.2f p50_ms=%.2f p99_ms=%.2f recall_at_k=%.4f "
                            + "heap_bytes_per_vector=%.0f resident_bytes_per_vector=%.0f%n",
                    index.size(), dim, k, queries, index.holdsCodesOnly(), fillSeconds, loadSeconds,
                    latencies.p50(), latencies.p99(), recall, heldBytes / (double) index.size(),
                    index.residentBytes() / (double) index.size());
        }
        return 0;
    }

    /** Writes the vectors as chunks of documents, {@value #CHUNKS_PER_DOCUMENT} per document transaction. */
    private void fill(IndexStore store) {
        store.models().register(MODEL, dim, MODEL);
        Path folder = Path.of("/bench");
        long folderId = store.folders().add(folder, List.of()).id();
        Random random = new Random(42);
        for (int d = 0; d * CHUNKS_PER_DOCUMENT < vectors; d++) {
            List<Chunk> chunks = new ArrayList<>();
            List<byte[]> hashes = new ArrayList<>();
            Map<HashKey, float[]> written = new LinkedHashMap<>();
            for (int c = 0; c < CHUNKS_PER_DOCUMENT && d * CHUNKS_PER_DOCUMENT + c < vectors; c++) {
                String text = "v" + (d * CHUNKS_PER_DOCUMENT + c);
                chunks.add(new Chunk(c, text, 0, text.length(), 0, 1));
                byte[] hash = Hashes.ofText(text);
                hashes.add(hash);
                float[] v = new float[dim];
                randomUnit(random, v, 0);
                written.put(new HashKey(hash), v);
            }
            store.documents().saveIndexed(new DocumentWrite(folderId, folder.resolve("doc-" + d).toString(), 0, 0,
                    "d" + d, "text/plain", MODEL, MODEL, chunks, hashes, written));
        }
    }

    /** Share of the exact top-k found, the exact ranking made from the same random vectors regenerated. */
    private double recall(VectorIndex index, List<float[]> queryVectors, List<int[]> found) {
        float[] data = new float[Math.multiplyExact(vectors, dim)];
        Random random = new Random(42);
        for (int i = 0; i < vectors; i++) {
            randomUnit(random, data, i * dim);
        }
        long[] ids = new long[vectors];
        for (int i = 0; i < vectors; i++) {
            ids[i] = index.chunkId(i);
        }
        VectorIndex exact = new VectorIndex(dim, data, ids, ids);
        double sum = 0;
        for (int i = 0; i < queryVectors.size(); i++) {
            Set<Long> truth = new HashSet<>();
            for (int row : exact.top(queryVectors.get(i), k)) {
                truth.add(exact.chunkId(row));
            }
            sum += Arrays.stream(found.get(i)).filter(row -> truth.contains(index.chunkId(row))).count()
                    / (double) truth.size();
        }
        return sum / queryVectors.size();
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private void randomUnit(Random r, float[] target, int offset) {
        BenchCommand.Search.randomUnit(r, target, offset, dim);
    }
}
