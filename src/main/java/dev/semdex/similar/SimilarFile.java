package dev.semdex.similar;

import java.util.List;

/**
 * One file like the source.
 *
 * @param score  how much of the source the file covers: the mean, over the source's passages, of each one's best
 *               cosine with a passage of this file
 * @param copies other files with the same content (or the same passages), grouped under this one
 */
public record SimilarFile(int rank, String path, double score, ClosestPair closest, List<String> copies) {

    public SimilarFile {
        copies = List.copyOf(copies);
    }
}
