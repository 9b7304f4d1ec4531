package dev.semdex.chunk;

/**
 * A passage of a document, small enough for the model. Offsets point into the extracted text so that the result
 * list can show the passage in context; {@code page} is 1-based, or 0 where the format has no pages.
 */
public record Chunk(int ordinal, String text, int start, int end, int page, int tokens) {}
