package dev.semdex.lab.cli;

import dev.semdex.lab.Lab;
import dev.semdex.cli.Json;
import dev.semdex.cli.SemdexCommand;
import dev.semdex.SemdexException;
import dev.semdex.store.Judgements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "judge", description = "Mark files as relevant or not for a query, to measure models on your own "
        + "files ('semdex eval --judged'); without files, lists the judgements.")
final class JudgeCommand implements Callable<Integer> {

    @ParentCommand
    SemdexCommand root;

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "The query the files answer (or not).")
    List<String> words = new ArrayList<>();

    @Option(names = "--relevant", split = ",", paramLabel = "FILE", description = "Files that answer the query.")
    List<Path> relevant = new ArrayList<>();

    @Option(names = "--not-relevant", split = ",", paramLabel = "FILE", description = "Files that do not.")
    List<Path> notRelevant = new ArrayList<>();

    @Option(names = "--forget", split = ",", paramLabel = "FILE", description = "Forget the judgement of these files.")
    List<Path> forget = new ArrayList<>();

    @Option(names = "--json", description = "Print the judgements as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Judgements judgements = new Lab(root.context().semdex()).judgements();
        String query = Judgements.normalise(String.join(" ", words));
        boolean changes = !relevant.isEmpty() || !notRelevant.isEmpty() || !forget.isEmpty();
        if (changes) {
            if (query.isEmpty()) {
                throw new SemdexException("Give the query the files were judged for, e.g. "
                        + "semdex judge \"tax return 2023\" --relevant ~/Documents/tax.pdf");
            }
            relevant.forEach(p -> judgements.judge(query, indexedPath(p), true));
            notRelevant.forEach(p -> judgements.judge(query, indexedPath(p), false));
            forget.forEach(p -> judgements.forget(query, p.toAbsolutePath().normalize().toString()));
        }
        List<Judgements.Judgement> shown = judgements.all().stream()
                .filter(j -> query.isEmpty() || j.query().equals(query)).toList();
        if (json) {
            System.out.println(Json.write(shown));
            return 0;
        }
        if (shown.isEmpty()) {
            System.out.println("No judgements yet. Mark files with: semdex judge QUERY --relevant FILE "
                    + "[--not-relevant FILE]");
        }
        String last = null;
        for (Judgements.Judgement j : shown) {
            if (!j.query().equals(last)) {
                System.out.println(j.query());
                last = j.query();
            }
            System.out.println("  " + (j.relevant() ? "+ " : "- ") + j.path());
        }
        return 0;
    }

    private String indexedPath(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String path = absolute.toString();
        if (root.context().semdex().store().documents().find(path).isEmpty()) {
            throw new SemdexException(Files.exists(absolute) ? path + " is not in the index; index its folder first."
                    : path + " does not exist.");
        }
        return path;
    }
}
