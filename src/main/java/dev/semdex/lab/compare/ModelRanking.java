package dev.semdex.lab.compare;

import dev.semdex.search.SearchResult;
import java.util.List;

/**
 * One model's answer to the compared query, with what it costs: vector size, how much of the index its vectors
 * take, and how long the query took to embed and to search.
 */
public record ModelRanking(String modelId, int dimension, long bytesPerVector, long vectors, long vectorBytes,
        double embedMillis, double searchMillis, List<SearchResult> results) {

    public List<String> paths() {
        return results.stream().map(SearchResult::path).toList();
    }
}
