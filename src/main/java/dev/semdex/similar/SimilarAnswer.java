package dev.semdex.similar;

import java.util.List;

/**
 * The files most like a source, best first.
 *
 * @param sourceCopies indexed files with the source's content (or its passages): left out of the results
 */
public record SimilarAnswer(String modelId, SimilarSource source, List<String> sourceCopies,
        List<SimilarFile> files) {

    public SimilarAnswer {
        sourceCopies = List.copyOf(sourceCopies);
        files = List.copyOf(files);
    }
}
