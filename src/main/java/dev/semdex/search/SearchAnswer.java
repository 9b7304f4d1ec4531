package dev.semdex.search;

import java.util.List;

/**
 * The files a search found, with the query's vector when the search embedded it: the best sentences of the results
 * and of a previewed file are scored against that same vector, so a query is embedded once however much of it the
 * window shows (with an Ollama model, one round trip instead of three).
 *
 * @param queryVector null for keyword search and for a model with no vectors in the index
 */
public record SearchAnswer(SearchRequest request, List<SearchResult> results, float[] queryVector) {

    public static SearchAnswer empty(SearchRequest request) {
        return new SearchAnswer(request, List.of(), null);
    }
}
