package dev.semdex.extract;

import java.nio.file.Path;

/**
 * A file the scanner found worth indexing. Size and modification time come from the same stat call as the walk, so
 * the indexer can tell an unchanged file without touching it again.
 *
 * @param path           the file's path under the scanned root (not resolved through symbolic links), absolute
 * @param size           size in bytes at scan time
 * @param modifiedMillis last-modified time in epoch milliseconds at scan time
 */
public record ScannedFile(Path path, long size, long modifiedMillis) {
}
