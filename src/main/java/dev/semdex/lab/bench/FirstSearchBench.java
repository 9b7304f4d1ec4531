package dev.semdex.lab.bench;

import dev.semdex.Semdex;
import dev.semdex.SemdexException;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.search.SearchMode;
import dev.semdex.search.SearchRequest;
import dev.semdex.settings.AppDirs;
import dev.semdex.settings.Settings;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The searches a user makes first, in a JVM that has run nothing else: the index opened, the first query (which
 * loads the model and the vectors), the second, and the median of the next eight. JVM options that start the window
 * sooner by compiling less early (JIT thresholds, say) may only move the cost here; this shows whether they do. One
 * sample per run of the command: run it several times, in turns with the options compared.
 */
@Command(name = "first-search", description = "A cold JVM's first searches on an existing index: open, first "
        + "query (model and vectors loaded), second, median of the next eight.")
final class FirstSearchBench implements Callable<Integer> {

    /** Questions in a user's words about SciFact's subjects, the text bench start-up and bench load index. */
    private static final List<String> QUERIES = List.of("does vitamin D lower the risk of fractures",
            "how do stem cells repair the intestine", "link between smoking and lung cancer in women",
            "which genes make tumours resist chemotherapy", "effect of exercise on blood pressure",
            "can antibiotics change the gut bacteria for years", "how does the immune system remember a virus",
            "sleep loss and memory", "is obesity in childhood inherited",
            "what makes malaria parasites drug resistant");

    @Option(names = "--index", required = true, paramLabel = "DIR",
            description = "A Semdex data folder with an index (e.g. W/template-100000 after bench start-up).")
    Path dataDir;

    @Option(names = "--model", defaultValue = ModelCatalog.DEFAULT_MODEL, paramLabel = "ID")
    String model;

    @Option(names = "--mode", defaultValue = "hybrid", paramLabel = "MODE")
    String mode;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(dataDir.resolve("index.db"))) {
            throw new SemdexException("No index at " + dataDir + "; pass the data folder of an index.");
        }
        long started = ManagementFactory.getRuntimeMXBean().getUptime();
        long t0 = System.nanoTime();
        try (Semdex semdex = Semdex.open(AppDirs.under(dataDir), Settings.defaults())) {
            double openMs = (System.nanoTime() - t0) / 1e6;
            double[] ms = new double[QUERIES.size()];
            for (int i = 0; i < QUERIES.size(); i++) {
                long t = System.nanoTime();
                semdex.search().search(new SearchRequest(QUERIES.get(i), model, SearchMode.parse(mode), 10, null));
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            double[] rest = Arrays.copyOfRange(ms, 2, ms.length);
            System.out.printf(Locale.ROOT, "bench=first-search model=%s mode=%s jvm_uptime_at_start_ms=%d open_ms=%.0f "
                            + "first_query_ms=%.0f second_query_ms=%.0f next_p50_ms=%.1f cores=%d%n", model, mode,
                    started, openMs, ms[0], ms[1], new Latencies(rest).p50(),
                    Runtime.getRuntime().availableProcessors());
        }
        return 0;
    }
}
