package dev.semdex.lab.bench;

import dev.semdex.Semdex;
import dev.semdex.SemdexException;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.ModelSpec;
import dev.semdex.embed.Vectors;
import dev.semdex.embed.djl.DjlEmbedder;
import dev.semdex.lab.eval.BeirDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * Raw model throughput against the peer in one run. The documents are cut into slices and each slice is embedded by
 * Semdex and by the peer in turn, the order alternating, so a noisy neighbour or a clock change hits both alike;
 * the ratio is then trustworthy even where the absolute figures move from run to run.
 */
@Command(name = "embed", description = "Passages per second for a model on BEIR documents (title + text), "
        + "with langchain4j's in-process model measured in the same run and the share of the machine's SGEMM rate.")
final class EmbedBench implements Callable<Integer> {

    @ParentCommand
    BenchCommand bench;

    @Option(names = "--model", defaultValue = ModelCatalog.DEFAULT_MODEL, paramLabel = "ID")
    String model;

    @Option(names = "--docs", defaultValue = "2000", paramLabel = "N")
    int docs;

    @Option(names = "--beir", paramLabel = "DIR", defaultValue = "../shared/datasets/scifact",
            description = "Dataset whose corpus supplies the passages (default: ${DEFAULT-VALUE}).")
    Path beir;

    @Option(names = "--slices", defaultValue = "8", paramLabel = "N",
            description = "Slices embedded alternately by Semdex and the peer (default: ${DEFAULT-VALUE}).")
    int slices;

    @Option(names = "--no-peer", negatable = true, defaultValue = "true",
            description = "Also run langchain4j's in-process model on the same texts (default: on).")
    boolean peer;

    @Option(names = "--sgemm-seconds", defaultValue = "3", paramLabel = "S",
            description = "How long to measure the SGEMM rate; 0 skips it (default: ${DEFAULT-VALUE}).")
    double sgemmSeconds;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(beir)) {
            throw new SemdexException("No dataset at " + beir + "; pass --beir DIR.");
        }
        List<String> texts = BeirDataset.load(beir).corpus().stream().limit(docs)
                .map(BeirDataset.Doc::content).toList();
        if (texts.isEmpty()) {
            throw new SemdexException("The dataset at " + beir + " has no documents.");
        }
        Semdex semdex = bench.root.context().semdex();
        Embedder embedder = semdex.embedder(model);
        ModelSpec spec = embedder.model();
        int[] tokens = texts.stream().mapToInt(t -> Math.min(spec.maxTokens(),
                embedder.tokenizer().count(spec.passagePrefix() + t) + 2)).toArray();
        try (BenchDir dir = BenchDir.open(null, "semdex-embed-bench")) {
            PeerEmbedder other = peer ? semdex.models().localFiles(model)
                    .map(files -> PeerEmbedder.open(spec, files, dir.path())).orElse(null) : null;
            Result result = run(embedder, other, texts);
            print(spec, embedder, tokens, result, other != null);
        }
        return 0;
    }

    private record Result(double seconds, double peerSeconds, double medianSliceRatio, double minCosine) {}

    private Result run(Embedder embedder, PeerEmbedder other, List<String> texts) {
        List<String> warmUp = texts.subList(0, Math.min(32, texts.size()));
        embedder.embedPassages(warmUp);
        if (other != null) {
            other.embed(warmUp);
        }
        int n = Math.max(1, Math.min(slices, texts.size()));
        double ours = 0;
        double theirs = 0;
        double minCosine = 1;
        List<Double> ratios = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            List<String> slice = texts.subList(s * texts.size() / n, (s + 1) * texts.size() / n);
            Timed peerRun = other != null && s % 2 == 1 ? time(() -> other.embed(slice)) : null;
            Timed ourRun = time(() -> embedder.embedPassages(slice));
            if (other != null && peerRun == null) {
                peerRun = time(() -> other.embed(slice));
            }
            ours += ourRun.seconds();
            if (peerRun != null) {
                theirs += peerRun.seconds();
                ratios.add(peerRun.seconds() / ourRun.seconds());
                minCosine = Math.min(minCosine, minCosine(ourRun.vectors(), peerRun.vectors()));
            }
            System.err.printf(Locale.ROOT, "slice %d/%d: %d passages%n", s + 1, n, slice.size());
        }
        double[] sorted = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
        return new Result(ours, theirs, median, minCosine);
    }

    private record Timed(List<float[]> vectors, double seconds) {}

    private static Timed time(Supplier<List<float[]>> work) {
        long t0 = System.nanoTime();
        List<float[]> vectors = work.get();
        return new Timed(vectors, (System.nanoTime() - t0) / 1e9);
    }

    private static double minCosine(List<float[]> a, List<float[]> b) {
        double min = 1;
        for (int i = 0; i < a.size(); i++) {
            float[] x = a.get(i);
            float[] y = b.get(i);
            min = Math.min(min, Vectors.dot(x, y) / Math.sqrt((double) Vectors.dot(x, x) * Vectors.dot(y, y)));
        }
        return min;
    }

    private void print(ModelSpec spec, Embedder embedder, int[] tokens, Result r, boolean withPeer) {
        int passages = tokens.length;
        long tokenSum = Arrays.stream(tokens).asLongStream().sum();
        Optional<EncoderFlops> shape = EncoderFlops.of(spec.id());
        double flops = shape.map(s -> Arrays.stream(tokens).mapToDouble(s::forPassage).sum()).orElse(Double.NaN);
        double gflops = flops / r.seconds() / 1e9;
        double sgemm = sgemmSeconds > 0 ? SgemmProbe.gflops(sgemmSeconds) : Double.NaN;
        int threads = embedder instanceof DjlEmbedder djl ? djl.threads() : 0;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "bench=embed model=%s docs=%d tokens=%d seconds=%.2f passages_per_s=%.2f tokens_per_s=%.0f "
                        + "gflop_per_s=%.1f sgemm_gflop_per_s=%.1f sgemm_limit_pct=%.1f",
                spec.id(), passages, tokenSum, r.seconds(), passages / r.seconds(), tokenSum / r.seconds(),
                gflops, sgemm, 100 * gflops / sgemm));
        if (withPeer) {
            line.append(String.format(Locale.ROOT, " peer=%s peer_seconds=%.2f peer_passages_per_s=%.2f "
                            + "ratio=%.3f slice_ratio_median=%.3f min_cosine_vs_peer=%.6f", PeerEmbedder.NAME,
                    r.peerSeconds(), passages / r.peerSeconds(), r.peerSeconds() / r.seconds(),
                    r.medianSliceRatio(), r.minCosine()));
        } else {
            line.append(" peer=none");
        }
        line.append(String.format(Locale.ROOT, " threads=%d cores=%d", threads,
                Runtime.getRuntime().availableProcessors()));
        System.out.println(line);
    }
}
