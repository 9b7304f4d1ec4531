package dev.semdex.store;

import dev.semdex.chunk.Chunk;
import java.util.List;
import java.util.Map;

/**
 * Everything that is written for one indexed file, in one transaction.
 *
 * @param textHashes  one per chunk, in order
 * @param newVectors  vectors not yet stored for this model, keyed by {@link HashKey} of the chunk text
 * @param title       what the file calls itself, empty if nothing
 * @param extraction  the version of the text extraction that read the file (see {@code Indexer.EXTRACTION})
 * @param listing     whether the file has almost no text of its own (a table of contents, a redirect)
 */
public record DocumentWrite(long folderId, String path, long size, long modifiedMillis, String contentHash,
        String mediaType, String modelId, String profile, List<Chunk> chunks, List<byte[]> textHashes,
        Map<HashKey, float[]> newVectors, String title, int extraction, boolean listing) {

    public DocumentWrite {
        title = title == null ? "" : title;
    }

    /** A file without a title, written by a way of reading files that has no version (benchmarks, evaluations). */
    public DocumentWrite(long folderId, String path, long size, long modifiedMillis, String contentHash,
            String mediaType, String modelId, String profile, List<Chunk> chunks, List<byte[]> textHashes,
            Map<HashKey, float[]> newVectors) {
        this(folderId, path, size, modifiedMillis, contentHash, mediaType, modelId, profile, chunks, textHashes,
                newVectors, "", 0, false);
    }
}
