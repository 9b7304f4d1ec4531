package dev.semdex.index;

/** A file the index keeps as skipped, with the reason the user reads (corrupt, too large, unsupported). */
public record SkippedDocument(String path, String reason) {}
