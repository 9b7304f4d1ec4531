package dev.semdex.similar;

/**
 * One passage of what more-like-this starts from, with its vector.
 *
 * @param start offset in the source's text (the file's extracted text, or the given text)
 * @param page  1-based, 0 where the format has no pages
 */
public record SourcePassage(int ordinal, String text, int start, int end, int page, float[] vector) {}
