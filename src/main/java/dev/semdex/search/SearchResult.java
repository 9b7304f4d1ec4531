package dev.semdex.search;

/**
 * One file in the result list, represented by its best passage.
 *
 * @param start  offset of the passage in the file's extracted text
 * @param page   1-based page of the passage, 0 where the format has no pages
 */
public record SearchResult(int rank, String path, double score, long chunkId, String chunkText, int start, int end,
        int page) {}
