package dev.semdex.index;

import dev.semdex.SemdexException;
import dev.semdex.chunk.Chunk;
import dev.semdex.chunk.Chunker;
import dev.semdex.chunk.PassageContext;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.PictureEmbedder;
import dev.semdex.extract.ExtractedText;
import dev.semdex.extract.Extraction;
import dev.semdex.extract.ExtractionException;
import dev.semdex.extract.FolderScanner;
import dev.semdex.extract.OcrReader;
import dev.semdex.extract.PageThumbnails;
import dev.semdex.extract.ScanOptions;
import dev.semdex.extract.ScannedFile;
import dev.semdex.extract.ScannedPages;
import dev.semdex.extract.SkipReasons;
import dev.semdex.extract.TextExtractor;
import dev.semdex.store.DocumentWrite;
import dev.semdex.store.HashKey;
import dev.semdex.store.Hashes;
import dev.semdex.store.IndexStore;
import dev.semdex.store.StoredDocument;
import dev.semdex.store.StoredFolder;
import dev.semdex.store.StoredPassages;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Brings the index of some folders up to date for one model, in two phases per folder. The first reads every new
 * or changed file and writes its passages, without vectors, in one transaction per file: the whole folder answers
 * keyword search after a fraction of the time embedding takes. The second embeds the passages that lack vectors and
 * marks each file complete for the model in its own transaction, so a run stopped in either phase resumes where it
 * stopped and re-embeds nothing. Unchanged files are recognised by size and time alone, touched files by their
 * content hash. Several files are read at once, and the passages of several small files go to the model together,
 * so every embedding thread has work even when each file holds a single passage. Images and scanned PDF pages are
 * read by OCR in a stage of their own ({@link OcrStage}) while the other files go on.
 */
public final class Indexer {

    /**
     * The version of the way files are read into passages. Files read by an older one are read again by the next run
     * even if they did not change, so that improvements to reading reach existing indexes; a passage whose text (as
     * embedded) is unchanged keeps its vector. Version 1 added titles and heading paths, version 2 PDF outlines
     * (only PDFs are read again for it, see {@link ExtractionVersions}).
     */
    public static final int EXTRACTION = 2;
    private static final int PREFETCH = 8;
    private static final int MAX_PREFETCH = 64;
    /** Files read at once in the first phase: the model waits for the second, so reading may take every core. */
    private static final int READERS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    /** How often a run waiting for OCR reports which page it is on. */
    private static final long OCR_PROGRESS_MILLIS = 250;

    private final IndexStore store;
    private final TextExtractor extractor;
    private final FolderScanner scanner;
    private final ScanOptions baseScanOptions;
    private final OcrReader ocr;

    /** An indexer that reads no images: they are listed as skipped because OCR is off. */
    public Indexer(IndexStore store, TextExtractor extractor, FolderScanner scanner, ScanOptions scanOptions) {
        this(store, extractor, scanner, scanOptions, OcrReader.off());
    }

    public Indexer(IndexStore store, TextExtractor extractor, FolderScanner scanner, ScanOptions scanOptions,
            OcrReader ocr) {
        this.store = store;
        this.extractor = extractor;
        this.scanner = scanner;
        this.baseScanOptions = scanOptions.withImageSkipReason(ocr.unavailableReason());
        this.ocr = ocr;
    }

