package dev.semdex.cli;

import dev.semdex.SemdexException;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.search.SearchAnswer;
import dev.semdex.search.SearchMode;
import dev.semdex.search.SearchRequest;
import dev.semdex.search.SearchResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "search", description = "Search the indexed folders.")
final class SearchCommand implements Callable<Integer> {

    @ParentCommand
    SemdexCommand root;

    @picocli.CommandLine.Mixin
    OllamaCommand.Options ollama = new OllamaCommand.Options();

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "What you are looking for.")
    List<String> words;

    @Option(names = "--model", paramLabel = "ID", description = "Model whose vectors to search "
            + "(default: the model the index was built with; for a new index " + ModelCatalog.DEFAULT_MODEL + ").")
    String model;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "hybrid",
            description = "hybrid, vector or keyword (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "-k", paramLabel = "N", defaultValue = "10", description = "Number of files (default: ${DEFAULT-VALUE}).")
    int k;

    @picocli.CommandLine.Mixin
    FilterOptions filterOptions = new FilterOptions();

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Override
    public Integer call() {
        SearchMode searchMode;
        try {
            searchMode = SearchMode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new SemdexException("Unknown mode '" + mode + "': use hybrid, vector or keyword.");
        }
        String query = String.join(" ", words);
        if (query.isBlank()) {
            throw new SemdexException("The query is empty: give the words to look for, e.g. semdex search "
                    + "\"how to publish a crate\".");
        }
        var semdex = root.context().semdex();
        model = ollama.apply(root.context(), model != null ? model : semdex.models().defaultModel());
        semdex.catalog().require(model);
        warnIfModelMissing(semdex, searchMode);
        SearchAnswer answer = semdex.search().answer(new SearchRequest(query, model, searchMode, k,
                filterOptions.filter()));
        List<SearchResult> results = answer.results();
        if (!answer.wordsOnlyNote().isEmpty()) {
            System.err.println(answer.wordsOnlyNote() + ".");
        }
        if (json) {
            System.out.println(Json.write(results.stream().map(SearchCommand::toJson).toList()));
            return 0;
        }
        if (results.isEmpty()) {
            System.out.println(semdex.store().status().counts().documents() == 0
                    ? "No results: nothing is indexed yet. Index a folder first with 'semdex index FOLDER'."
                    : "No results for \"" + query + "\". Try other words, or --mode vector to search by meaning.");
        }
        for (SearchResult r : results) {
            System.out.printf(Locale.ROOT, "%2d. %.4f  %s%s%n", r.rank(), r.score(), r.path(),
                    r.page() > 0 ? "  (page " + r.page() + ")" : "");
            System.out.println("      " + preview(r.chunkText()));
        }
        return 0;
    }

    private static Map<String, Object> toJson(SearchResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rank", r.rank());
        m.put("path", r.path());
        m.put("score", r.score());
        m.put("chunkText", r.chunkText());
        m.put("start", r.start());
        m.put("end", r.end());
        m.put("page", r.page());
        return m;
    }

    /** A model without vectors would silently rank by keywords alone; say so and how to fix it. */
    private void warnIfModelMissing(dev.semdex.Semdex semdex, SearchMode searchMode) {
        var inIndex = semdex.store().models().all().keySet();
        if (searchMode == SearchMode.KEYWORD || inIndex.isEmpty() || inIndex.contains(model)) {
            return;
        }
        System.err.printf(Locale.ROOT, "The index has no vectors of %s (it has %s), so these results are by keywords "
                + "only. Pass --model %s, or add the model with 'semdex index --model %s'.%n", model,
                String.join(", ", inIndex), inIndex.iterator().next(), model);
    }

    private static String preview(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }
}
