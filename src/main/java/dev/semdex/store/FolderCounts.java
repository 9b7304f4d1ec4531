package dev.semdex.store;

/** What the index holds from one folder. */
public record FolderCounts(long files, long skipped, long chunks) {}
