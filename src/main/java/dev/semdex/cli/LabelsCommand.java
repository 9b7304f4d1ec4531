package dev.semdex.cli;

import dev.semdex.SemdexException;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.labels.FileLabel;
import dev.semdex.labels.Label;
import dev.semdex.labels.LabelCount;
import dev.semdex.labels.LabelService;
import dev.semdex.labels.LabelThresholds;
import dev.semdex.labels.LabelledFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "labels", description = "Sort the indexed files into labels of your own; confirm or correct them.",
        subcommands = {LabelsCommand.Add.class, LabelsCommand.Edit.class, LabelsCommand.Remove.class,
                LabelsCommand.ListLabels.class, LabelsCommand.Assign.class, LabelsCommand.Correct.class,
                LabelsCommand.Export.class})
final class LabelsCommand implements Callable<Integer> {

    @ParentCommand
    SemdexCommand root;

    @Mixin
    Choice choice = new Choice();

    /** Without a subcommand: the labels and their counts, as {@code labels list}. */
    @Override
    public Integer call() {
        return ListLabels.print(this, choice);
    }

    LabelService service() {
        return root.context().semdex().labels();
    }

    /** Which model's vectors sort the files, and when a file gets no label. */
    static final class Choice {

        @Mixin
        OllamaCommand.Options ollama = new OllamaCommand.Options();

        @Option(names = "--model", paramLabel = "ID", description = "Model whose vectors sort the files "
                + "(default: the model the index was built with; for a new index " + ModelCatalog.DEFAULT_MODEL + ").")
        String model;

        @Option(names = "--threshold", paramLabel = "P", defaultValue = "0.5", description = "Least confidence "
                + "(the best label's share among the labels, 0 to 1) for a file to get a label "
                + "(default: ${DEFAULT-VALUE}).")
        double threshold;

        @Option(names = "--min-similarity", paramLabel = "COS", defaultValue = "0", description = "Least cosine "
                + "between a file and its label; below it the file is like none of them (default: ${DEFAULT-VALUE}, "
                + "off).")
        double minSimilarity;

        @Option(names = "--floor", paramLabel = "SHARE", defaultValue = "0.4", description = "Least place of a file "
                + "between the indexed files least (0) and most (1) like its label; below it the file is like none "
                + "of the labels (default: ${DEFAULT-VALUE}; 0 off).")
        double floor;

        String model(LabelsCommand labels) {
            var semdex = labels.root.context().semdex();
            String id = ollama.apply(labels.root.context(), model != null ? model : semdex.models().defaultModel());
            semdex.catalog().require(id);
            return id;
        }

        LabelledFiles classify(LabelsCommand labels) {
            if (labels.service().labels().isEmpty()) {
                throw new SemdexException("No labels yet. Add one with: semdex labels add NAME --words \"a few "
                        + "words\"");
            }
            return labels.service().classify(model(labels), new LabelThresholds(threshold, minSimilarity,
                    floor));
        }
    }

    @Command(name = "add", description = "Add a label: a name and a few words saying what belongs in it.")
    static final class Add implements Callable<Integer> {

        @ParentCommand
        LabelsCommand labels;

        @Parameters(paramLabel = "NAME", description = "The label's name.")
        String name;

        @Option(names = "--words", paramLabel = "WORDS", description = "What belongs in it, e.g. "
                + "\"bills, amounts due, payment terms\".")
        String words;

        @Override
        public Integer call() {
            Label label = new Label(name, words);
            labels.service().add(label);
            System.out.println("Added " + label.description());
            return 0;
        }
    }

    @Command(name = "edit", description = "Rename a label or change its words; what it learnt stays.")
    static final class Edit implements Callable<Integer> {

        @ParentCommand
        LabelsCommand labels;

        @Parameters(paramLabel = "NAME", description = "The label to change.")
        String name;

        @Option(names = "--name", paramLabel = "NEW", description = "Its new name.")
        String newName;

        @Option(names = "--words", paramLabel = "WORDS", description = "Its new words.")
        String words;

