package dev.semdex.lab.cli;

import dev.semdex.cli.Json;
import dev.semdex.cli.SemdexCommand;
import dev.semdex.embed.ModelSource;
import dev.semdex.embed.ModelSpec;
import dev.semdex.lab.eval.LabelsEvaluator;
import dev.semdex.lab.eval.TopicCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "labels-eval", description = "Accuracy of labels on SciFact abstracts of six subjects, with 0, 3 "
        + "and 10 files confirmed per label, for each bundled model.")
final class LabelsEvalCommand implements Callable<Integer> {

    @ParentCommand
    SemdexCommand root;

    @Option(names = "--corpus", paramLabel = "FILE", defaultValue = "../shared/datasets/scifact/corpus.jsonl",
            description = "SciFact's corpus.jsonl (default: ${DEFAULT-VALUE}).")
    Path corpus;

    @Option(names = "--model", paramLabel = "ID", split = ",", description = "Models (default: every bundled one).")
    List<String> models;

    @Option(names = "--per-subject", paramLabel = "N", defaultValue = "40",
            description = "Abstracts per subject at most (default: ${DEFAULT-VALUE}).")
    int perSubject;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "5",
            description = "Random choices of the confirmed files averaged (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--json", description = "Print the rows as JSON.")
    boolean json;

    @Option(names = "--none", description = "Measure \"none of these\" instead: labels for the first 1, 2 and 5 "
            + "subjects only, and how many of the other subjects' files get no label, per floor share.")
    boolean none;

    @Option(names = "--floor", paramLabel = "SHARE", split = ",", defaultValue = "0,0.3,0.4,0.5",
            description = "Floor shares tried with --none (default: ${DEFAULT-VALUE}).")
    List<Double> floors;

    @Override
    public Integer call() {
        var semdex = root.context().semdex();
        TopicCorpus topics = TopicCorpus.read(corpus, perSubject);
        List<String> ids = models != null ? models : semdex.catalog().all().stream()
                .filter(m -> m.source() == ModelSource.BUNDLED).map(ModelSpec::id).toList();
        if (none) {
            return noneOfThese(semdex, topics, ids);
        }
        List<LabelsEvaluator.Row> rows = new ArrayList<>();
        if (!json) {
            System.out.printf(Locale.ROOT, "%d abstracts, per subject %s; %d confirmable per label, the rest tested; "
                    + "mean of %d draws.%n%n", topics.docs().size(), LabelsEvaluator.counts(topics),
                    LabelsEvaluator.CONFIRMABLE, seeds);
            System.out.println("| Model | Test files | 0 confirmed | 3 confirmed | 10 confirmed |");
            System.out.println("|---|---|---|---|---|");
        }
        for (String id : ids) {
            LabelsEvaluator.Row row = LabelsEvaluator.evaluate(topics, semdex.embedder(id), List.of(0, 3, 10), seeds);
            rows.add(row);
            if (!json) {
                System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n", id, row.testFiles(),
                        row.accuracy().get(0), row.accuracy().get(3), row.accuracy().get(10));
            }
        }
        if (json) {
            System.out.println(Json.write(rows));
        }
        return 0;
    }

    private int noneOfThese(dev.semdex.Semdex semdex, TopicCorpus topics, List<String> ids) {
        List<LabelsEvaluator.NoneRow> rows = new ArrayList<>();
        if (!json) {
            System.out.printf(Locale.ROOT, "%d abstracts, per subject %s; labels from their descriptions, confidence "
                    + "%.2f.%n%n", topics.docs().size(), LabelsEvaluator.counts(topics),
                    dev.semdex.labels.LabelThresholds.DEFAULT.confidence());
            System.out.println("| Model | Labels | Floor | other subjects' files with none | named subjects' files "
                    + "with their label |");
            System.out.println("|---|---|---|---|---|");
        }
        for (String id : ids) {
            for (LabelsEvaluator.NoneRow row : LabelsEvaluator.noneOfThese(topics, semdex.embedder(id),
                    List.of(1, 2, 5), floors)) {
                rows.add(row);
                if (!json) {
                    System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.3f | %.3f |%n", id, row.labels(),
                            row.floorShare(), row.noneRight(), row.keptRight());
                }
            }
        }
        if (json) {
            System.out.println(Json.write(rows));
        }
        return 0;
    }
}
