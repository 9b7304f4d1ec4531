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
                TreeBench.class, LoadBench.class, ChunkCostBench.class, OllamaServersBench.class,
                StartUpBench.class, FirstSearchBench.class})
public final class BenchCommand implements Runnable {

    @ParentCommand
    SemdexCommand root;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "search", description = "Top-k latency over random unit vectors: exact, int8 first pass, and "
            + "what search picks, in this JVM and in one started with the Vector API's module the other way.")
    static final class Search implements Callable<Integer> {
        @Option(names = "--vectors", defaultValue = "100000", paramLabel = "N")
        int vectors;

        @Option(names = "--dim", defaultValue = "384", paramLabel = "D")
        int dim;

        @Option(names = "-k", defaultValue = "10", paramLabel = "K")
        int k;

        @Option(names = "--queries", defaultValue = "100", paramLabel = "Q")
        int queries;

        @Option(names = "--this-jvm-only", description = "Measure only in this JVM, not also in one with the Vector "
                + "API's module the other way round.")
        boolean thisJvmOnly;

        @Override
        public Integer call() throws Exception {
            String other = null;
            if (!thisJvmOnly) {
                other = OtherVectorApiJvm.run("bench", "search", "--vectors", String.valueOf(vectors), "--dim",
                        String.valueOf(dim), "-k", String.valueOf(k), "--queries", String.valueOf(queries),
                        "--this-jvm-only");
            }
            String mine = measure();
            if (other != null) {
                // With the Vector API first, whichever JVM measured it.
                System.out.println(OtherVectorApiJvm.VECTOR_API ? mine : other);
                System.out.println(OtherVectorApiJvm.VECTOR_API ? other : mine);
            } else {
                System.out.println(mine);
            }
            return 0;
        }

        private String measure() {
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
                index.ranker(q).top(k);
            }
            double[] exactMillis = new double[queries];
            double[] int8Millis = new double[queries];
            double[] searchMillis = new double[queries];
            double recall = 0;
            double searchRecall = 0;
            for (int i = 0; i < queries; i++) {
                randomUnit(qr, q, 0, dim);
                long t0 = System.nanoTime();
                int[] exact = index.top(q, k);
                long t1 = System.nanoTime();
                int[] twoPass = index.quantisedRanker(q).top(k).rows();
                long t2 = System.nanoTime();
                int[] searched = index.ranker(q).top(k).rows();
                long t3 = System.nanoTime();
                exactMillis[i] = (t1 - t0) / 1e6;
                int8Millis[i] = (t2 - t1) / 1e6;
                searchMillis[i] = (t3 - t2) / 1e6;
                java.util.Set<Integer> truth = new java.util.HashSet<>();
                for (int row : exact) {
                    truth.add(row);
                }
                recall += Arrays.stream(twoPass).filter(truth::contains).count() / (double) exact.length;
                searchRecall += Arrays.stream(searched).filter(truth::contains).count() / (double) exact.length;
            }
            Latencies exactTimes = new Latencies(exactMillis);
            Latencies int8Times = new Latencies(int8Millis);
            Latencies searchTimes = new Latencies(searchMillis);
            boolean int8Chosen = vectors >= VectorIndex.QUANTISE_FROM && VectorIndex.int8FirstPassFaster();
            return String.format(Locale.ROOT, "bench=search vector_api=%s vectors=%d dim=%d k=%d queries=%d "
                            + "search_p50_ms=%.2f search_p99_ms=%.2f search_recall_at_k=%.4f search_path=%s "
                            + "exact_p50_ms=%.2f exact_p99_ms=%.2f int8_rescored_p50_ms=%.2f "
                            + "int8_rescored_p99_ms=%.2f int8_recall_at_k=%.4f float_bytes_per_vector=%d "
                            + "int8_bytes_per_vector=%d",
                    OtherVectorApiJvm.VECTOR_API, vectors, dim, k, queries, searchTimes.p50(), searchTimes.p99(),
                    searchRecall / queries, int8Chosen ? "int8" : "exact", exactTimes.p50(), exactTimes.p99(),
                    int8Times.p50(), int8Times.p99(), recall / queries, dim * 4, dim);
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
