package dev.semdex.index;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * An indexed folder as the user sees it in the folder list.
 *
 * @param lastIndexed null until a run over it finished
 * @param exclusions  the folder's own patterns (gitignore lines)
 */
public record FolderStatus(long id, Path path, long files, long skipped, long chunks, Instant lastIndexed,
        List<String> exclusions) {}
