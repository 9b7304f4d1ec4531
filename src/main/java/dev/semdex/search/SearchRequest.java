package dev.semdex.search;

/** A query as the user typed it, with the model, mode, number of files wanted and an optional filter. */
public record SearchRequest(String query, String modelId, SearchMode mode, int k, SearchFilter filter) {

    public SearchRequest {
        filter = filter == null ? SearchFilter.NONE : filter;
    }

    public SearchRequest(String query, String modelId, SearchMode mode, int k) {
        this(query, modelId, mode, k, SearchFilter.NONE);
    }
}
