package dev.semdex.lab.eval;

import dev.semdex.SemdexException;
import dev.semdex.search.SearchFilter;
import dev.semdex.search.SearchMode;
import dev.semdex.search.SearchRequest;
import dev.semdex.search.SearchResult;
import dev.semdex.search.SearchService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures search on a folder the user indexed, against questions with known answers, through the very search the
 * window uses; so a user can check Semdex (and compare models) on their own files, not only on benchmark text.
 */
public final class FolderEvaluator {

    private static final int DEPTH = 10;

    private final SearchService search;

    public FolderEvaluator(SearchService search) {
        this.search = search;
    }

    public FolderResult evaluate(QueryFile questions, Path folder, Set<String> indexedPaths, String modelId,
            SearchMode mode) {
        Path root = folder.toAbsolutePath().normalize();
        for (QueryFile.Question q : questions.questions()) {
            for (String relevant : q.relevant()) {
                if (!indexedPaths.contains(root.resolve(relevant).toString())) {
                    throw new SemdexException("'" + relevant + "' (for \"" + q.query() + "\") is not an indexed file in "
                            + root + ".");
                }
            }
        }
        double success1 = 0;
        double success3 = 0;
        double mrr = 0;
        double ndcg = 0;
        long nanos = 0;
        List<FolderResult.Miss> misses = new ArrayList<>();
        for (QueryFile.Question q : questions.questions()) {
            long t0 = System.nanoTime();
            List<SearchResult> results = search.search(new SearchRequest(q.query(), modelId, mode, DEPTH,
                    new SearchFilter(root, null)));
            nanos += System.nanoTime() - t0;
            List<String> ranking = results.stream().map(r -> relative(root, r.path())).toList();
            Map<String, Integer> judged = new HashMap<>();
            q.relevant().forEach(p -> judged.put(p, 1));
            double rr = RankingMetrics.reciprocalRank(ranking, judged, DEPTH);
            success1 += rr == 1 ? 1 : 0;
            success3 += rr >= 1.0 / 3 ? 1 : 0;
            mrr += rr;
            ndcg += RankingMetrics.ndcg(ranking, judged, DEPTH);
            if (rr < 1) {
                misses.add(new FolderResult.Miss(q.query(), rr == 0 ? 0 : (int) Math.round(1 / rr),
                        ranking.isEmpty() ? "" : ranking.get(0)));
            }
        }
        int n = questions.questions().size();
        return new FolderResult(questions.name(), modelId, mode.label(), n, success1 / n, success3 / n, mrr / n,
                ndcg / n, nanos / 1e6 / n, List.copyOf(misses));
    }

    private static String relative(Path root, String path) {
        Path p = Path.of(path);
        return p.startsWith(root) ? root.relativize(p).toString().replace('\\', '/') : path;
    }
}
