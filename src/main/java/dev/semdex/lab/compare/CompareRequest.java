package dev.semdex.lab.compare;

import dev.semdex.search.SearchFilter;
import java.util.List;

/**
 * One query to rank with several models; {@code variants} lists cheaper vector forms (shortened, quantised) to
 * measure against each model's full vectors, skipping those longer than a model's vectors.
 */
public record CompareRequest(String query, List<String> modelIds, int k, SearchFilter filter,
        List<VectorVariant> variants) {

    public CompareRequest {
        modelIds = List.copyOf(modelIds);
        variants = variants == null ? List.of() : List.copyOf(variants);
        filter = filter == null ? SearchFilter.NONE : filter;
        if (modelIds.isEmpty()) {
            throw new IllegalArgumentException("no models to compare");
        }
    }
}
