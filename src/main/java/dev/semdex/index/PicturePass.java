package dev.semdex.index;

import dev.semdex.SemdexException;
import dev.semdex.embed.PictureEmbedder;
import dev.semdex.store.IndexStore;
import dev.semdex.store.PictureTable;
import dev.semdex.store.StoredFolder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of a folder's run with a two-tower model: the image tower embeds every image file of the folder
 * that has no vector of the model yet (new, changed, or never embedded), one file per transaction, so a stopped run
 * keeps what it did. The text of the same images went through the run's first two phases like any file's; the
 * picture's vector is what lets a query find a photo with no text in it.
 */
final class PicturePass {

    private static final Logger LOG = LoggerFactory.getLogger(PicturePass.class);

    private final IndexStore store;
    private final PictureEmbedder model;
    private final IndexListener listener;

    PicturePass(IndexStore store, PictureEmbedder model, IndexListener listener) {
        this.store = store;
        this.model = model;
        this.listener = listener;
    }

    /** Embeds the folder's waiting pictures; pause and cancel act between files. Returns how many it embedded. */
    int embedWaiting(StoredFolder folder) {
        String modelId = model.model().id();
        List<PictureTable.Waiting> waiting = store.pictures().waiting(folder.id(), modelId);
        long start = System.nanoTime();
        int done = 0;
        int embedded = 0;
        for (PictureTable.Waiting picture : waiting) {
            Indexer.pauseOrCancel(listener);
            Path file = Path.of(picture.path());
            try {
                store.pictures().save(picture.documentId(), modelId, picture.contentHash(), model.embedPicture(file));
                embedded++;
            } catch (SemdexException e) {
                // The file keeps its text (if any); the next run tries its picture again.
                LOG.warn("Picture of {} not embedded with {}: {}", file, modelId, e.getMessage());
            }
            done++;
            listener.progress(new IndexProgress(done, waiting.size(), 0, embedded, file,
                    Duration.ofNanos(System.nanoTime() - start)));
        }
        return embedded;
    }
}
