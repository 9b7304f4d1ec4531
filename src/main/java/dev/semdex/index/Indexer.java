package dev.semdex.index;

import dev.semdex.SemdexException;
import dev.semdex.chunk.Chunk;
import dev.semdex.chunk.Chunker;
import dev.semdex.embed.Embedder;
import dev.semdex.extract.ExtractedText;
import dev.semdex.extract.ExtractionException;
import dev.semdex.extract.FolderScanner;
import dev.semdex.extract.ScanOptions;
import dev.semdex.extract.ScannedFile;
import dev.semdex.extract.SkipReasons;
import dev.semdex.extract.TextExtractor;
import dev.semdex.store.DocumentWrite;
import dev.semdex.store.HashKey;
import dev.semdex.store.Hashes;
import dev.semdex.store.IndexStore;
import dev.semdex.store.StoredDocument;
import dev.semdex.store.StoredFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Brings the index of some folders up to date for one model. Unchanged files are recognised by size and time
 * alone, touched files by their content hash; a file's chunks and vectors are written in one transaction, so an
 * interrupted run resumes where it stopped. Extraction of the next files runs while the current one is embedded.
 */
public final class Indexer {

    private static final int PREFETCH = 4;

    private final IndexStore store;
    private final TextExtractor extractor;
    private final FolderScanner scanner;
    private final ScanOptions baseScanOptions;

    public Indexer(IndexStore store, TextExtractor extractor, FolderScanner scanner, ScanOptions scanOptions) {
        this.store = store;
        this.extractor = extractor;
        this.scanner = scanner;
        this.baseScanOptions = scanOptions;
    }

