package dev.semdex.search;

import dev.semdex.SemdexException;
import dev.semdex.store.IndexStore;
import dev.semdex.store.StoredChunk;
import dev.semdex.store.StoredFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a search can be narrowed to and what a result opens onto: the indexed folders and file types for the
 * filters, the models with vectors, and a passage with its surroundings for the preview.
 */
public final class SearchChoices {

    private final IndexStore store;
    private final SearchModels models;

    public SearchChoices(IndexStore store, SearchModels models) {
        this.store = store;
        this.models = models;
    }

    public List<Path> folders() {
        return store.folders().all().stream().map(StoredFolder::path).toList();
    }

    /** Extensions of the indexed files, most common first. */
    public List<String> fileTypes() {
        return store.documents().fileExtensions();
    }

    /** Model ids with vectors in the index, {@code preferred} first; just {@code preferred} for an empty index. */
    public List<String> models(String preferredId) {
        String preferred = models.canonicalId(preferredId);
        List<String> out = new ArrayList<>();
        store.status().vectorCounts().forEach((id, count) -> {
            if (count > 0) {
                out.add(id);
            }
        });
        if (out.remove(preferred) || out.isEmpty()) {
            out.add(0, preferred);
        }
        return out;
    }

    /** The chunk with the non-overlapping parts of its neighbours before and after it. */
    public Passage passage(long chunkId) {
        StoredChunk chunk = store.chunks().find(chunkId)
                .orElseThrow(() -> new SemdexException("This passage is no longer in the index; search again."));
        String before = "";
        String after = "";
        for (StoredChunk n : store.chunks().neighbours(chunk)) {
            if (n.ordinal() < chunk.ordinal()) {
                before = n.text().substring(0, clamp(chunk.start() - n.start(), n.text().length()));
            } else {
                after = n.text().substring(clamp(chunk.end() - n.start(), n.text().length()));
            }
        }
        return new Passage(chunk.path(), chunk.page(), before, chunk.text(), after);
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(value, max));
    }
}
