package dev.semdex.store;

/** A stored chunk with its file's path: what showing a result needs without another query. */
public record StoredChunk(long id, long documentId, String path, int ordinal, String text, int start, int end,
        int page, String profile, String title, String heading, boolean listing) {}
