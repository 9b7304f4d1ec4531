package dev.semdex.cli;

import dev.semdex.embed.ModelCatalog;
import dev.semdex.index.IndexSummary;
import dev.semdex.models.EmbedderLease;
import dev.semdex.settings.SettingsStore;
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

    @Parameters(arity = "0..*", paramLabel = "FOLDER",
            description = "Folders to index (default: every indexed folder, e.g. to add a model to them).")
    List<Path> folders = new java.util.ArrayList<>();

    @Option(names = "--model", paramLabel = "ID", description = "Embedding model "
            + "(default: the model the index was built with; for a new index " + ModelCatalog.DEFAULT_MODEL + ").")
    String model;

    @Option(names = "--remove-model", paramLabel = "ID",
            description = "Instead of indexing, delete this model's vectors from the index (files and other models' "
                    + "vectors stay).")
    String removeModel;

    @Option(names = "--code", negatable = true, description = "Index the code in source trees (folders with .git, a "
            + "build file such as pom.xml or package.json, __pycache__) as well as their README, docs and other prose; "
            + "--no-code: prose only (the default). Kept in the settings, like the window's \"Index source code\".")
    Boolean code;

    @Override
    public Integer call() {
        if (removeModel != null) {
            int removed = root.context().semdex().removeFromIndex(removeModel);
            System.err.printf(Locale.ROOT, removed == 0 ? "The index has no vectors of %s.%n"
                    : "Removed %2$,d vectors of %1$s from the index.%n", removeModel, removed);
            return 0;
        }
        var semdex = root.context().semdex();
        // Before the model loads and the folders are read: a run that could store nothing is refused at once.
        semdex.store().requireWritable();
        if (code != null) {
            rememberSourceCode(code);
            semdex.indexSourceCode(code);
        }
        model = ollama.apply(root.context(), model != null ? model : semdex.models().defaultModel());
        List<Path> targets = folders.isEmpty()
                ? semdex.store().folders().all().stream().map(dev.semdex.store.StoredFolder::path).toList()
                : folders.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        if (targets.isEmpty()) {
            throw new dev.semdex.SemdexException("No folders are indexed yet: give one, e.g. semdex index ~/Documents");
        }
        IndexSummary s;
        List<String> warnings;
        ProgressPrinter progress = new ProgressPrinter(System.err);
        try (EmbedderLease lease = semdex.models().leaseForIndexing(model, progress)) {
            s = semdex.indexer().index(targets, lease.embedder(), progress);
            warnings = lease.embedder().warnings();
        }
        System.err.printf(Locale.ROOT, "Indexed %,d files (%,d unchanged, %,d removed, %,d skipped) in %s: "
                        + "%,d chunks, %,d passages embedded, %,d vectors reused.%n",
                s.filesIndexed(), s.filesUnchanged(), s.filesDeleted(), s.skipped().size(),
                ProgressPrinter.clock(s.elapsed()), s.chunks(), s.passagesEmbedded(), s.reusedVectors());
        if (s.stages().ocrPages() > 0) {
            System.err.printf(Locale.ROOT, "OCR read %,d pages in %s.%n", s.stages().ocrPages(),
                    ProgressPrinter.clock(s.stages().ocr()));
        }
        warnings.forEach(w -> System.err.println("warning: " + w));
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

    /** Kept for every later run, the window's too, so that a file is not indexed by one run and dropped by the next. */
    private void rememberSourceCode(boolean index) {
        SettingsStore settings = new SettingsStore(root.context().dirs().settingsFile());
        settings.save(settings.load().withSourceCode(index));
    }
}
