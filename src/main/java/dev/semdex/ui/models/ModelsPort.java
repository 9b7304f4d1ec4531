package dev.semdex.ui.models;

import dev.semdex.embed.DownloadListener;
import dev.semdex.models.InstalledModel;
import dev.semdex.models.ModelListing;
import dev.semdex.models.ModelService;
import java.nio.file.Path;

/**
 * What the model manager needs from the core. Every call blocks (the hub, the disk, loading a model), so the view
 * model calls them through a {@link dev.semdex.ui.common.TaskRunner}.
 */
public interface ModelsPort {

    ModelListing.Listing list();

    InstalledModel download(String id, DownloadListener listener);

    InstalledModel add(Path dir);

    ModelService.RemovedModel remove(String id);
}
