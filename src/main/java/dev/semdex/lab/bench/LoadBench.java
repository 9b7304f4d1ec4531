package dev.semdex.lab.bench;

import dev.semdex.Semdex;
import dev.semdex.SemdexException;
import dev.semdex.chunk.Chunk;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.Vectors;
import dev.semdex.lab.eval.BeirDataset;
import dev.semdex.index.IndexListener;
import dev.semdex.index.IndexProgress;
import dev.semdex.search.SearchMode;
import dev.semdex.search.SearchRequest;
import dev.semdex.search.SearchService;
import dev.semdex.settings.AppDirs;
import dev.semdex.settings.Settings;
import dev.semdex.store.DocumentWrite;
import dev.semdex.store.HashKey;
import dev.semdex.store.Hashes;
import dev.semdex.store.IndexStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Query latency with and without a second model embedding in the background, on an index of many chunks: what a
 * user feels when searching while Semdex adds a model. The searched index holds 60-word windows of the dataset's
 * own text (so keyword search meets a real vocabulary) with random vectors (the scan's cost does not depend on their
 * values), and is queried with the dataset's queries; the background run embeds the dataset's documents.
 */
@Command(name = "load", description = "Hybrid query latency on a large index, idle and while another model embeds "
        + "in the background.")
final class LoadBench implements Callable<Integer> {

    @Option(names = "--chunks", defaultValue = "100000", paramLabel = "N")
    int chunks;

    @Option(names = "--queries", defaultValue = "200", paramLabel = "Q")
    int queries;

    @Option(names = "--model", defaultValue = ModelCatalog.DEFAULT_MODEL, paramLabel = "ID",
            description = "Model of the searched index (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--mode", defaultValue = "hybrid", paramLabel = "MODE",
            description = "Search mode measured: hybrid, vector or keyword (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--background-model", defaultValue = "bge-small-en-v1.5", paramLabel = "ID")
    String backgroundModel;

    @Option(names = "--background-threads", paramLabel = "T",
            description = "Embedding threads of the background run (default: cores − 1, as in the window).")
    Integer backgroundThreads;

    @Option(names = "--beir", paramLabel = "DIR", defaultValue = "../shared/datasets/scifact",
            description = "Dataset whose documents the background run embeds (default: ${DEFAULT-VALUE}).")
    Path beir;

