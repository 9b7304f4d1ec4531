package dev.semdex.ui.similar;

import dev.semdex.similar.SimilarAnswer;
import java.nio.file.Path;

/**
 * What "More like this" needs from the core. Both methods block (reading the file, embedding it, scanning the
 * index), so the view model calls them through a {@link dev.semdex.ui.common.TaskRunner}.
 */
public interface SimilarPort {

    SimilarAnswer similarToFile(Path file, String modelId, int k);

    SimilarAnswer similarToText(String text, String modelId, int k);
}