    /** Indexes the folders with the embedder's model; blocks; interrupting the thread cancels after the current file. */
    public IndexSummary index(List<Path> folders, Embedder embedder, IndexListener listener) {
        Run run = new Run(embedder, listener);
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new SemdexException("Not a folder: " + folder);
            }
        }
        for (Path folder : folders) {
            run.folder(store.addFolder(folder, store.folder(folder).map(StoredFolder::exclusions).orElse(List.of())));
        }
        store.deleteUnusedEmbeddings();
        return run.summary();
    }

    /** Everything one run tracks; a new one per call keeps the indexer itself stateless. */
    private final class Run {
        private final Embedder embedder;
        private final IndexListener listener;
        private final String modelId;
        private final String profile;
        private final Chunker chunker;
        private final long startNanos = System.nanoTime();
        private final List<IndexSummary.SkippedEntry> skipped = new ArrayList<>();
        private int seen;
        private int indexed;
        private int unchanged;
        private int deleted;
        private int done;
        private int total;
        private long chunks;
        private long embedded;
        private long reused;

        Run(Embedder embedder, IndexListener listener) {
            this.embedder = embedder;
            this.listener = listener;
            this.modelId = embedder.model().id();
            this.profile = embedder.model().chunkProfile();
            int size = Math.min(embedder.model().chunkTokens(), embedder.maxPassageTokens());
            this.chunker = new Chunker(embedder.tokenizer(), size);
            store.registerModel(modelId, embedder.dimension(), profile);
        }

        void folder(StoredFolder folder) {
            Map<String, StoredDocument> known = new HashMap<>();
            store.forEachDocument(folder.id(), d -> known.put(d.path(), d));
            Set<String> complete = store.indexedPaths(folder.id(), modelId);
            List<ScannedFile> todo = new ArrayList<>();
            ScanOptions options = baseScanOptions.withExclusionPatterns(folder.exclusions());
            scanner.scan(folder.path(), options, file -> {
                seen++;
                String key = file.path().toString();
                StoredDocument doc = known.remove(key);
                // A file skipped for its content is not read again until it changes; one that could not be read
                // (permissions) is, since a chmod changes neither its size nor its time.
                if (doc != null && doc.size() == file.size() && doc.modifiedMillis() == file.modifiedMillis()
                        && (doc.skipped() ? !SkipReasons.mayPassLater(doc.error()) : complete.contains(key))) {
                    unchanged++;
                    if (doc.skipped()) {
                        skipped.add(new IndexSummary.SkippedEntry(key, doc.error()));
                    }
                } else {
                    todo.add(file);
                }
            }, skip -> {
                String key = skip.path().toString();
                StoredDocument doc = known.remove(key);
                seen++;
                if (doc == null || !skip.reason().equals(doc.error())) {
                    store.saveSkipped(folder.id(), key, sizeOf(skip.path()), modifiedOf(skip.path()), skip.reason());
                }
                skip(key, skip.reason());
            });
            listener.scanned(folder.path(), seen);
            for (StoredDocument gone : known.values()) {
                store.deleteDocument(gone.id());
                if (!gone.skipped()) {
                    deleted++; // a skipped file was never searchable, so its entry going is no removal for the user
                }
            }
            total += todo.size();
            process(folder, todo);
            store.markFolderIndexed(folder.id());
        }

        private void process(StoredFolder folder, List<ScannedFile> files) {
            ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "semdex-extract");
                t.setDaemon(true);
                return t;
            });
            BlockingQueue<Future<Prepared>> queue = new ArrayBlockingQueue<>(PREFETCH);
            try {
                int next = 0;
                while (next < files.size() || !queue.isEmpty()) {
                    while (next < files.size() && queue.remainingCapacity() > 0) {
                        ScannedFile file = files.get(next++);
                        queue.add(reader.submit(() -> prepare(file)));
                    }
                    listener.checkpoint();
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("Indexing cancelled");
                    }
                    Prepared prepared = queue.remove().get();
                    store(folder, prepared);
                    done++;
                    listener.progress(new IndexProgress(done, total, chunks, embedded, prepared.file.path(),
                            Duration.ofNanos(System.nanoTime() - startNanos)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Indexing cancelled");
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new SemdexException("Indexing failed: " + e.getCause().getMessage(), e.getCause());
            } finally {
                reader.shutdownNow();
                try {
                    reader.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Off the embedding thread: hash, extract and chunk one file. */
        private Prepared prepare(ScannedFile file) {
            String key = file.path().toString();
            try {
                String hash = Hashes.ofFile(file.path());
                StoredDocument doc = store.document(key).orElse(null);
                if (doc != null && hash.equals(doc.contentHash()) && store.isIndexedFor(doc.id(), modelId)) {
                    return Prepared.touched(file, doc.id());
                }
                ExtractedText text = extractor.extract(file.path());
                if (text.text().isBlank()) {
                    return Prepared.failed(file, "no text found");
                }
                List<Chunk> parts = chunker.chunk(text.text(), text.pageStarts(), text::pageAt);
                return Prepared.ready(file, hash, text.mediaType(), parts);
            } catch (ExtractionException e) {
                return Prepared.failed(file, e.getMessage());
            } catch (IOException e) {
                return Prepared.failed(file, SkipReasons.CANNOT_READ + ": " + e.getMessage());
            }
        }

        private void store(StoredFolder folder, Prepared p) {
            String key = p.file.path().toString();
            if (p.touchedDocument != null) {
                store.touchDocument(p.touchedDocument, p.file.size(), p.file.modifiedMillis());
                unchanged++;
                return;
            }
            if (p.failure != null) {
                store.saveSkipped(folder.id(), key, p.file.size(), p.file.modifiedMillis(), p.failure);
                skip(key, p.failure);
                return;
            }
            List<byte[]> hashes = new ArrayList<>(p.chunks.size());
            for (Chunk chunk : p.chunks) {
                hashes.add(Hashes.ofText(chunk.text()));
            }
            Set<HashKey> stored = store.storedVectors(modelId, hashes);
            Map<HashKey, String> missing = new LinkedHashMap<>();
            for (int i = 0; i < hashes.size(); i++) {
                HashKey hk = new HashKey(hashes.get(i));
                if (!stored.contains(hk)) {
                    missing.putIfAbsent(hk, p.chunks.get(i).text());
                }
            }
            List<float[]> vectors = embedder.embedPassages(List.copyOf(missing.values()));
            Map<HashKey, float[]> newVectors = new LinkedHashMap<>();
            int i = 0;
            for (HashKey hk : missing.keySet()) {
                newVectors.put(hk, vectors.get(i++));
            }
            store.saveIndexed(new DocumentWrite(folder.id(), key, p.file.size(), p.file.modifiedMillis(), p.hash,
                    p.mediaType, modelId, profile, p.chunks, hashes, newVectors));
            indexed++;
            chunks += p.chunks.size();
            embedded += missing.size();
            reused += p.chunks.size() - missing.size();
        }

        private void skip(String path, String reason) {
            skipped.add(new IndexSummary.SkippedEntry(path, reason));
            listener.skipped(Path.of(path), reason);
        }

        IndexSummary summary() {
            return new IndexSummary(seen, indexed, unchanged, deleted, chunks, embedded, reused, List.copyOf(skipped),
                    Duration.ofNanos(System.nanoTime() - startNanos));
        }
    }

    private record Prepared(ScannedFile file, String hash, String mediaType, List<Chunk> chunks, String failure,
            Long touchedDocument) {
        static Prepared ready(ScannedFile f, String hash, String mediaType, List<Chunk> chunks) {
            return new Prepared(f, hash, mediaType, chunks, null, null);
        }

        static Prepared failed(ScannedFile f, String reason) {
            return new Prepared(f, null, null, null, reason, null);
        }

        static Prepared touched(ScannedFile f, long documentId) {
            return new Prepared(f, null, null, null, null, documentId);
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long modifiedOf(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
