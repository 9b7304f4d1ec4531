package dev.semdex.cli;

import dev.semdex.SemdexException;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.similar.ClosestPair;
import dev.semdex.similar.SimilarAnswer;
import dev.semdex.similar.SimilarFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "similar", description = "Find the indexed files most like a file (indexed or not) or a text.")
final class SimilarCommand implements Callable<Integer> {

    @ParentCommand
    SemdexCommand root;

    @picocli.CommandLine.Mixin
    OllamaCommand.Options ollama = new OllamaCommand.Options();

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "The file to find others like.")
    Path file;

    @Option(names = "--text", paramLabel = "TEXT", description = "A text to find files like, instead of a file.")
    String text;

    @Option(names = "--model", paramLabel = "ID", description = "Model whose vectors to compare "
            + "(default: the model the index was built with; for a new index " + ModelCatalog.DEFAULT_MODEL + ").")
    String model;

    @Option(names = "-k", paramLabel = "N", defaultValue = "10", description = "Number of files (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if ((file == null) == (text == null)) {
            throw new SemdexException("Give either a FILE or --text TEXT to find files like it.");
        }
        var semdex = root.context().semdex();
        model = ollama.apply(root.context(), model != null ? model : semdex.models().defaultModel());
        semdex.catalog().require(model);
        SimilarAnswer answer = file != null ? semdex.similar().similarToFile(file, model, k)
                : semdex.similar().similarToText(text, model, k);
        if (json) {
            System.out.println(Json.write(toJson(answer)));
            return 0;
        }
        if (!answer.sourceCopies().isEmpty()) {
            System.out.println("Copies of " + answer.source().label() + " (left out): "
                    + String.join(", ", answer.sourceCopies()));
        }
        if (answer.files().isEmpty()) {
            System.out.println("No other files to compare with. Index a folder first with 'semdex index FOLDER'.");
        }
        for (SimilarFile f : answer.files()) {
            ClosestPair pair = f.closest();
            System.out.printf(Locale.ROOT, "%2d. %.4f  %s%s%n", f.rank(), f.score(), f.path(),
                    pair.page() > 0 ? "  (page " + pair.page() + ")" : "");
            f.copies().forEach(copy -> System.out.println("      same content: " + copy));
            System.out.printf(Locale.ROOT, "      %.4f  this: %s%n", pair.score(), preview(pair.text()));
            System.out.println("             like: " + preview(pair.sourceText()));
        }
        return 0;
    }

    private static Map<String, Object> toJson(SimilarAnswer answer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", answer.modelId());
        m.put("source", answer.source().path() != null ? answer.source().path() : "text");
        m.put("sourceIndexed", answer.source().fromIndex());
        m.put("sourcePassages", answer.source().passageCount());
        m.put("sourceCopies", answer.sourceCopies());
        m.put("results", answer.files().stream().map(SimilarCommand::toJson).toList());
        return m;
    }

    private static Map<String, Object> toJson(SimilarFile f) {
        ClosestPair pair = f.closest();
        Map<String, Object> closest = new LinkedHashMap<>();
        closest.put("score", pair.score());
        closest.put("text", pair.text());
        closest.put("start", pair.start());
        closest.put("end", pair.end());
        closest.put("page", pair.page());
        closest.put("sourceText", pair.sourceText());
        closest.put("sourceStart", pair.sourceStart());
        closest.put("sourceEnd", pair.sourceEnd());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", f.rank());
        m.put("path", f.path());
        m.put("score", f.score());
        m.put("copies", f.copies());
        m.put("closest", closest);
        return m;
    }

    private static String preview(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "…";
    }
}
