package dev.semdex.extract;

import java.nio.file.Path;

/**
 * A file or folder the scanner left out for a reason the user may want to know (too large, unsupported, unreadable).
 * Files left out on purpose (hidden, ignored, build output) are not reported: they would only be noise.
 *
 * @param path   the file or folder under the scanned root, absolute
 * @param reason a short sentence for the user, such as "larger than 50 MB (73.2 MB)"
 */
public record SkippedFile(Path path, String reason) {
}
