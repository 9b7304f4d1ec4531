package dev.semdex.index;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An indexed folder as the user sees it in the folder list.
 *
 * @param lastIndexed null until a run over it finished
 * @param exclusions  the folder's own patterns (gitignore lines)
 * @param passagesByModel the passages each model of the index reads from the folder: models of one tokenizer and
 *                    length share them, others cut the files their own way
 */
public record FolderStatus(long id, Path path, long files, long skipped, long chunks, Instant lastIndexed,
        List<String> exclusions, Map<String, Long> passagesByModel) {

    public FolderStatus(long id, Path path, long files, long skipped, long chunks, Instant lastIndexed,
            List<String> exclusions) {
        this(id, path, files, skipped, chunks, lastIndexed, exclusions, Map.of());
    }
}