    @Option(names = "--work", paramLabel = "DIR", description = "Where to put the index (default: a temp folder).")
    Path work;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(beir)) {
            throw new SemdexException("No dataset at " + beir + "; pass --beir DIR.");
        }
        try (BenchDir dir = BenchDir.open(work, "semdex-load-bench")) {
            run(dir);
        }
        return 0;
    }

    private void run(BenchDir dir) throws Exception {
        int threads = backgroundThreads != null ? backgroundThreads
                : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        BeirDataset dataset = BeirDataset.load(beir);
        try (Semdex semdex = Semdex.open(AppDirs.under(dir.resolve("data")),
                Settings.defaults().withEmbeddingThreads(threads))) {
            Embedder embedder = semdex.embedder(model);
            fill(semdex.store(), embedder, model, chunks, dataset, dir.resolve("indexed"));
            SearchService search = semdex.search();
            List<String> texts = List.copyOf(dataset.queries().values());
            for (int i = 0; i < 20; i++) {
                search.search(new SearchRequest(texts.get(i), model, SearchMode.parse(mode), 10, null));
            }
            double[] idle = measure(search, texts);

            Path docs = writeDocuments(dir.resolve("background"), dataset);
            Embedder background = semdex.embedder(backgroundModel);
            CountDownLatch embedding = new CountDownLatch(1);
            long[] embedded = {0};
            long[] backgroundNanos = {0};
            Thread indexing = new Thread(() -> {
                try {
                    semdex.indexer().index(List.of(docs), background, new IndexListener() {
                        @Override
                        public void progress(IndexProgress p) {
                            if (p.passagesEmbedded() > 0) {
                                embedding.countDown();
                            }
                            embedded[0] = p.passagesEmbedded();
                            backgroundNanos[0] = p.elapsed().toNanos();
                        }
                    });
                } catch (RuntimeException e) {
                    if (!Thread.currentThread().isInterrupted()) {
                        throw e;
                    }
                }
            }, "background-indexing");
            indexing.start();
            if (!embedding.await(5, TimeUnit.MINUTES)) {
                throw new SemdexException("The background model did not start embedding within 5 minutes.");
            }
            double[] loaded = measure(search, texts);
            boolean stillRunning = indexing.isAlive();
            indexing.interrupt();
            indexing.join();
            System.out.printf(Locale.ROOT, "bench=load chunks=%d queries=%d model=%s mode=%s idle_p50_ms=%.1f "
                            + "idle_p99_ms=%.1f loaded_p50_ms=%.1f loaded_p99_ms=%.1f p99_ratio=%.2f "
                            + "background_model=%s background_threads=%d background_passages_per_s=%.1f "
                            + "background_busy_throughout=%s cores=%d%n", chunks, queries, model, mode, idle[0], idle[1],
                    loaded[0], loaded[1], loaded[1] / idle[1], backgroundModel, threads,
                    backgroundNanos[0] == 0 ? 0 : embedded[0] / (backgroundNanos[0] / 1e9), stillRunning,
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /** p50 and p99 of end-to-end hybrid queries (embed the query, both searches, fuse, fetch the passages). */
    private double[] measure(SearchService search, List<String> texts) {
        double[] millis = new double[queries];
        for (int i = 0; i < queries; i++) {
            long t0 = System.nanoTime();
            search.search(new SearchRequest(texts.get(i % texts.size()), model, SearchMode.parse(mode), 10, null));
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        Latencies latencies = new Latencies(millis);
        return new double[] {latencies.p50(), latencies.p99()};
    }

    /** Ten chunks per generated document, with random unit vectors, written as the indexer would. */
    /** Stores {@code chunks} chunks of the dataset's text with random vectors, ten to a document, under {@code docs}. */
    static void fill(IndexStore store, Embedder embedder, String model, int chunks, BeirDataset dataset, Path docs)
            throws IOException {
        String[] words = String.join(" ", dataset.corpus().stream().map(BeirDataset.Doc::content).toList())
                .split("\\s+");
        String profile = embedder.model().chunkProfile();
        store.models().register(model, embedder.dimension(), profile);
        Path folder = Files.createDirectories(docs);
        long folderId = store.folders().add(folder, List.of()).id();
        Random random = new Random(1);
        int perDoc = 10;
        for (int d = 0; d * perDoc < chunks; d++) {
            List<Chunk> docChunks = new ArrayList<>();
            List<byte[]> hashes = new ArrayList<>();
            Map<HashKey, float[]> vectors = new LinkedHashMap<>();
            int offset = 0;
            for (int c = 0; c < perDoc && d * perDoc + c < chunks; c++) {
                int from = random.nextInt(words.length - 60);
                String t = String.join(" ", java.util.Arrays.asList(words).subList(from, from + 60));
                docChunks.add(new Chunk(c, t, offset, offset + t.length(), 0, 0));
                offset += t.length();
                byte[] hash = Hashes.ofText(t);
                hashes.add(hash);
                float[] v = new float[embedder.dimension()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) random.nextGaussian();
                }
                vectors.put(new HashKey(hash), Vectors.normalize(v));
            }
            store.documents().saveIndexed(new DocumentWrite(folderId, folder.resolve("doc-" + d + ".txt").toString(),
                    offset, 0, HexFormat.of().formatHex(Hashes.ofText("doc" + d)), "text/plain", model, profile,
                    docChunks, hashes, vectors));
        }
    }

    private static Path writeDocuments(Path dir, BeirDataset dataset) throws IOException {
        Files.createDirectories(dir);
        int n = 0;
        for (BeirDataset.Doc doc : dataset.corpus()) {
            Files.writeString(dir.resolve("doc-" + n++ + ".txt"), doc.content());
            if (n == 3000) {
                break;
            }
        }
        return dir;
    }
}
