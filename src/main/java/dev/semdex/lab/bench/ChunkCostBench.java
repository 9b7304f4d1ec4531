package dev.semdex.lab.bench;

import dev.semdex.Semdex;
import dev.semdex.SemdexException;
import dev.semdex.chunk.TextTokenizer;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * What one passage of a given length costs to embed: the time, and the memory the process needs above the loaded
 * model while it runs. Self-attention keeps a score per pair of tokens and head, so both grow faster than the
 * length; the chunk-size setting's warning quotes these figures.
 */
@Command(name = "chunk", description = "Peak memory and time to embed one passage of 512, 2,048 and 8,192 tokens.")
final class ChunkCostBench implements Callable<Integer> {

    private static final String[] SENTENCES = {
        "Blue whales feed on krill in the cold waters of the Southern Ocean.",
        "The borrow checker in Rust prevents data races at compile time.",
        "A contract renewal deadline falls on the last working day of March.",
        "Photosynthesis turns light, water and carbon dioxide into sugar and oxygen.",
        "Trains between Vienna and Salzburg leave every half hour.",
    };

    @ParentCommand
    BenchCommand bench;

    @Option(names = "--model", split = ",", required = true, paramLabel = "ID",
            description = "Models to measure, comma-separated.")
    List<String> models;

    @Option(names = "--tokens", split = ",", defaultValue = "512,2048,8192", paramLabel = "N",
            description = "Passage lengths in tokens, special tokens included (default: ${DEFAULT-VALUE}).")
    List<Integer> lengths;

    @Option(names = "--runs", defaultValue = "3", paramLabel = "N",
            description = "Timed runs per length after the measured first one; the median is printed.")
    int runs;

    @Override
    public Integer call() {
        Semdex semdex = bench.root.context().semdex();
        List<String> summary = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-32s %7s %10s %14s%n", "model", "tokens", "ms", "peak MiB");
        for (String id : models) {
            Embedder embedder = semdex.embedder(id);
            ModelSpec spec = embedder.model();
            long baseline = settledRss();
            // a model that reads less than the shortest asked length is measured at its own limit
            List<Integer> sorted = Stream.concat(lengths.stream(),
                    lengths.stream().anyMatch(n -> n <= spec.maxTokens()) ? Stream.empty()
                            : Stream.of(spec.maxTokens())).sorted().toList();
            for (int tokens : sorted) {
                if (tokens > spec.maxTokens()) {
                    System.out.printf(Locale.ROOT, "%-32s %7d %10s %14s%n", id, tokens, "-",
                            "reads at most " + spec.maxTokens());
                    continue;
                }
                String passage = passageOf(embedder.tokenizer(), tokens - 2 - embedder.tokenizer()
                        .count(spec.passagePrefix()));
                ProcessMemory.resetPeak();
                long t0 = System.nanoTime();
                embedder.embedPassages(List.of(passage));
                double first = (System.nanoTime() - t0) / 1e6;
                long peak = Math.max(0, ProcessMemory.peakRss() - baseline);
                double[] millis = new double[Math.max(1, runs)];
                millis[0] = first; // kept only when no timed run is asked for
                for (int i = 0; i < runs; i++) {
                    long s = System.nanoTime();
                    embedder.embedPassages(List.of(passage));
                    millis[i] = (System.nanoTime() - s) / 1e6;
                }
                Arrays.sort(millis);
                double median = millis[millis.length / 2];
                System.out.printf(Locale.ROOT, "%-32s %7d %10.1f %14.1f%n", id, tokens, median, peak / 1048576.0);
                summary.add(String.format(Locale.ROOT, "%s@%d=%.1fms/%.0fMiB", id, tokens, median,
                        peak / 1048576.0));
            }
        }
        System.out.println(String.join(" ", summary));
        return 0;
    }

    /** Memory in use once the collector has run, so that garbage left by loading is not charged to a passage. */
    private static long settledRss() {
        System.gc();
        return ProcessMemory.rss();
    }

    /** Sentences up to exactly {@code pieces} word pieces (found by halving, since tokenising is not free). */
    static String passageOf(TextTokenizer tokenizer, int pieces) {
        List<String> words = new ArrayList<>();
        for (int i = 0; words.size() < pieces * 2 + 8; i++) {
            words.addAll(Arrays.asList(SENTENCES[(i * 7 + 3) % SENTENCES.length].split(" ")));
        }
        int lo = 0;
        int hi = words.size();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (tokenizer.count(String.join(" ", words.subList(0, mid))) <= pieces) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        StringBuilder text = new StringBuilder(String.join(" ", words.subList(0, lo)));
        while (tokenizer.count(text.toString()) < pieces) {
            text.append(" the");
        }
        if (tokenizer.count(text.toString()) != pieces) {
            throw new SemdexException("Cannot make a passage of exactly " + pieces + " word pieces.");
        }
        return text.toString();
    }
}
