package dev.semdex.store;

/** A keyword match: the chunk, its file, and its BM25 score (positive, larger is better). */
public record ChunkHit(long chunkId, long documentId, float score) {}
