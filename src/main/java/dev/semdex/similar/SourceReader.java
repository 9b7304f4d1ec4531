package dev.semdex.similar;

import dev.semdex.SemdexException;
import dev.semdex.chunk.Chunk;
import dev.semdex.chunk.Chunker;
import dev.semdex.chunk.PassageContext;
import dev.semdex.embed.Embedder;
import dev.semdex.extract.ExtractedText;
import dev.semdex.extract.ExtractionException;
import dev.semdex.extract.TextExtractor;
import dev.semdex.search.VectorIndex;
import dev.semdex.store.Hashes;
import dev.semdex.store.IndexStore;
import dev.semdex.store.StoredChunk;
import dev.semdex.store.StoredDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns a file or a text into passages with vectors of one model. An indexed, unchanged file brings its stored
 * vectors (no model needed); anything else is extracted, cut and embedded now, the way the indexer would, so that
 * its passages compare one to one with the indexed ones.
 */
final class SourceReader {

    /**
     * At most this many passages of the source are compared, spread evenly over it: a long book would otherwise
     * cost one scan of the index per passage, and an even sample already says what the book is about.
     */
    static final int MAX_PASSAGES = 48;

    private final IndexStore store;
    /** Asked only when a file must be read: loading Tika takes most of a second, not worth paying at start-up. */
    private final Supplier<TextExtractor> extractor;
    private final PassageModels models;

    SourceReader(IndexStore store, Supplier<TextExtractor> extractor, PassageModels models) {
        this.store = store;
        this.extractor = extractor;
        this.models = models;
    }

    SimilarSource file(Path file, String modelId, VectorIndex index) {
        Path path = file.toAbsolutePath().normalize();
        Optional<StoredDocument> stored = store.documents().find(path.toString());
        boolean exists = Files.isRegularFile(path);
        if (!exists && stored.isEmpty()) {
            throw new SemdexException("Cannot find " + file + ": pick a file that exists.");
        }
        String hash = exists ? hashOf(path) : stored.get().contentHash();
        if (stored.isPresent() && !stored.get().skipped() && hash != null && hash.equals(stored.get().contentHash())
                && store.documents().isIndexedFor(stored.get().id(), modelId)) {
            List<Integer> rows = new ArrayList<>();
            for (int row = 0; row < index.size(); row++) {
                if (index.documentId(row) == stored.get().id()) {
                    rows.add(row);
                }
            }
            List<SourcePassage> passages = storedPassages(rows, index);
            if (!passages.isEmpty()) {
                return new SimilarSource(path.toString(), stored.get().id(), hash, passages, rows.size(), true);
            }
        }
        if (!exists) {
            throw new SemdexException(file + " is no longer there and its passages are not indexed for " + modelId
                    + ".");
        }
        ExtractedText text;
        try {
            text = extractor.get().extract(path);
        } catch (ExtractionException e) {
            throw new SemdexException("Cannot compare " + path.getFileName() + ": " + e.getMessage() + ".", e);
        }
        if (text.text().isBlank()) {
            throw new SemdexException("No text found in " + file + ", so there is nothing to compare it by.");
        }
        long documentId = stored.map(StoredDocument::id).orElse(-1L);
        return embedded(path.toString(), documentId, hash, modelId, text);
    }

    SimilarSource text(String text, String modelId) {
        if (text == null || text.isBlank()) {
            throw new SemdexException("Give some text to find files like it.");
        }
        return embedded(null, -1, null, modelId, new ExtractedText(text, new int[0], "text/plain"));
    }

    private static String hashOf(Path path) {
        try {
            return Hashes.ofFile(path);
        } catch (IOException e) {
            throw new SemdexException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** The file's passages as the index holds them, in file order. */
    private List<SourcePassage> storedPassages(List<Integer> rows, VectorIndex index) {
        List<SourcePassage> out = new ArrayList<>();
        for (int row : spread(rows)) {
            Optional<StoredChunk> chunk = store.chunks().find(index.chunkId(row));
            chunk.ifPresent(c -> out.add(new SourcePassage(c.ordinal(), c.text(), c.start(), c.end(), c.page(),
                    index.row(row))));
        }
        out.sort(java.util.Comparator.comparingInt(SourcePassage::ordinal));
        return out;
    }

    /** Cut and embedded with the model's chunk size, as the indexer cuts. */
    private SimilarSource embedded(String path, long documentId, String hash, String modelId, ExtractedText text) {
        return models.withEmbedder(modelId, embedder -> {
            PassageContext context = new PassageContext(embedder.tokenizer(), embedder.maxPassageTokens());
            List<Chunk> all = new Chunker(embedder.tokenizer(), Math.min(embedder.model().chunkTokens(),
                    context.passageTokens())).chunk(text.text(), text.pageStarts(), text::pageAt);
            List<Chunk> chunks = spread(all);
            String prefix = context.prefix(text.title());
            List<float[]> vectors = embedder.embedPassages(chunks.stream()
                    .map(c -> PassageContext.embedded(prefix, c.text())).toList());
            List<SourcePassage> out = new ArrayList<>();
            for (int i = 0; i < chunks.size(); i++) {
                Chunk c = chunks.get(i);
                out.add(new SourcePassage(c.ordinal(), c.text(), c.start(), c.end(), c.page(), vectors.get(i)));
            }
            return new SimilarSource(path, documentId, hash, out, all.size(), false);
        });
    }

    /** At most {@link #MAX_PASSAGES} items, evenly spread, first and last kept, order kept. */
    static <T> List<T> spread(List<T> all) {
        if (all.size() <= MAX_PASSAGES) {
            return all;
        }
        List<T> out = new ArrayList<>(MAX_PASSAGES);
        for (int i = 0; i < MAX_PASSAGES; i++) {
            out.add(all.get((int) Math.round(i * (all.size() - 1) / (double) (MAX_PASSAGES - 1))));
        }
        return out;
    }
}
