package dev.semdex.ui.settings;

import dev.semdex.models.OllamaSetup;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the settings window needs from the core. Every method blocks (the network, the model folder), so the view
 * model calls them through a {@link dev.semdex.ui.common.TaskRunner}.
 */
public interface SettingsPort {

    /** Model ids that work offline, for the default model of new indexing. */
    List<String> offlineModels();

    OllamaSetup.Check checkOllama(OllamaSetup.Server server, String model);

    void pullOllamaModel(OllamaSetup.Server server, String model, Consumer<OllamaSetup.PullProgress> progress);

    /** Finds Tesseract in {@code folder} (blank: on the PATH) and its installed languages; runs the program once. */
    OcrSetup ocrSetup(String folder);
}
