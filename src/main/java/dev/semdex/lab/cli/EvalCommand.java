package dev.semdex.lab.cli;

import dev.semdex.lab.Lab;
import dev.semdex.cli.Json;
import dev.semdex.cli.OllamaCommand;
import dev.semdex.cli.ProgressPrinter;
import dev.semdex.cli.SemdexCommand;
import dev.semdex.SemdexException;
import dev.semdex.lab.compare.QualityRow;
import dev.semdex.lab.compare.QualityTable;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.lab.eval.BeirDataset;
import dev.semdex.lab.eval.EvalResult;
import dev.semdex.lab.eval.FolderEvaluator;
import dev.semdex.lab.eval.FolderResult;
import dev.semdex.lab.eval.QueryFile;
import dev.semdex.search.SearchMode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "eval", description = "Measure search quality on a BEIR dataset (nDCG@10, Recall@100, MRR@10), or compare models "
        + "and vector sizes on a dataset or on your own judged files.")
final class EvalCommand implements Callable<Integer> {

    @ParentCommand
    SemdexCommand root;

    @picocli.CommandLine.Mixin
    OllamaCommand.Options ollama = new OllamaCommand.Options();

    @picocli.CommandLine.Mixin
    VariantOptions variantOptions = new VariantOptions();

    @Option(names = "--beir", paramLabel = "DIR",
            description = "Folder with corpus.jsonl, queries.jsonl and qrels/test.tsv.")
    Path beir;

    @Option(names = "--judged", description = "Measure on your own files, with the judgements made with "
            + "'semdex judge' or the thumbs in the window.")
    boolean judged;

    @Option(names = "--questions", paramLabel = "FILE", description = "Measure on an indexed folder (--folder) with "
            + "your own questions: a TSV of query, tab, the answering file(s) relative to the folder. Prints "
            + "success@1, success@3, MRR@10 and nDCG@10 per mode.")
    Path questions;

    @Option(names = "--folder", paramLabel = "DIR", description = "The indexed folder the --questions are about.")
    Path folder;

    @Option(names = "--misses", description = "With --questions: list the questions whose answer did not come first.")
    boolean misses;

    @Option(names = "--models", split = ",", paramLabel = "ID",
            description = "Compare these models (vector search) at full and at --dims/--precision vectors.")
    List<String> models = new java.util.ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Table format for --models, --dims, --precision or --judged: text, csv or markdown.")
    String format;

    @Option(names = "--model", paramLabel = "ID", description = "Model (default: with --judged the model the index "
            + "was built with, on a BEIR dataset " + ModelCatalog.DEFAULT_MODEL + ").")
    String model;

    @Option(names = "--mode", paramLabel = "MODE", split = ",", defaultValue = "vector,keyword,hybrid",
            description = "Modes to measure, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> modes;

    @Option(names = "--sample", paramLabel = "N",
            description = "Use only the first N documents (plus the judged ones) for a quick check.")
    Integer sample;

    @Option(names = "--weak-matches", paramLabel = "FILE", description = "With --beir: check where the window's "
            + "\"weaker matches\" line falls, with the questions of FILE (one per line, or the first column of a "
            + "TSV; # comments) as queries the dataset cannot answer.")
    Path weakMatches;

    @Option(names = "--weak-sweep", split = ",", paramLabel = "SHARE", description = "With --weak-matches: also "
            + "try these shares of the top score, e.g. 0.6,0.7,0.8.")
    List<Double> weakSweep = List.of();

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (questions != null) {
            return folderQuestions();
        }
        if ((beir == null) == !judged) {
            throw new SemdexException("Give either --beir DIR (a BEIR dataset), --judged (your own judgements) or "
                    + "--questions FILE --folder DIR.");
        }
        if (judged || !models.isEmpty() || variantOptions.any()) {
            return qualityTable();
        }
        List<SearchMode> searchModes = searchModes();
        model = ollama.apply(root.context(), model != null ? model : ModelCatalog.DEFAULT_MODEL);
        var semdex = root.context().semdex();
        semdex.catalog().require(model);
        BeirDataset dataset = BeirDataset.load(beir);
        if (sample != null) {
            dataset = dataset.sample(sample);
        }
        if (weakMatches != null) {
            return weakMatchCheck(semdex, dataset, searchModes);
        }
        List<EvalResult> results = new Lab(semdex).evaluator().evaluate(dataset, model, searchModes,
                new ProgressPrinter(System.err));
        if (json) {
            System.out.println(Json.write(results));
            return 0;
        }
        System.out.printf("%-12s %-28s %-8s %6s %7s %10s %7s %9s%n", "dataset", "model", "mode", "docs", "nDCG@10",
                "Recall@100", "MRR@10", "ms/query");
        for (EvalResult r : results) {
            System.out.printf(Locale.ROOT, "%-12s %-28s %-8s %6d %7.4f %10.4f %7.4f %9.1f%n", r.dataset(), r.model(),
                    r.mode(), r.documents(), r.ndcg10(), r.recall100(), r.mrr10(), r.queryMillisMean());
        }
        return 0;
    }

