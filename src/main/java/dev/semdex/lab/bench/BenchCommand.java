package dev.semdex.lab.bench;

import dev.semdex.cli.SemdexCommand;
import dev.semdex.SemdexException;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.lab.eval.BeirDataset;
import dev.semdex.search.ScanEngine;
import dev.semdex.search.VectorIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Repeatable benchmarks; each prints its figures as one final line of key=value pairs. */
@Command(name = "bench", description = "Benchmarks that print figures as key=value.",
        subcommands = {EmbedBench.class, BenchCommand.Search.class, StoredSearchBench.class, IndexBench.class,
                TreeBench.class, LoadBench.class})
public final class BenchCommand implements Runnable {

    @ParentCommand
    SemdexCommand root;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "search", description = "Top-k latency and recall over random unit vectors, for every scan "
            + "engine this JVM can run (the Vector API, ONNX Runtime, plain Java).")
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
            float[][] queryVectors = new float[queries][dim];
            Random qr = new Random(7);
            for (float[] q : queryVectors) {
                randomUnit(qr, q, 0, dim);
            }
            StringBuilder figures = new StringBuilder();
            int[][] truth = null;
            for (ScanEngine engine : ScanEngine.values()) {
                if (!engine.available()) {
                    System.out.printf("%-12s not available in this JVM%n", engine.label());
                    continue;
                }
                VectorIndex index = new VectorIndex(dim, data, ids, ids, engine);
                EngineFigures measured = measure(index, queryVectors, truth);
                truth = measured.exactRows();
                System.out.printf(Locale.ROOT, "%-12s exact p50 %.2f ms p99 %.2f ms · int8 first pass + float "
                                + "re-scoring p50 %.2f ms p99 %.2f ms recall@%d %.4f · search takes the %s%n",
                        engine.label(), measured.exact().p50(), measured.exact().p99(), measured.twoPass().p50(),
                        measured.twoPass().p99(), k, measured.recall(),
                        index.takesTwoPasses() ? "two passes" : "exact scan");
                String key = engine.label().replace('-', '_');
                figures.append(String.format(Locale.ROOT, " %s_exact_p50_ms=%.2f %s_exact_p99_ms=%.2f "
                                + "%s_int8_rescored_p50_ms=%.2f %s_int8_rescored_p99_ms=%.2f "
                                + "%s_int8_recall_at_k=%.4f %s_search_p50_ms=%.2f",
                        key, measured.exact().p50(), key, measured.exact().p99(), key, measured.twoPass().p50(),
                        key, measured.twoPass().p99(), key, measured.recall(), key,
                        index.takesTwoPasses() ? measured.twoPass().p50() : measured.exact().p50()));
            }
            System.out.printf(Locale.ROOT, "bench=search vectors=%d dim=%d k=%d queries=%d engine=%s "
                            + "float_bytes_per_vector=%d int8_bytes_per_vector=%d%s%n",
                    vectors, dim, k, queries, ScanEngine.best().label(), dim * 4, dim, figures);
            return 0;
        }

        private record EngineFigures(Latencies exact, Latencies twoPass, double recall, int[][] exactRows) {
        }

        /**
         * Times exact top-k and the two passes over the same queries; recall is measured against {@code truth} (or
         * this engine's own exact ranking when there is none yet), so every engine is held to one answer.
         */
        private EngineFigures measure(VectorIndex index, float[][] queryVectors, int[][] truth) {
            for (int i = 0; i < Math.min(20, queryVectors.length); i++) {
                index.top(queryVectors[i], k);
                index.quantisedRanker(queryVectors[i]).top(k);
            }
            double[] exactMillis = new double[queryVectors.length];
            double[] int8Millis = new double[queryVectors.length];
            int[][] exactRows = new int[queryVectors.length][];
            double recall = 0;
            for (int i = 0; i < queryVectors.length; i++) {
                float[] q = queryVectors[i];
                long t0 = System.nanoTime();
                exactRows[i] = index.top(q, k);
                long t1 = System.nanoTime();
                int[] twoPass = index.quantisedRanker(q).top(k).rows();
                long t2 = System.nanoTime();
                exactMillis[i] = (t1 - t0) / 1e6;
                int8Millis[i] = (t2 - t1) / 1e6;
                int[] expected = truth != null ? truth[i] : exactRows[i];
                Set<Integer> relevant = new HashSet<>();
                for (int row : expected) {
                    relevant.add(row);
                }
                recall += Arrays.stream(twoPass).filter(relevant::contains).count() / (double) expected.length;
            }
            return new EngineFigures(new Latencies(exactMillis), new Latencies(int8Millis),
                    recall / queryVectors.length, truth != null ? truth : exactRows);
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
