package dev.semdex.ui.folders;

import dev.semdex.index.FolderService;
import dev.semdex.index.FolderStatus;
import dev.semdex.index.IndexListener;
import dev.semdex.index.IndexSummary;
import dev.semdex.index.SkippedDocument;
import dev.semdex.search.SearchService;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** The {@link FoldersPort} over the folder service. */
public final class SemdexFoldersPort implements FoldersPort {

    private final FolderService folders;
    private final SearchService search;
    private volatile Consumer<String> serverWait = message -> {};

    public SemdexFoldersPort(FolderService folders, SearchService search) {
        this.folders = folders;
        this.search = search;
    }

    @Override
    public void onServerWait(Consumer<String> listener) {
        this.serverWait = listener;
    }

    @Override
    public List<FolderStatus> folders() {
        return folders.all();
    }

    @Override
    public FolderStatus addFolder(Path folder) {
        return folders.add(folder);
    }

    @Override
    public FolderStatus setExclusions(Path folder, List<String> patterns) {
        return folders.setExclusions(folder, patterns);
    }

    @Override
    public void removeFolder(long folderId) {
        folders.remove(folderId);
    }

    @Override
    public IndexSummary index(Path folder, String modelId, IndexListener listener) {
        return folders.index(folder, modelId, listener, message -> serverWait.accept(message));
    }

    @Override
    public List<SkippedDocument> skipped() {
        return folders.skipped();
    }

    @Override
    public void indexChanged() {
        search.invalidateAll();
    }
}
