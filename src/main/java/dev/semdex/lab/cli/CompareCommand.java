package dev.semdex.lab.cli;

import dev.semdex.lab.Lab;
import dev.semdex.cli.FilterOptions;
import dev.semdex.cli.Json;
import dev.semdex.cli.OllamaCommand;
import dev.semdex.cli.SemdexCommand;
import dev.semdex.lab.compare.CompareRequest;
import dev.semdex.lab.compare.Comparison;
import dev.semdex.lab.compare.ModelRanking;
import dev.semdex.lab.compare.PairAgreement;
import dev.semdex.lab.compare.VariantRanking;
import dev.semdex.lab.compare.VectorVariant;
import dev.semdex.search.SearchResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "compare", description = "Rank one query with several models side by side, with their agreement, "
        + "vector sizes and timings; optionally with shortened or quantised vectors.")
final class CompareCommand implements Callable<Integer> {

    @ParentCommand
    SemdexCommand root;

    @Mixin
    OllamaCommand.Options ollama = new OllamaCommand.Options();

    @Mixin
    VariantOptions variantOptions = new VariantOptions();

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "What you are looking for.")
    List<String> words;

    @Option(names = "--models", split = ",", required = true, paramLabel = "ID",
            description = "Models to compare, comma-separated; each must have indexed the folders.")
    List<String> models;

    @Option(names = "-k", paramLabel = "N", defaultValue = "10", description = "Files per model (default: ${DEFAULT-VALUE}).")
    int k;

    @picocli.CommandLine.Mixin
    FilterOptions filterOptions = new FilterOptions();

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Override
    public Integer call() {
        var semdex = root.context().semdex();
        List<String> ids = ollama.applyAll(root.context(), models);
        List<VectorVariant> variants = new ArrayList<>();
        if (variantOptions.any()) {
            for (String id : ids) {
                variants.addAll(variantOptions.variants(semdex.search().vectorIndex(id).dimension()));
            }
        }
        Comparison c = new Lab(semdex).compare().compare(new CompareRequest(String.join(" ", words), ids, k,
                filterOptions.filter(),
                List.copyOf(new LinkedHashSet<>(variants))));
        if (json) {
            System.out.println(Json.write(c));
            return 0;
        }
        print(c);
        return 0;
    }

    private static void print(Comparison c) {
        Map<String, String> letters = new LinkedHashMap<>();
        for (ModelRanking m : c.models()) {
            letters.put(m.modelId(), String.valueOf((char) ('A' + letters.size())));
        }
        System.out.printf("Query: %s (top %d files, vector search)%n", c.query(), c.k());
        for (ModelRanking m : c.models()) {
            System.out.printf(Locale.ROOT, "%n%s  %s: %d dimensions, %,d B/vector, %,d vectors, %.1f MB; "
                            + "query embedded in %.1f ms, searched in %.1f ms%n", letters.get(m.modelId()),
                    m.modelId(), m.dimension(), m.bytesPerVector(), m.vectors(), m.vectorBytes() / 1e6,
                    m.embedMillis(), m.searchMillis());
            if (m.results().isEmpty()) {
                System.out.println("   (no results)");
            }
            for (SearchResult r : m.results()) {
                System.out.printf(Locale.ROOT, "%3d. %.4f  %s%s%n", r.rank(), r.score(), r.path(),
                        alsoIn(c, m.modelId(), r.path(), letters));
            }
        }
        if (!c.pairs().isEmpty()) {
            System.out.printf("%nAgreement between models (overlap@%d: shared files; RBO: rank-biased overlap, "
                    + "weighting the top)%n", c.k());
            for (PairAgreement p : c.pairs()) {
                System.out.printf(Locale.ROOT, "  %s–%s  overlap %.2f  RBO %.3f   (%s vs %s)%n",
                        letters.get(p.modelA()), letters.get(p.modelB()), p.overlap(), p.rbo(), p.modelA(),
                        p.modelB());
            }
        }
        if (!c.variants().isEmpty()) {
            System.out.printf("%nCheaper vectors, against each model's full vectors%n");
            System.out.printf("  %-28s %-12s %-7s %10s %7s %8s %7s %10s%n", "model", "form", "dims", "index MB",
                    "saved", "overlap", "RBO", "search ms");
            for (VariantRanking v : c.variants()) {
                System.out.printf(Locale.ROOT, "  %-28s %-12s %-7s %10.2f %6.0f%% %8.2f %7.3f %10.2f%n",
                        v.modelId(), v.variant().label(), v.exact() ? "exact" : "approx", v.indexBytes() / 1e6,
                        v.storageSaved() * 100, v.overlap(), v.rbo(), v.searchMillis());
            }
        }
    }

    /** Where the other models rank the same file, e.g. "  [B2 C7]". */
    private static String alsoIn(Comparison c, String modelId, String path, Map<String, String> letters) {
        List<String> marks = new ArrayList<>();
        c.otherRanks(modelId, path).forEach((other, rank) -> marks.add(letters.get(other) + rank));
        return marks.isEmpty() ? "" : "  [" + String.join(" ", marks) + "]";
    }
}
