package dev.semdex.store;

/** What the whole index holds: indexed files, files that could not be indexed, and chunks of every profile. */
public record IndexCounts(long documents, long skipped, long chunks) {}
