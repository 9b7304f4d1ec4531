package dev.semdex.ui.similar;

import dev.semdex.similar.SimilarAnswer;
import dev.semdex.similar.SimilarService;
import java.nio.file.Path;

/** The {@link SimilarPort} over the core's more-like-this service. */
public final class SemdexSimilarPort implements SimilarPort {

    private final SimilarService similar;

    public SemdexSimilarPort(SimilarService similar) {
        this.similar = similar;
    }

    @Override
    public SimilarAnswer similarToFile(Path file, String modelId, int k) {
        return similar.similarToFile(file, modelId, k);
    }

    @Override
    public SimilarAnswer similarToText(String text, String modelId, int k) {
        return similar.similarToText(text, modelId, k);
    }
}
