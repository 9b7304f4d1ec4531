package dev.semdex.ui.models;

import dev.semdex.Semdex;
import dev.semdex.embed.hub.DownloadListener;
import dev.semdex.embed.hub.ModelManager;
import dev.semdex.models.ModelListing;
import dev.semdex.models.ModelService;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** The model manager's {@link ModelsViewModel.Service} over the core. */
public final class SemdexModelService implements ModelsViewModel.Service {

    private final Semdex semdex;
    private final BooleanSupplier ollamaConfigured;

    /**
     * @param ollamaConfigured whether the user set up an Ollama server (only then is it asked for its models)
     */
    public SemdexModelService(Semdex semdex, BooleanSupplier ollamaConfigured) {
        this.semdex = semdex;
        this.ollamaConfigured = ollamaConfigured;
    }

    @Override
    public ModelListing.Listing list() {
        return semdex.models().listModels(ollamaConfigured.getAsBoolean());
    }

    @Override
    public ModelManager.Result download(String id, DownloadListener listener) {
        return semdex.models().modelManager().pull(id, null, listener);
    }

    @Override
    public ModelManager.Result add(Path dir) {
        return semdex.models().modelManager().add(dir, null, ModelManager.Overrides.NONE);
    }

    @Override
    public ModelService.RemovedModel remove(String id) {
        return semdex.models().removeModel(id);
    }
}