    private int weakMatchCheck(dev.semdex.Semdex semdex, BeirDataset dataset, List<SearchMode> searchModes) {
        List<String> foreign;
        try {
            foreign = java.nio.file.Files.readAllLines(weakMatches).stream().filter(l -> !l.isBlank()
                    && !l.startsWith("#")).map(l -> l.split("\t")[0]).toList();
        } catch (java.io.IOException e) {
            throw new SemdexException("Cannot read " + weakMatches + ": " + e.getMessage());
        }
        List<String> modelIds = List.of(model);
        var results = new Lab(semdex).evaluator().withIndex(dataset, modelIds, new ProgressPrinter(System.err),
                store -> {
                    var search = new dev.semdex.search.SearchService(store, semdex::embedder, semdex.catalog());
                    List<dev.semdex.lab.eval.WeakMatchCheck.Result> out = new java.util.ArrayList<>();
                    for (SearchMode m : searchModes) {
                        out.add(dev.semdex.lab.eval.WeakMatchCheck.run(dataset, search, model, m, foreign));
                        for (double r : weakSweep) {
                            out.add(dev.semdex.lab.eval.WeakMatchCheck.run(dataset, search, model, m, foreign, r));
                        }
                    }
                    return out;
                });
        System.out.printf("%-22s %-8s %8s %7s %13s %14s %10s %15s %15s%n", "model", "mode", "share", "queries",
                "answers kept",
                "precision above", "files above", "no good (ans.)", "no good (foreign)");
        for (var r : results) {
            System.out.printf(Locale.ROOT, "%-22s %-8s %8s %7d %13.3f %14.3f %10.1f %15.3f %15.3f%n", r.model(),
                    r.mode(), Double.isNaN(r.relative()) ? "shipped" : String.format(Locale.ROOT, "%.2f",
                    r.relative()), r.queries(), r.answeredKept(), r.precisionAbove(), r.meanAbove(), r.noGoodAnswered(),
                    r.noGoodForeign());
        }
        return 0;
    }

    private List<SearchMode> searchModes() {
        return modes.stream().map(m -> {
            try {
                return SearchMode.parse(m);
            } catch (IllegalArgumentException e) {
                throw new SemdexException("Unknown mode '" + m + "': use " + Arrays.toString(SearchMode.values()));
            }
        }).toList();
    }

    /** Success@1/@3, MRR@10 and nDCG@10 per mode on the user's own folder and questions. */
    private int folderQuestions() {
        if (folder == null) {
            throw new SemdexException("--questions needs --folder DIR, the indexed folder the questions are about.");
        }
        if (beir != null || judged) {
            throw new SemdexException("--questions cannot be combined with --beir or --judged.");
        }
        List<SearchMode> searchModes = searchModes();
        var semdex = root.context().semdex();
        Path dir = folder.toAbsolutePath().normalize();
        if (semdex.store().folders().find(dir).isEmpty()) {
            throw new SemdexException(dir + " is not indexed: run 'semdex index " + dir + "' first.");
        }
        String id = ollama.apply(root.context(), model != null ? model : semdex.models().defaultModel());
        QueryFile file = QueryFile.read(questions);
        java.util.Set<String> indexed = java.util.Set.copyOf(semdex.store().documents().paths().values());
        FolderEvaluator evaluator = new FolderEvaluator(semdex.search());
        List<FolderResult> results = searchModes.stream()
                .map(mode -> evaluator.evaluate(file, dir, indexed, id, mode)).toList();
        if (json) {
            System.out.println(Json.write(results));
            return 0;
        }
        System.out.printf("%-24s %-28s %-8s %7s %9s %9s %7s %7s %9s%n", "questions", "model", "mode", "queries",
                "success@1", "success@3", "MRR@10", "nDCG@10", "ms/query");
        for (FolderResult r : results) {
            System.out.printf(Locale.ROOT, "%-24s %-28s %-8s %7d %9.3f %9.3f %7.3f %7.3f %9.1f%n", r.questions(),
                    r.model(), r.mode(), r.queries(), r.success1(), r.success3(), r.mrr10(), r.ndcg10(),
                    r.queryMillisMean());
        }
        if (misses) {
            for (FolderResult r : results) {
                for (FolderResult.Miss m : r.misses()) {
                    System.out.printf("%-8s %-6s %s  <- first: %s%n", r.mode(), m.rank() == 0 ? "-" : "#" + m.rank(),
                            m.query(), m.first());
                }
            }
        }
        return 0;
    }

    /** The per-model, per-dimension, per-precision table (vector search) on a BEIR dataset or own judgements. */
    private int qualityTable() {
        var semdex = root.context().semdex();
        String single = model != null ? model : judged ? semdex.models().defaultModel() : ModelCatalog.DEFAULT_MODEL;
        List<String> ids = ollama.applyAll(root.context(), models.isEmpty() ? List.of(single) : models);
        List<QualityRow> rows;
        if (judged) {
            Lab lab = new Lab(semdex);
            rows = lab.quality().evaluateJudged(lab.judgements(), ids, variantOptions.dims,
                    variantOptions.parsedPrecisions());
        } else {
            BeirDataset dataset = BeirDataset.load(beir);
            if (sample != null) {
                dataset = dataset.sample(sample);
            }
            rows = new Lab(semdex).beirQuality().evaluate(dataset, ids, variantOptions.dims, variantOptions.parsedPrecisions(),
                    new ProgressPrinter(System.err));
        }
        if (json) {
            System.out.println(Json.write(rows));
            return 0;
        }
        System.out.print(switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> QualityTable.toCsv(rows);
            case "markdown", "md" -> QualityTable.toMarkdown(rows);
            case "text" -> QualityTable.toText(rows);
            default -> throw new SemdexException("Unknown format '" + format + "': use text, csv or markdown.");
        });
        return 0;
    }
}