    /** Indexes the folders with the embedder's model; blocks; interrupting the thread cancels after the current file. */
    public IndexSummary index(List<Path> folders, Embedder embedder, IndexListener listener) {
        FolderPass run = new FolderPass(embedder, listener);
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new SemdexException("Not a folder: " + folder);
            }
        }
        for (Path folder : folders) {
            run.folder(store.folders().add(folder,
                    store.folders().find(folder).map(StoredFolder::exclusions).orElse(List.of())));
        }
        store.vectors().deleteUnused();
        return run.summary();
    }

    /** Everything one call of {@link #index} tracks; a new one per call keeps the indexer itself stateless. */
    private final class FolderPass {
        private final Embedder embedder;
        private final IndexListener listener;
        private final String modelId;
        private final String profile;
        private final Chunker chunker;
        private final PassageContext context;
        /** The run's model when it also embeds pictures (a two-tower model), else null. */
        private final PictureEmbedder pictures;
        /** Whether an image without text is kept as a picture rather than skipped: the index searches pictures. */
        private final boolean keepPictures;
        private final long startNanos = System.nanoTime();
        private final List<IndexSummary.SkippedEntry> skipped = new ArrayList<>();
        private int seen;
        private int indexed;
        private int unchanged;
        private int deleted;
        private int notDocuments;
        private int done;
        private int total;
        private long bytesDone;
        private long bytesTotal;
        private long chunks;
        private long embedded;
        private long reused;
        private final AtomicLong extractNanos = new AtomicLong();
        private final AtomicLong chunkNanos = new AtomicLong();
        private final AtomicLong ocrNanos = new AtomicLong();
        private final AtomicInteger ocrPages = new AtomicInteger();
        private OcrStage<Prepared> ocrStage;
        private long embedNanos;
        /** When the second phase began: its rates and time left are its own. */
        private long embeddingSince;
        private long storeNanos;

        FolderPass(Embedder embedder, IndexListener listener) {
            this.embedder = embedder;
            this.listener = listener;
            this.modelId = embedder.model().id();
            this.profile = embedder.model().chunkProfile();
            this.context = new PassageContext(embedder.tokenizer(), embedder.maxPassageTokens());
            int size = Math.min(embedder.model().chunkTokens(), context.passageTokens());
            this.chunker = new Chunker(embedder.tokenizer(), size);
            store.models().register(modelId, embedder.dimension(), profile);
            this.pictures = embedder instanceof PictureEmbedder p ? p : null;
            this.keepPictures = pictures != null || store.pictures().any();
        }

        void folder(StoredFolder folder) {
            Map<String, StoredDocument> known = new HashMap<>();
            store.documents().forEach(folder.id(), d -> known.put(d.path(), d));
            Set<String> complete = store.documents().indexedPaths(folder.id(), modelId);
            List<Pending> todo = new ArrayList<>();
            ScanOptions options = baseScanOptions.withExclusionPatterns(folder.exclusions());
            scanner.scan(folder.path(), options, file -> {
                seen++;
                String key = file.path().toString();
                StoredDocument doc = known.remove(key);
                // A file skipped for its content is not read again until it changes; one that could not be read
                // (permissions) is, since a chmod changes neither its size nor its time.
                boolean pictureToRead = pictures != null && doc != null && doc.skipped()
                        && PageThumbnails.isImage(file.path().getFileName().toString());
                if (doc != null && doc.size() == file.size() && doc.modifiedMillis() == file.modifiedMillis()
                        && !pictureToRead && (doc.skipped() ? !SkipReasons.mayPassLater(doc.error())
                                : complete.contains(key) && ExtractionVersions.isCurrent(doc))) {
                    unchanged++;
                    if (doc.skipped() && SkipReasons.isNotADocument(doc.error())) {
                        notDocuments++;
                    } else if (doc.skipped()) {
                        skipped.add(new IndexSummary.SkippedEntry(key, doc.error()));
                    }
                } else {
                    todo.add(new Pending(file, doc));
                }
            }, skip -> {
                String key = skip.path().toString();
                StoredDocument doc = known.remove(key);
                seen++;
                if (doc == null || !skip.reason().equals(doc.error())) {
                    store.documents().saveSkipped(folder.id(), key, sizeOf(skip.path()), modifiedOf(skip.path()),
                            skip.reason());
                }
                skip(key, skip.reason());
            });
            listener.scanned(folder.path(), seen);
            for (StoredDocument gone : known.values()) {
                store.documents().delete(gone.id());
                if (!gone.skipped()) {
                    deleted++; // a skipped file was never searchable, so its entry going is no removal for the user
                }
            }
            total += todo.size();
            for (Pending p : todo) {
                bytesTotal += p.file().size();
            }
            int before = indexed;
            process(folder, todo);
            listener.textsStored(folder.path(), indexed - before);
            embedWaiting(folder);
            if (pictures != null) {
                new PicturePass(store, pictures, listener).embedWaiting(folder);
            }
            store.folders().markIndexed(folder.id());
        }

        private void process(StoredFolder folder, List<Pending> files) {
            ExecutorService reader = Executors.newFixedThreadPool(READERS, r -> {
                Thread t = new Thread(r, "semdex-extract");
                t.setDaemon(true);
                return t;
            });
            // Enough files read ahead to fill a call: small files to several Ollama servers otherwise went out one
            // batch at a time, to one server.
            BlockingQueue<Future<Prepared>> queue = new ArrayBlockingQueue<>(
                    Math.max(PREFETCH, Math.min(MAX_PREFETCH, embedder.passagesPerCall())));
            ocrStage = new OcrStage<>();
            try {
                int next = 0;
                List<Prepared> group = new ArrayList<>();
                int passages = 0;
                while (next < files.size() || !queue.isEmpty() || !ocrStage.isEmpty()) {
                    while (next < files.size() && queue.remainingCapacity() > 0) {
                        Pending file = files.get(next++);
                        queue.add(reader.submit(() -> prepare(file.file(), file.known())));
                    }
                    listener.checkpoint();
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("Indexing cancelled");
                    }
                    Prepared prepared = ocrStage.nextIsDone() || queue.isEmpty() ? awaitOcr()
                            : queue.remove().get();
                    if (prepared instanceof Scanned scanned) {
                        ocrStage.submit(() -> readScans(scanned));
                        continue;
                    }
                    int count = prepared instanceof Ready ready ? ready.chunks().size() : 0;
                    if (!group.isEmpty() && passages + count > embedder.passagesPerCall()) {
                        passages = flush(folder, group); // a large file goes alone: a failure costs the rest nothing
                    }
                    group.add(prepared);
                    passages += count;
                    if (passages >= embedder.passagesPerCall() || queue.isEmpty() || !queue.peek().isDone()) {
                        passages = flush(folder, group);
                    }
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
                ocrStage.close();
                reader.shutdownNow();
                try {
                    reader.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Off the embedding thread: hash, extract and chunk one file ({@code doc}: its record, if it has one). */
        private Prepared prepare(ScannedFile file, StoredDocument doc) {
            long start = System.nanoTime();
            long chunking = 0;
            try {
                String hash = Hashes.ofFile(file.path());
                if (doc != null && hash.equals(doc.contentHash()) && ExtractionVersions.isCurrent(doc)
                        && (store.documents().isIndexedFor(doc.id(), modelId)
                                || store.documents().hasPassages(doc.id(), profile))) {
                    return new Touched(file, doc.id());
                }
                Extraction extraction = extractor.read(file.path());
                if (extraction.scans().any()) {
                    if (ocr.available()) {
                        return new Scanned(file, hash, extraction);
                    }
                    if (extraction.text().text().isBlank() && keepPictures
                            && extraction.scans().kind() == ScannedPages.Kind.IMAGE) {
                        return picture(file, hash, extraction.text());
                    }
                    if (extraction.text().text().isBlank()) {
                        return new Failed(file, extraction.scans().kind() == ScannedPages.Kind.IMAGE
                                ? ocr.unavailableReason() : "no text found; " + ocr.unavailableReason());
                    }
                }
                ExtractedText text = extraction.text();
                if (text.text().isBlank()) {
                    return new Failed(file, "no text found");
                }
                long chunkStart = System.nanoTime();
                List<Chunk> parts = chunk(text);
                chunking = System.nanoTime() - chunkStart;
                return new Ready(file, hash, text.mediaType(), text.title(), text.listing(), parts);
            } catch (ExtractionException e) {
                return new Failed(file, e.getMessage());
            } catch (IOException e) {
                return new Failed(file, SkipReasons.CANNOT_READ + ": " + e.getMessage());
            } finally {
                chunkNanos.addAndGet(chunking);
                extractNanos.addAndGet(System.nanoTime() - start - chunking);
            }
        }

        /** The text's passages, each with the path of headings it sits under. */
        private List<Chunk> chunk(ExtractedText text) {
            List<Chunk> parts = chunker.chunk(text.text(), text.pageStarts(), text::pageAt);
            if (text.headings().isEmpty()) {
                return parts;
            }
            List<Chunk> withHeadings = new ArrayList<>(parts.size());
            for (Chunk part : parts) {
                withHeadings.add(part.withHeading(text.headingPathOf(part.start(), part.end())));
            }
            return withHeadings;
        }

        /** On the OCR thread: reads the file's scanned pages and chunks the whole text. */
        private Prepared readScans(Scanned scanned) {
            ScannedFile file = scanned.file();
            long start = System.nanoTime();
            long chunking = 0;
            try {
                OcrReader.Result read = ocr.read(file.path(), scanned.extraction(), (page, pages) -> {
                    ocrStage.reading(file.path(), page, pages);
                    listener.checkpoint();
                });
                ocrPages.addAndGet(read.pagesRead());
                ExtractedText text = read.text();
                long chunkStart = System.nanoTime();
                List<Chunk> parts = chunk(text);
                chunking = System.nanoTime() - chunkStart;
                return new Ready(file, scanned.hash(), text.mediaType(), text.title(), text.listing(), parts);
            } catch (ExtractionException e) {
                if (keepPictures && scanned.extraction().scans().kind() == ScannedPages.Kind.IMAGE
                        && OcrReader.NO_TEXT.equals(e.getMessage())) {
                    return picture(file, scanned.hash(), scanned.extraction().text());
                }
                return new Failed(file, e.getMessage());
            } finally {
                ocrStage.idle();
                chunkNanos.addAndGet(chunking);
                ocrNanos.addAndGet(System.nanoTime() - start - chunking);
            }
        }

        /**
         * An image with no text to read, kept for its picture: one empty passage, which shows it in results and is
         * never embedded (the picture's own vector finds it).
         */
        private Prepared picture(ScannedFile file, String hash, ExtractedText text) {
            return new Ready(file, hash, text.mediaType(), text.title(), false,
                    List.of(new Chunk(0, "", 0, 0, 0, 0, "")));
        }

        /**
         * Waits for the oldest file in the OCR stage, telling the listener which page is being read meanwhile; the
         * pause button and cancel work while it waits.
         */
        private Prepared awaitOcr() throws InterruptedException, java.util.concurrent.ExecutionException {
            IndexProgress.OcrPage shown = null;
            while (true) {
                Prepared done = ocrStage.poll(OCR_PROGRESS_MILLIS);
                if (done != null) {
                    return done;
                }
                IndexProgress.OcrPage page = ocrStage.current();
                if (page != null && !page.equals(shown)) {
                    shown = page;
                    listener.progress(progress(page.file()));
                }
                listener.checkpoint();
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("Indexing cancelled");
                }
            }
        }

        private IndexProgress progress(Path currentFile) {
            return new IndexProgress(done, total, chunks, embedded, currentFile,
                    Duration.ofNanos(System.nanoTime() - startNanos), ocrStage == null ? null : ocrStage.current(),
                    bytesDone, bytesTotal);
        }

        /** Stores and empties the group; returns its new passage count (none). */
        private int flush(StoredFolder folder, List<Prepared> group) {
            store(folder, group);
            group.clear();
            return 0;
        }

        /** Writes each file of the group in its own transaction, in order: its text, or why it has none. */
        private void store(StoredFolder folder, List<Prepared> group) {
            for (Prepared p : group) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("Indexing cancelled"); // after the current file, as promised
                }
                store(folder, p);
                done++;
                bytesDone += p.file().size();
                listener.progress(progress(p.file().path()));
            }
        }

        private void store(StoredFolder folder, Prepared p) {
            long t0 = System.nanoTime();
            try {
                if (p instanceof Touched touched) {
                    store.documents().touch(touched.documentId(), touched.file().size(), touched.file().modifiedMillis());
                    unchanged++;
                } else if (p instanceof Failed failed) {
                    String key = failed.file().path().toString();
                    store.documents().saveSkipped(folder.id(), key, failed.file().size(), failed.file().modifiedMillis(),
                            failed.reason());
                    skip(key, failed.reason());
                } else if (p instanceof Ready ready) {
                    save(folder, ready);
                }
            } finally {
                storeNanos += System.nanoTime() - t0;
            }
        }

        /** The first phase's write of a file: its passages, keyed by the hash of the text the model will read. */
        private void save(StoredFolder folder, Ready p) {
            List<byte[]> hashes = new ArrayList<>(p.chunks().size());
            String prefix = context.prefix(p.title());
            for (Chunk chunk : p.chunks()) {
                hashes.add(Hashes.ofText(PassageContext.embedded(prefix, chunk.text())));
            }
            store.documents().saveText(new DocumentWrite(folder.id(), p.file().path().toString(), p.file().size(),
                    p.file().modifiedMillis(), p.hash(), p.mediaType(), modelId, profile, p.chunks(), hashes,
                    Map.of(), p.title(), EXTRACTION, p.listing()));
            indexed++;
            chunks += p.chunks().size();
        }

        /**
         * The second phase: embeds the passages of the folder's files that the model has no vectors for yet, those
         * of this run's first phase and those a stopped run left, several files to a call (each distinct text once,
         * none already stored), and marks each file complete in its own transaction. Progress starts again from
         * nought, counted in files to embed, with the phase's own rate.
         */
        private void embedWaiting(StoredFolder folder) {
            List<Long> waiting = store.documents().waitingForVectors(folder.id(), modelId, profile);
            embeddingSince = System.nanoTime();
            int[] filesDone = {0};
            List<StoredPassages> group = new ArrayList<>();
            int passages = 0;
            for (long documentId : waiting) {
                StoredPassages file = store.documents().passages(documentId, profile);
                if (!group.isEmpty() && passages + file.chunks().size() > embedder.passagesPerCall()) {
                    embedGroup(group, filesDone, waiting.size());
                    passages = 0;
                }
                group.add(file);
                passages += file.chunks().size();
                if (passages >= embedder.passagesPerCall()) {
                    embedGroup(group, filesDone, waiting.size());
                    passages = 0;
                }
            }
            if (!group.isEmpty()) {
                embedGroup(group, filesDone, waiting.size());
            }
        }

        /** Embeds and stores one group of files, then empties it; pause and cancel act before and between files. */
        private void embedGroup(List<StoredPassages> group, int[] filesDone, int filesTotal) {
            Indexer.pauseOrCancel(listener);
            List<byte[]> all = new ArrayList<>();
            group.forEach(file -> all.addAll(file.hashes()));
            Set<HashKey> stored = all.isEmpty() ? Set.of() : store.vectors().alreadyStored(modelId, all);
            Map<HashKey, String> missing = new LinkedHashMap<>();
            for (StoredPassages file : group) {
                String prefix = context.prefix(file.title());
                for (int i = 0; i < file.hashes().size(); i++) {
                    HashKey hk = new HashKey(file.hashes().get(i));
                    if (!stored.contains(hk) && !file.chunks().get(i).text().isBlank()) {
                        missing.putIfAbsent(hk, PassageContext.embedded(prefix, file.chunks().get(i).text()));
                    }
                }
            }
            Map<HashKey, float[]> newVectors = new HashMap<>();
            if (!missing.isEmpty()) {
                long t0 = System.nanoTime();
                List<float[]> vectors = embedder.embedPassages(List.copyOf(missing.values()));
                embedNanos += System.nanoTime() - t0;
                int i = 0;
                for (HashKey hk : missing.keySet()) {
                    newVectors.put(hk, vectors.get(i++));
                }
            }
            for (StoredPassages file : group) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("Indexing cancelled"); // after the current file, as promised
                }
                // A vector new in this group goes with the first file that uses it.
                Map<HashKey, float[]> mine = new LinkedHashMap<>();
                for (byte[] hash : file.hashes()) {
                    HashKey hk = new HashKey(hash);
                    float[] vector = newVectors.remove(hk);
                    if (vector != null) {
                        mine.put(hk, vector);
                    }
                }
                long t0 = System.nanoTime();
                store.documents().saveVectors(file.documentId(), modelId, mine);
                storeNanos += System.nanoTime() - t0;
                embedded += mine.size();
                reused += file.chunks().size() - mine.size();
                filesDone[0]++;
                listener.progress(new IndexProgress(filesDone[0], filesTotal, chunks, embedded, Path.of(file.path()),
                        Duration.ofNanos(System.nanoTime() - embeddingSince)));
            }
            group.clear();
        }

        private void skip(String path, String reason) {
            if (SkipReasons.isNotADocument(reason)) {
                notDocuments++;
                return;
            }
            skipped.add(new IndexSummary.SkippedEntry(path, reason));
            listener.skipped(Path.of(path), reason);
        }

        IndexSummary summary() {
            return new IndexSummary(seen, indexed, unchanged, deleted, chunks, embedded, reused, List.copyOf(skipped),
                    Duration.ofNanos(System.nanoTime() - startNanos), new StageTimes(
                            Duration.ofNanos(extractNanos.get()), Duration.ofNanos(chunkNanos.get()),
                            Duration.ofNanos(embedNanos), Duration.ofNanos(storeNanos),
                            Duration.ofNanos(ocrNanos.get()), ocrPages.get()), notDocuments);
        }
    }

    /** A file the scan found new or changed, with what the index knew of it. */
    private record Pending(ScannedFile file, StoredDocument known) {}

    /**
     * A file read off the embedding thread, in one of three outcomes; a type per outcome leaves no field that only
     * some of them fill.
     */
    private sealed interface Prepared permits Ready, Failed, Touched, Scanned {
        ScannedFile file();
    }

    /** New or changed text, chunked and waiting for its vectors. */
    private record Ready(ScannedFile file, String hash, String mediaType, String title, boolean listing,
            List<Chunk> chunks)
            implements Prepared {}

    /** A file that yields no passages, with the reason the user is shown. */
    private record Failed(ScannedFile file, String reason) implements Prepared {}

    /** A file whose time changed but whose content did not: only its size and time are written. */
    private record Touched(ScannedFile file, long documentId) implements Prepared {}

    /** A file with scanned pages (its text layer, if any, and the pages), waiting for the OCR stage. */
    private record Scanned(ScannedFile file, String hash, Extraction extraction) implements Prepared {}

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

    /**
     * Between files: waits while the run is paused, then ends it if it was cancelled (an interrupt during the wait
     * counts as a cancel).
     */
    static void pauseOrCancel(IndexListener listener) {
        try {
            listener.checkpoint();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Indexing cancelled");
        }
    }
}
