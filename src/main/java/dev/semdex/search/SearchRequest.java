package dev.semdex.search;

/** A query as the user typed it, with the model, mode and number of files wanted. */
public record SearchRequest(String query, String modelId, SearchMode mode, int k) {}
