package dev.semdex.ui;

import dev.semdex.SemdexException;
import dev.semdex.index.FolderStatus;
import dev.semdex.index.IndexListener;
import dev.semdex.index.IndexProgress;
import dev.semdex.index.IndexSummary;
import dev.semdex.index.SkippedDocument;
import dev.semdex.search.Passage;
import dev.semdex.search.SearchRequest;
import dev.semdex.search.SearchResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import dev.semdex.ui.folders.FoldersPort;
import dev.semdex.ui.search.SearchPort;

/** The search and folder ports in memory: records calls and answers from fields the test sets. */
public final class FakeBackend implements SearchPort, FoldersPort {

    public final List<FolderStatus> folders = new ArrayList<>();
    public final List<SkippedDocument> skipped = new ArrayList<>();
    public final List<SearchRequest> searches = new ArrayList<>();
    /** Semantic and hybrid searches fail as if this embedding server were down; keyword search still works. */
    public String serverDown;
    public List<String> fileTypes = new ArrayList<>();
    public final List<String> indexed = new ArrayList<>();
    public List<String> models = List.of();
    public int filesPerFolder = 3;
    public String failIndexWith;
    public String failSearchWith;
    public int invalidations;
    /** Every file is already indexed and unchanged: {@link #index} finds nothing to do, as a re-check usually does. */
    public boolean unchanged;
    public final List<String> sentenceRequests = new ArrayList<>();
    /** Called after each progress report of {@link #index}, with the folder, while the run is still going. */
    public java.util.function.Consumer<Path> duringIndex = p -> {};
    /** Pages of a scan that the OCR stage reports reading during each run, one per file; 0 for none. */
    public int ocrPages;
    private long nextId = 1;

    @Override
    public List<FolderStatus> folders() {
        return List.copyOf(folders);
    }

    @Override
    public List<Path> indexedFolders() {
        return folders.stream().map(FolderStatus::path).toList();
    }

    @Override
    public FolderStatus addFolder(Path folder) {
        Path key = folder.toAbsolutePath().normalize();
        for (FolderStatus f : folders) {
            if (f.path().equals(key)) {
                return f;
            }
        }
        FolderStatus info = new FolderStatus(nextId++, key, 0, 0, 0, null, List.of());
        folders.add(info);
        return info;
    }

    @Override
    public FolderStatus setExclusions(Path folder, List<String> patterns) {
        Path key = folder.toAbsolutePath().normalize();
        folders.replaceAll(f -> f.path().equals(key) ? new FolderStatus(f.id(), f.path(), f.files(), f.skipped(),
                f.chunks(), f.lastIndexed(), List.copyOf(patterns)) : f);
        return folders.stream().filter(f -> f.path().equals(key)).findFirst().orElseThrow();
    }

    @Override
    public void removeFolder(long folderId) {
        folders.removeIf(f -> f.id() == folderId);
    }

    @Override
    public IndexSummary index(Path folder, String modelId, IndexListener listener) {
        indexed.add(folder.getFileName() + ":" + modelId);
        if (failIndexWith != null) {
            throw new SemdexException(failIndexWith);
        }
        listener.scanned(folder, filesPerFolder);
        if (unchanged) {
            return new IndexSummary(filesPerFolder, 0, filesPerFolder, 0, 0, 0, 0, List.of(), Duration.ofMillis(20));
        }
        for (int i = 1; i <= filesPerFolder; i++) {
            try {
                listener.checkpoint();
            } catch (InterruptedException e) {
                throw new CancellationException("cancelled");
            }
            listener.progress(ocrPages == 0
                    ? new IndexProgress(i, filesPerFolder, i * 2L, i * 2L, folder.resolve("f" + i + ".txt"),
                            Duration.ofSeconds(i))
                    : new IndexProgress(i, filesPerFolder, i * 2L, i * 2L, folder.resolve("f" + i + ".txt"),
                            Duration.ofSeconds(i), new IndexProgress.OcrPage(folder.resolve("scan.tiff"),
                                    Math.min(i, ocrPages), ocrPages), 0, 0));
            duringIndex.accept(folder);
        }
        folders.replaceAll(f -> f.path().equals(folder.toAbsolutePath().normalize())
                ? new FolderStatus(f.id(), f.path(), filesPerFolder, skipped.size(), filesPerFolder * 2L, Instant.now(),
                        f.exclusions())
                : f);
        List<IndexSummary.SkippedEntry> skips = skipped.stream()
                .map(s -> new IndexSummary.SkippedEntry(s.path(), s.reason())).toList();
        return new IndexSummary(filesPerFolder, filesPerFolder, 0, 0, filesPerFolder * 2L, filesPerFolder * 2L, 0,
                skips, Duration.ofSeconds(filesPerFolder));
    }

    @Override
    public List<SkippedDocument> skipped() {
        return List.copyOf(skipped);
    }

    @Override
    public List<String> searchableModels(String preferred) {
        List<String> out = new ArrayList<>(models);
        if (out.remove(preferred) || out.isEmpty()) {
            out.add(0, preferred);
        }
        return out;
    }

    @Override
    public List<String> fileTypes() {
        return List.copyOf(fileTypes);
    }

    /** What the next searches find instead of one file named after the query; null for that default. */
    public List<SearchResult> nextResults;
    /** The cosine scores of the next hybrid searches' semantic half; null: nothing has vectors. */
    public double[] nextSemanticHalf;

    @Override
    public dev.semdex.search.SearchAnswer search(SearchRequest request) {
        searches.add(request);
        if (serverDown != null && request.mode() != dev.semdex.search.SearchMode.KEYWORD) {
            throw new dev.semdex.embed.ServerUnavailableException("Cannot reach the Ollama server at " + serverDown
                    + ": connection refused.", serverDown, null);
        }
        if (failSearchWith != null) {
            throw new SemdexException(failSearchWith);
        }
        if (nextResults != null) {
            return new dev.semdex.search.SearchAnswer(request, nextResults, null, dev.semdex.search.WeakMatches
                    .goodCount(request.mode(), nextResults, nextSemanticHalf), 0, nextSemanticHalf);
        }
        return new dev.semdex.search.SearchAnswer(request, List.of(new SearchResult(1, "/docs/" + request.query()
                + ".txt", 0.9, 7, "about " + request.query(), 0, 10, 0)), null);
    }

    @Override
    public Passage passage(long chunkId) {
        return new Passage("/docs/x.txt", 0, "before ", "passage " + chunkId, " after");
    }

    @Override
    public java.util.Map<Long, dev.semdex.search.BestSentence.Span> bestSentences(
            dev.semdex.search.SearchAnswer answer, List<SearchResult> results) {
        String query = answer.request().query();
        sentenceRequests.add(results.size() + ":" + query);
        return dev.semdex.search.BestSentence.forResults(results, query, dev.semdex.search.SearchMode.KEYWORD, null,
                null);
    }

    @Override
    public void indexChanged() {
        invalidations++;
    }
}
