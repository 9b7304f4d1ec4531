package dev.semdex.store;

import dev.semdex.chunk.Chunk;
import java.util.List;
import java.util.Map;

/**
 * Everything that is written for one indexed file, in one transaction.
 *
 * @param textHashes  one per chunk, in order
 * @param newVectors  vectors not yet stored for this model, keyed by {@link HashKey} of the chunk text
 */
public record DocumentWrite(long folderId, String path, long size, long modifiedMillis, String contentHash,
        String mediaType, String modelId, String profile, List<Chunk> chunks, List<byte[]> textHashes,
        Map<HashKey, float[]> newVectors) {}
