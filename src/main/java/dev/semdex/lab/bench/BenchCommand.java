package dev.semdex.lab.bench;

import dev.semdex.cli.SemdexCommand;
import dev.semdex.SemdexException;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.lab.eval.BeirDataset;
import dev.semdex.search.VectorIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Repeatable benchmarks; each prints its figures as one final line of key=value pairs. */
@Command(name = "bench", description = "Benchmarks that print figures as key=value.",
        subcommands = {EmbedBench.class, BenchCommand.Search.class, StoredSearchBench.class, IndexBench.class,
                TreeBench.class, LoadBench.class, ChunkCostBench.class, OllamaServersBench.class})
public final class BenchCommand implements Runnable {

    @ParentCommand
    SemdexCommand root;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "search", description = "Exact top-k latency over random unit vectors.")
    static final class Search implements Callable<Integer> {
        @Option(names = "--vectors", defaultValue = "100000", paramLabel = "N")
        int vectors;

        @Option(names = "--dim", defaultValue = "384", paramLabel = "D")
        int dim;

        @Option(names = "-k", defaultValue = "10", paramLabel = "K")
        int k;

        @Option(names = "--queries", defaultValue = "100", paramLabel = "Q")
        int queries;

        @Override
        public Integer call() {
            Random random = new Random(42);
            float[] data = new float[Math.multiplyExact(vectors, dim)];
            for (int i = 0; i < vectors; i++) {
                randomUnit(random, data, i * dim, dim);
            }
            long[] ids = new long[vectors];
            Arrays.setAll(ids, i -> i);
            VectorIndex index = new VectorIndex(dim, data, ids, ids);
            Random qr = new Random(7);
            float[] q = new float[dim];
            for (int i = 0; i < 20; i++) {
                randomUnit(qr, q, 0, dim);
                index.top(q, k);
                index.quantisedRanker(q).top(k);
            }
            double[] exactMillis = new double[queries];
            double[] int8Millis = new double[queries];
            double recall = 0;
            for (int i = 0; i < queries; i++) {
                randomUnit(qr, q, 0, dim);
                long t0 = System.nanoTime();
                int[] exact = index.top(q, k);
                long t1 = System.nanoTime();
                int[] twoPass = index.quantisedRanker(q).top(k).rows();
                long t2 = System.nanoTime();
                exactMillis[i] = (t1 - t0) / 1e6;
                int8Millis[i] = (t2 - t1) / 1e6;
                java.util.Set<Integer> truth = new java.util.HashSet<>();
                for (int row : exact) {
                    truth.add(row);
                }
                recall += Arrays.stream(twoPass).filter(truth::contains).count() / (double) exact.length;
            }
            Latencies exactTimes = new Latencies(exactMillis);
            Latencies int8Times = new Latencies(int8Millis);
            System.out.printf(Locale.ROOT, "bench=search vectors=%d dim=%d k=%d queries=%d exact_p50_ms=%.2f "
                            + "exact_p99_ms=%.2f int8_rescored_p50_ms=%.2f int8_rescored_p99_ms=%.2f "
                            + "int8_recall_at_k=%.4f float_bytes_per_vector=%d int8_bytes_per_vector=%d simd=%s%n",
                    vectors, dim, k, queries, exactTimes.p50(), exactTimes.p99(), int8Times.p50(), int8Times.p99(),
                    recall / queries,
                    dim * 4, dim, ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
            return 0;
        }

        static void randomUnit(Random r, float[] target, int offset, int dim) {
            double sum = 0;
            for (int i = 0; i < dim; i++) {
                float x = (float) r.nextGaussian();
                target[offset + i] = x;
                sum += x * x;
            }
            float inv = (float) (1 / Math.sqrt(sum));
            for (int i = 0; i < dim; i++) {
                target[offset + i] *= inv;
            }
        }
    }
}
