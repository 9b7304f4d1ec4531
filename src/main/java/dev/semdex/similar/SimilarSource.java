package dev.semdex.similar;

import java.util.List;

/**
 * What more-like-this starts from: a file (indexed or read now) or a piece of text, cut into passages with vectors.
 *
 * @param path        the file's path, null for text
 * @param documentId  the file's id in the index, -1 when it is not indexed
 * @param contentHash the file's content hash, null for text: files with the same one are copies
 * @param passageCount how many passages the source has; {@code passages} may be an even sample of them
 * @param fromIndex   true when the vectors came from the index, false when the source was embedded now
 */
public record SimilarSource(String path, long documentId, String contentHash, List<SourcePassage> passages,
        int passageCount, boolean fromIndex) {

    public SimilarSource {
        passages = List.copyOf(passages);
    }

    /** How a result list names the source: its file name or "the text". */
    public String label() {
        return path == null ? "the text" : java.nio.file.Path.of(path).getFileName().toString();
    }
}
