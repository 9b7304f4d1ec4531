package dev.semdex.ui.models;

import dev.semdex.embed.DownloadListener;
import dev.semdex.models.InstalledModel;
import dev.semdex.models.ModelListing;
import dev.semdex.models.ModelService;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** The {@link ModelsPort} over the model service. */
public final class SemdexModelsPort implements ModelsPort {

    private final ModelService models;
    private final BooleanSupplier ollamaConfigured;

    /**
     * @param ollamaConfigured whether the user set up an Ollama server (only then is it asked for its models)
     */
    public SemdexModelsPort(ModelService models, BooleanSupplier ollamaConfigured) {
        this.models = models;
        this.ollamaConfigured = ollamaConfigured;
    }

    @Override
    public ModelListing.Listing list() {
        return models.listModels(ollamaConfigured.getAsBoolean());
    }

    @Override
    public InstalledModel download(String id, DownloadListener listener) {
        return models.download(id, listener);
    }

    @Override
    public InstalledModel add(Path dir) {
        return models.addFolder(dir);
    }

    @Override
    public ModelService.RemovedModel remove(String id) {
        return models.removeModel(id);
    }
}
