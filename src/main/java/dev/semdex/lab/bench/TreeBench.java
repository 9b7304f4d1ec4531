package dev.semdex.lab.bench;

import dev.semdex.cli.ProgressPrinter;
import dev.semdex.Semdex;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.index.IndexListener;
import dev.semdex.index.IndexSummary;
import dev.semdex.settings.AppDirs;
import dev.semdex.settings.Settings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A very large tree of small files: first index, then the re-check of the unchanged tree, with peak memory. The
 * files repeat a pool of distinct texts, so the model embeds only the pool and the run measures the indexer itself
 * (scan, read, chunk, hash, store) rather than the model. Run it with a low {@code -Xmx} to show memory is bounded.
 */
@Command(name = "tree", description = "Index a generated tree of many small files; report time, re-check time "
        + "and peak memory (run with a low -Xmx).")
final class TreeBench implements Callable<Integer> {

    @Option(names = "--files", defaultValue = "200000", paramLabel = "N")
    int files;

    @Option(names = "--distinct", defaultValue = "1000", paramLabel = "D",
            description = "Distinct texts the files repeat (default: ${DEFAULT-VALUE}).")
    int distinct;

    @Option(names = "--model", defaultValue = ModelCatalog.DEFAULT_MODEL, paramLabel = "ID")
    String model;

    @Option(names = "--work", paramLabel = "DIR", description = "Where to write the tree and the index "
            + "(default: a new folder under the system's temp folder, deleted afterwards).")
    Path work;

    @Override
    public Integer call() throws IOException {
        try (BenchDir dir = BenchDir.open(work, "semdex-tree-bench")) {
            Path tree = dir.resolve("tree");
            long t0 = System.nanoTime();
            writeTree(tree);
            double writeSeconds = (System.nanoTime() - t0) / 1e9;
            System.err.printf(Locale.ROOT, "Wrote %,d files in %.1f s%n", files, writeSeconds);
            run(dir, tree);
        }
        return 0;
    }

    private void run(BenchDir dir, Path tree) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        try (Semdex semdex = Semdex.open(AppDirs.under(dir.resolve("data")),
                Settings.defaults().withEmbeddingThreads(threads))) {
            Embedder embedder = semdex.embedder(model);
            long t1 = System.nanoTime();
            IndexSummary first = semdex.indexer().index(List.of(tree), embedder, new ProgressPrinter(System.err));
            double firstSeconds = (System.nanoTime() - t1) / 1e9;
            long t2 = System.nanoTime();
            IndexSummary again = semdex.indexer().index(List.of(tree), embedder, IndexListener.NONE);
            double recheckSeconds = (System.nanoTime() - t2) / 1e9;
            System.out.printf(Locale.ROOT, "bench=tree files=%d distinct_texts=%d model=%s first_index_s=%.1f "
                            + "files_per_s=%.0f passages_embedded=%d vectors_reused=%d recheck_s=%.2f "
                            + "recheck_unchanged=%d peak_rss_mb=%d heap_pool_peaks_mb=%d max_heap_mb=%d%n", files, distinct,
                    model, firstSeconds, first.filesIndexed() / firstSeconds, first.passagesEmbedded(),
                    first.reusedVectors(), recheckSeconds, again.filesUnchanged(), peakRssMegabytes(),
                    peakHeapMegabytes(), Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private void writeTree(Path tree) throws IOException {
        String[] pool = new String[distinct];
        Random random = new Random(3);
        String[] words = ("river mountain budget invoice meeting garden recipe engine protein contract holiday "
                + "server report travel museum violin battery winter election harvest").split(" ");
        for (int i = 0; i < distinct; i++) {
            StringBuilder text = new StringBuilder("Note ").append(i).append(':');
            for (int w = 0; w < 40; w++) {
                text.append(' ').append(words[random.nextInt(words.length)]);
            }
            pool[i] = text.append('.').toString();
        }
        for (int i = 0; i < files; i++) {
            Path folder = tree.resolve(String.format("f%03d/g%03d", i / 50_000, i / 500 % 100));
            if (i % 500 == 0) {
                Files.createDirectories(folder);
            }
            Files.writeString(folder.resolve("note-" + i + ".txt"), pool[i % distinct]);
        }
    }

    /** The process's peak resident memory from /proc (Linux); -1 elsewhere. */
    static long peakRssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    static long peakHeapMegabytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }
}
