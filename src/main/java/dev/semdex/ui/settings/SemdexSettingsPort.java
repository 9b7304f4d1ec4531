package dev.semdex.ui.settings;

import dev.semdex.extract.Tesseract;
import dev.semdex.models.OllamaSetup;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The {@link SettingsPort} over the core. */
public final class SemdexSettingsPort implements SettingsPort {

    private final Supplier<List<String>> offlineModels;

    /** @param offlineModels the model service's offline model ids (it opens the model folder, so asked late) */
    public SemdexSettingsPort(Supplier<List<String>> offlineModels) {
        this.offlineModels = offlineModels;
    }

    @Override
    public List<String> offlineModels() {
        return offlineModels.get();
    }

    @Override
    public OllamaSetup.Check checkOllama(OllamaSetup.Server server, String model) {
        return OllamaSetup.check(server, model);
    }

    @Override
    public void pullOllamaModel(OllamaSetup.Server server, String model,
            Consumer<OllamaSetup.PullProgress> progress) {
        OllamaSetup.pull(server, model, progress);
    }

    @Override
    public OcrSetup ocrSetup(String folder) {
        Tesseract tesseract = Tesseract.find(folder);
        return tesseract == null ? new OcrSetup(false, List.of())
                : new OcrSetup(true, tesseract.languages().stream().sorted().toList());
    }
}
