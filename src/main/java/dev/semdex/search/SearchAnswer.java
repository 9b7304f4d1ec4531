package dev.semdex.search;

import java.util.List;

/**
 * The files a search found, with the query's vector when the search embedded it: the best sentences of the results
 * and of a previewed file are scored against that same vector, so a query is embedded once however much of it the
 * window shows (with an Ollama model, one round trip instead of three).
 *
 * @param queryVector null for keyword search and for a model with no vectors in the index
 * @param goodMatches how many of the results are good matches, the rest weaker; 0: no good match
 *                    ({@link WeakMatches})
 */
public record SearchAnswer(SearchRequest request, List<SearchResult> results, float[] queryVector, int goodMatches) {

    /** An answer whose good matches are judged on its own scores ({@link WeakMatches}). */
    public SearchAnswer(SearchRequest request, List<SearchResult> results, float[] queryVector) {
        this(request, results, queryVector, WeakMatches.goodCount(request.mode(), results));
    }

    public static SearchAnswer empty(SearchRequest request) {
        return new SearchAnswer(request, List.of(), null);
    }
}
