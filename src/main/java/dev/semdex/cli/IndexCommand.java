package dev.semdex.cli;

import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.index.IndexSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "index", description = "Index folders, or bring their index up to date.")
final class IndexCommand implements Callable<Integer> {

    @ParentCommand
    SemdexCommand root;

    @picocli.CommandLine.Mixin
    OllamaCommand.Options ollama = new OllamaCommand.Options();

    @Parameters(arity = "1..*", paramLabel = "FOLDER", description = "Folders to index.")
    List<Path> folders;

    @Option(names = "--model", paramLabel = "ID", description = "Embedding model (default: ${DEFAULT-VALUE}).",
            defaultValue = ModelCatalog.DEFAULT_MODEL)
    String model;

    @Override
    public Integer call() {
        model = ollama.apply(root.context(), model);
        var semdex = root.context().semdex();
        Embedder embedder = semdex.embedder(model);
        IndexSummary s = semdex.indexer().index(folders.stream().map(p -> p.toAbsolutePath().normalize()).toList(),
                embedder, new ProgressPrinter(System.err));
        System.err.printf(Locale.ROOT, "Indexed %,d files (%,d unchanged, %,d removed, %,d skipped) in %s: "
                        + "%,d chunks, %,d passages embedded, %,d vectors reused.%n",
                s.filesIndexed(), s.filesUnchanged(), s.filesDeleted(), s.skipped().size(),
                ProgressPrinter.clock(s.elapsed()), s.chunks(), s.passagesEmbedded(), s.reusedVectors());
        embedder.warnings().forEach(w -> System.err.println("warning: " + w));
        if (!s.skipped().isEmpty()) {
            Map<String, Integer> byReason = new TreeMap<>();
            s.skipped().forEach(e -> byReason.merge(e.reason(), 1, Integer::sum));
            System.err.println("Skipped files:");
            s.skipped().stream().limit(50).forEach(e -> System.err.println("  " + e.path() + ": " + e.reason()));
            if (s.skipped().size() > 50) {
                System.err.printf("  … and %,d more (see 'semdex status').%n", s.skipped().size() - 50);
            }
        }
        return 0;
    }
}
