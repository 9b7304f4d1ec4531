package dev.semdex.similar;

/**
 * The passage of a result closest to a passage of the source: why the result is there, shown side by side.
 *
 * @param sourceStart offset of the source passage in the source's text
 * @param start       offset of the result's passage in its file's extracted text
 * @param page        1-based page of the result's passage, 0 where the format has no pages
 * @param score       cosine of the two passages' vectors
 */
public record ClosestPair(int sourceOrdinal, String sourceText, int sourceStart, int sourceEnd, long chunkId,
        String text, int start, int end, int page, double score) {}
