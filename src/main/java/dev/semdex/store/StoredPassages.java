package dev.semdex.store;

import dev.semdex.chunk.Chunk;
import java.util.List;

/**
 * A stored file's passages as a run wrote them before embedding them: enough to embed them later, in a run of its
 * own if the first one stopped in between.
 *
 * @param hashes one per chunk, in order: the keys their vectors are stored under
 */
public record StoredPassages(long documentId, String path, String title, List<Chunk> chunks, List<byte[]> hashes) {}
