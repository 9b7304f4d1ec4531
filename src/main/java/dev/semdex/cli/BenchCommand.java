package dev.semdex.cli;

import dev.semdex.SemdexException;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.eval.BeirDataset;
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
        subcommands = {BenchCommand.Embed.class, BenchCommand.Search.class})
final class BenchCommand implements Runnable {

    @ParentCommand
    SemdexCommand root;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "embed", description = "Passages per second for a model on BEIR documents (title + text).")
    static final class Embed implements Callable<Integer> {
        @ParentCommand
        BenchCommand bench;

        @Option(names = "--model", defaultValue = ModelCatalog.DEFAULT_MODEL, paramLabel = "ID")
        String model;

        @Option(names = "--docs", defaultValue = "2000", paramLabel = "N")
        int docs;

        @Option(names = "--beir", paramLabel = "DIR", defaultValue = "../shared/datasets/scifact",
                description = "Dataset whose corpus supplies the passages (default: ${DEFAULT-VALUE}).")
        Path beir;

        @Override
        public Integer call() {
            if (!Files.isDirectory(beir)) {
                throw new SemdexException("No dataset at " + beir + "; pass --beir DIR.");
            }
            List<String> texts = BeirDataset.load(beir).corpus().stream().limit(docs)
                    .map(BeirDataset.Doc::content).toList();
            Embedder embedder = bench.root.context().semdex().embedder(model);
            long tokens = 0;
            for (String t : texts) {
                tokens += Math.min(embedder.model().maxTokens(), embedder.tokenizer().count(
                        embedder.model().passagePrefix() + t) + 2);
            }
            embedder.embedPassages(texts.subList(0, Math.min(32, texts.size())));
            long t0 = System.nanoTime();
            embedder.embedPassages(texts);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "bench=embed model=%s docs=%d tokens=%d seconds=%.2f passages_per_s=%.2f "
                            + "tokens_per_s=%.0f threads=%d%n", model, texts.size(), tokens, seconds,
                    texts.size() / seconds, tokens / seconds, Runtime.getRuntime().availableProcessors());
            return 0;
        }
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
            }
            double[] millis = new double[queries];
            for (int i = 0; i < queries; i++) {
                randomUnit(qr, q, 0, dim);
                long t0 = System.nanoTime();
                index.top(q, k);
                millis[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "bench=search vectors=%d dim=%d k=%d queries=%d p50_ms=%.2f p99_ms=%.2f "
                            + "bytes_per_vector=%d%n", vectors, dim, k, queries, millis[queries / 2],
                    millis[(int) Math.ceil(queries * 0.99) - 1], dim * 4);
            return 0;
        }

        private static void randomUnit(Random r, float[] target, int offset, int dim) {
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
