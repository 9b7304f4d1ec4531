package dev.semdex.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A folder the user added, with its own exclusion patterns. */
public record StoredFolder(long id, Path path, List<String> exclusions, Instant addedAt, Instant lastIndexedAt) {}
