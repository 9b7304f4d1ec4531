package dev.semdex.lab.bench;

import dev.semdex.Semdex;
import dev.semdex.SemdexException;
import dev.semdex.embed.Embedder;
import dev.semdex.index.IndexListener;
import dev.semdex.index.IndexSummary;
import dev.semdex.lab.eval.BeirDataset;
import dev.semdex.settings.AppDirs;
import dev.semdex.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Indexing a folder on one Ollama server, then on several, each a {@link GpuLikeOllama} that takes a set time per
 * request: the throughput the several-servers setting buys when the servers, not this machine, are the bottleneck.
 * The same folder, model, batch size and requests in flight per server in every run; each run on a new index.
 */
@Command(name = "ollama-servers", description = "Index a folder on 1 and on N simulated Ollama GPU servers (fixed "
        + "time per request): passages/s and the ratio.")
final class OllamaServersBench implements Callable<Integer> {

    @Option(names = "--docs", defaultValue = "600", paramLabel = "N", description = "Documents (default: ${DEFAULT-VALUE}).")
    int docs;

    @Option(names = "--servers", defaultValue = "2", paramLabel = "N",
            description = "Servers of the second run (default: ${DEFAULT-VALUE}).")
    int servers;

    @Option(names = "--request-ms", defaultValue = "150", paramLabel = "MS",
            description = "Time a server takes per request (default: ${DEFAULT-VALUE}).")
    int requestMillis;

    @Option(names = "--text-ms", defaultValue = "4", paramLabel = "MS",
            description = "Time a server takes per text of a request (default: ${DEFAULT-VALUE}).")
    double textMillis;

    @Option(names = "--batch", defaultValue = "32", paramLabel = "N") int batch;

    @Option(names = "--parallel", defaultValue = "2", paramLabel = "N",
            description = "Requests in flight per server (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--beir", paramLabel = "DIR", defaultValue = "../shared/datasets/scifact",
            description = "Dataset whose documents are indexed (default: ${DEFAULT-VALUE}).")
    Path beir;

    @Option(names = "--work", paramLabel = "DIR", description = "Where to put the folders (default: a temp folder).")
    Path work;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(beir)) {
            throw new SemdexException("No dataset at " + beir + "; pass --beir DIR.");
        }
        if (servers < 2) {
            throw new SemdexException("--servers must be 2 or more: the first run has one.");
        }
        try (BenchDir dir = BenchDir.open(work, "semdex-ollama-servers-bench")) {
            Path folder = Files.createDirectories(dir.resolve("docs"));
            List<BeirDataset.Doc> corpus = BeirDataset.load(beir).corpus();
            for (int i = 0; i < Math.min(docs, corpus.size()); i++) {
                Files.writeString(folder.resolve("doc-" + i + ".txt"), corpus.get(i).content());
            }
            Run one = run(dir.resolve("one"), folder, 1);
            Run many = run(dir.resolve("many"), folder, servers);
            System.out.printf(Locale.ROOT, "servers=1 passages=%d seconds=%.2f passages_per_s=%.1f%n",
                    one.passages(), one.seconds(), one.rate());
            System.out.printf(Locale.ROOT, "servers=%d passages=%d seconds=%.2f passages_per_s=%.1f share=%s%n",
                    servers, many.passages(), many.seconds(), many.rate(), many.share());
            System.out.printf(Locale.ROOT, "throughput_ratio=%.2f request_ms=%d text_ms=%.1f batch=%d "
                    + "parallel_per_server=%d docs=%d%n", many.rate() / one.rate(), requestMillis, textMillis, batch,
                    parallel, docs);
        }
        return 0;
    }

    private record Run(long passages, double seconds, String share) {
        double rate() {
            return passages / seconds;
        }
    }

    private Run run(Path data, Path folder, int count) throws Exception {
        List<GpuLikeOllama> fleet = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                fleet.add(new GpuLikeOllama(requestMillis, textMillis));
            }
            Settings settings = Settings.defaults().withOllamaServers(fleet.stream().map(GpuLikeOllama::url).toList())
                    .withOllamaLimits(120, batch, parallel);
            try (Semdex semdex = Semdex.open(AppDirs.under(data), settings)) {
                Embedder embedder = semdex.embedder("ollama:all-minilm");
                int probes = fleet.stream().mapToInt(s -> s.texts.get()).sum();
                long t0 = System.nanoTime();
                IndexSummary summary = semdex.indexer().index(List.of(folder), embedder, new IndexListener() {});
                double seconds = (System.nanoTime() - t0) / 1e9;
                List<String> shares = fleet.stream().map(s -> Integer.toString(s.texts.get())).toList();
                System.err.printf(Locale.ROOT, "%d server(s): %d passages in %.1f s (probe texts %d)%n", count,
                        summary.passagesEmbedded(), seconds, probes);
                return new Run(summary.passagesEmbedded(), seconds, String.join("/", shares));
            }
        } finally {
            fleet.forEach(GpuLikeOllama::close);
        }
    }
}
