package dev.semdex.lab.compare;

import dev.semdex.search.SearchResult;
import java.util.List;

/**
 * A model's ranking with cheaper vectors, set against its full ranking: the storage it saves and how much of the
 * full top k it keeps. {@code exact} tells whether shortening is exact (Matryoshka-trained) or an approximation.
 */
public record VariantRanking(String modelId, VectorVariant variant, boolean exact, long indexBytes,
        double storageSaved, double overlap, double rbo, double searchMillis, List<SearchResult> results) {}
