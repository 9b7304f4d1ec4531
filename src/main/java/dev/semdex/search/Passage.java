package dev.semdex.search;

/**
 * A passage with the text around it, for the preview: the parts of its neighbours that it does not overlap.
 *
 * @param page 1-based, 0 where the format has no pages
 */
public record Passage(String path, int page, String before, String passage, String after) {}
