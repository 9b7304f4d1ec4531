package dev.semdex.lab.eval;

import dev.semdex.search.SearchMode;
import dev.semdex.search.SearchRequest;
import dev.semdex.search.SearchResult;
import dev.semdex.search.SearchService;
import dev.semdex.search.WeakMatches;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How well the window's "weaker matches" line ({@link WeakMatches}) separates answers from the rest, on a BEIR
 * dataset: for the dataset's own queries, the share of the judged answers in the shown list (50 files, as the
 * window shows) that fall above the line, how many files are above it and how often a query with answers is told
 * "no good match"; for queries from elsewhere, which the corpus cannot answer, how often it says "no good match".
 */
public final class WeakMatchCheck {

    /** As the window: 50 files. */
    static final int SHOWN = 50;

    /**
     * @param answeredKept   judged answers above the line / judged answers in the list
     * @param precisionAbove judged answers above the line / files above the line
     * @param meanAbove      files above the line per query
     * @param noGoodAnswered share of answerable queries told "no good match"
     * @param noGoodForeign  share of foreign queries told "no good match" (NaN without foreign queries)
     */
    public record Result(String model, String mode, double relative, int queries, double answeredKept, double precisionAbove,
            double meanAbove, double noGoodAnswered, int foreignQueries, double noGoodForeign) {}

    private WeakMatchCheck() {}

    public static Result run(BeirDataset dataset, SearchService search, String modelId, SearchMode mode,
            Collection<String> foreignQueries) {
        return run(dataset, search, modelId, mode, foreignQueries, Double.NaN);
    }

    /**
     * As {@link #run(BeirDataset, SearchService, String, SearchMode, Collection)} at another share of the top, on
     * the shown scores alone (a hybrid search's semantic half is not consulted).
     */
    public static Result run(BeirDataset dataset, SearchService search, String modelId, SearchMode mode,
            Collection<String> foreignQueries, double relative) {
        long answersInList = 0;
        long answersAbove = 0;
        long above = 0;
        int noGood = 0;
        int n = 0;
        for (Map.Entry<String, Map<String, Integer>> judged : dataset.qrels().entrySet()) {
            String query = dataset.queries().get(judged.getKey());
            if (query == null) {
                continue;
            }
            var answer = search.answer(new SearchRequest(query, modelId, mode, SHOWN));
            List<SearchResult> results = answer.results();
            int good = Double.isNaN(relative) ? answer.goodMatches() : answer.goodMatchesAt(relative);
            for (int i = 0; i < results.size(); i++) {
                Integer grade = judged.getValue().get(BeirEvaluator.documentId(results.get(i).path()));
                if (grade != null && grade > 0) {
                    answersInList++;
                    if (i < good) {
                        answersAbove++;
                    }
                }
            }
            above += good;
            noGood += good == 0 ? 1 : 0;
            n++;
        }
        int foreignNoGood = 0;
        for (String query : foreignQueries) {
            var answer = search.answer(new SearchRequest(query, modelId, mode, SHOWN));
            int good = Double.isNaN(relative) ? answer.goodMatches() : answer.goodMatchesAt(relative);
            foreignNoGood += good == 0 ? 1 : 0;
        }
        return new Result(modelId, mode.label(), relative, n, ratio(answersAbove, answersInList), ratio(answersAbove, above),
                n == 0 ? 0 : (double) above / n, n == 0 ? 0 : (double) noGood / n, foreignQueries.size(),
                foreignQueries.isEmpty() ? Double.NaN : (double) foreignNoGood / foreignQueries.size());
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