        @Override
        public Integer call() {
            LabelService service = labels.service();
            Label old = service.labels().stream().filter(l -> l.name().equalsIgnoreCase(name.strip())).findFirst()
                    .orElse(new Label(name, ""));
            Label changed = new Label(newName != null ? newName : old.name(), words != null ? words : old.words());
            service.edit(name, changed);
            System.out.println("Changed " + name.strip() + " to " + changed.description());
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a label and forget which files were confirmed as it.")
    static final class Remove implements Callable<Integer> {

        @ParentCommand
        LabelsCommand labels;

        @Parameters(paramLabel = "NAME", description = "The label to remove.")
        String name;

        @Override
        public Integer call() {
            labels.service().remove(name);
            System.out.println("Removed " + name.strip());
            return 0;
        }
    }

    @Command(name = "list", description = "The labels, with how many files each has and how many you confirmed.")
    static final class ListLabels implements Callable<Integer> {

        @ParentCommand
        LabelsCommand labels;

        @Mixin
        Choice choice = new Choice();

        @Override
        public Integer call() {
            return print(labels, choice);
        }

        static int print(LabelsCommand labels, Choice choice) {
            if (labels.service().labels().isEmpty()) {
                System.out.println("No labels yet. Add one with: semdex labels add NAME --words \"a few words\"");
                return 0;
            }
            LabelledFiles files = choice.classify(labels);
            for (LabelCount c : files.counts()) {
                System.out.printf(Locale.ROOT, "%-20s %5d files (%d confirmed)  %s%n", c.label().name(), c.files(),
                        c.confirmed(), c.label().words());
            }
            System.out.printf(Locale.ROOT, "%-20s %5d files%n", "(none)", files.unlabelled());
            return 0;
        }
    }

    @Command(name = "assign", description = "Confirm that a file has a label: the label learns from it.")
    static final class Assign implements Callable<Integer> {

        @ParentCommand
        LabelsCommand labels;

        @Parameters(index = "0", paramLabel = "FILE", description = "An indexed file.")
        Path file;

        @Parameters(index = "1", paramLabel = "LABEL", description = "Its label.")
        String label;

        @Override
        public Integer call() {
            labels.service().confirm(file, label);
            System.out.println("Confirmed " + file + " as " + label.strip());
            return 0;
        }
    }

    @Command(name = "correct", description = "Give a file the right label: the label it had learns it is not one.")
    static final class Correct implements Callable<Integer> {

        @ParentCommand
        LabelsCommand labels;

        @Mixin
        Choice choice = new Choice();

        @Parameters(index = "0", paramLabel = "FILE", description = "An indexed file.")
        Path file;

        @Parameters(index = "1", paramLabel = "LABEL", description = "Its right label.")
        String label;

        @Override
        public Integer call() {
            labels.service().correct(file, label, choice.model(labels));
            System.out.println("Corrected " + file + " to " + label.strip());
            return 0;
        }
    }

    @Command(name = "export", description = "Every indexed file's label as CSV: file,label,confidence.")
    static final class Export implements Callable<Integer> {

        @ParentCommand
        LabelsCommand labels;

        @Mixin
        Choice choice = new Choice();

        @Option(names = "--csv", paramLabel = "FILE", description = "Write to this file (default: print).")
        Path csv;

        @Override
        public Integer call() {
            String text = csv(choice.classify(labels));
            if (csv == null) {
                System.out.print(text);
                return 0;
            }
            try {
                Files.writeString(csv, text);
            } catch (IOException e) {
                throw new SemdexException("Cannot write " + csv + ": " + e.getMessage(), e);
            }
            System.out.println("Wrote the labels of " + (text.lines().count() - 1) + " files to " + csv);
            return 0;
        }

        static String csv(LabelledFiles files) {
            StringWriter out = new StringWriter();
            PrintWriter w = new PrintWriter(out);
            w.print("file,label,confidence\r\n");
            for (FileLabel f : files.files()) {
                w.print(cell(f.path()) + "," + cell(f.label() == null ? "" : f.label()) + ","
                        + String.format(Locale.ROOT, "%.4f", f.confidence()) + "\r\n");
            }
            w.flush();
            return out.toString();
        }

        /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
        private static String cell(String s) {
            return s.matches("(?s).*[\",\r\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }
    }
}
