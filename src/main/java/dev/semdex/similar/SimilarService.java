package dev.semdex.similar;

import dev.semdex.SemdexException;
import dev.semdex.extract.TextExtractor;
import dev.semdex.search.ChunkRanker;
import dev.semdex.search.SearchService;
import dev.semdex.search.VectorIndex;
import dev.semdex.store.IndexStore;
import dev.semdex.store.StoredChunk;
import dev.semdex.store.StoredDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * More like this: ranks the indexed files by how much of a source (a file or a text) they cover. Each passage of
 * the source finds its nearest passages in the index; a file's score is the mean, over the source's passages, of the
 * best cosine any of its passages reaches, so a file that is like the whole source beats one that repeats a single
 * sentence of it. The source itself and its copies (same content hash, or the same passages in another format) are
 * left out, and copies among the results are grouped under one entry.
 */
public final class SimilarService {

    /** Passages ranked per source passage: deep enough that every file worth showing is seen by most of them. */
    private static final int MIN_DEPTH = 500;
    /** Cosines this close to 1 are the same passage (the same text embedded twice gives the same vector). */
    private static final double SAME_PASSAGE = 0.9995;

    private final IndexStore store;
    private final SearchService search;
    private final PassageModels models;
    private final SourceReader reader;

    public SimilarService(IndexStore store, SearchService search, Supplier<TextExtractor> extractor,
            PassageModels models) {
        this.store = store;
        this.search = search;
        this.models = models;
        this.reader = new SourceReader(store, extractor, models);
    }

    /** The {@code k} files most like {@code file}; the file need not be indexed. */
    public SimilarAnswer similarToFile(Path file, String modelId, int k) {
        String id = models.canonicalId(modelId);
        VectorIndex index = index(id);
        return rank(id, reader.file(file, id, index), index, k);
    }

    /** The {@code k} files most like a text (a passage selected in the preview, words typed). */
    public SimilarAnswer similarToText(String text, String modelId, int k) {
        String id = models.canonicalId(modelId);
        VectorIndex index = index(id);
        return rank(id, reader.text(text, id), index, k);
    }

    private VectorIndex index(String modelId) {
        VectorIndex index = search.vectorIndex(modelId);
        if (index.size() == 0) {
            throw new SemdexException("The index has no passages of " + modelId + ": index a folder with this model "
                    + "first, or pick a model the index has.");
        }
        return index;
    }

    /** A file's best cosine with each source passage, and the row that reached it. */
    private static final class Coverage {
        final long documentId;
        final float[] best;
        final int[] rows;
        double score;

        Coverage(long documentId, int passages) {
            this.documentId = documentId;
            this.best = new float[passages];
            this.rows = new int[passages];
            Arrays.fill(best, Float.NaN);
            Arrays.fill(rows, -1);
        }

        /** The source passage and row of the closest pair. */
        int bestPassage() {
            int at = -1;
            for (int p = 0; p < best.length; p++) {
                if (rows[p] >= 0 && (at < 0 || best[p] > best[at])) {
                    at = p;
                }
            }
            return at;
        }
    }

    private SimilarAnswer rank(String modelId, SimilarSource source, VectorIndex index, int k) {
        if (k <= 0) {
            return new SimilarAnswer(modelId, source, List.of(), List.of());
        }
        List<SourcePassage> passages = source.passages();
        int depth = Math.min(index.size(), Math.max(MIN_DEPTH, k * 50));
        Map<Long, Coverage> files = new HashMap<>();
        float[] floors = new float[passages.size()];
        for (int p = 0; p < passages.size(); p++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("More like this cancelled");
            }
            ChunkRanker.Hits hits = index.ranker(passages.get(p).vector()).top(depth);
            floors[p] = hits.size() == 0 ? 0 : hits.scores()[hits.size() - 1];
            for (int i = 0; i < hits.size(); i++) {
                int row = hits.rows()[i];
                long doc = index.documentId(row);
                if (doc == source.documentId()) {
                    continue;
                }
                Coverage c = files.computeIfAbsent(doc, d -> new Coverage(d, passages.size()));
                if (c.rows[p] < 0) {
                    c.best[p] = hits.scores()[i];
                    c.rows[p] = row;
                }
            }
        }
        for (Coverage c : files.values()) {
            double sum = 0;
            for (int p = 0; p < passages.size(); p++) {
                // a file a passage's list did not reach scores at most that list's last cosine there
                sum += c.rows[p] >= 0 ? c.best[p] : floors[p];
            }
            c.score = sum / passages.size();
        }
        List<Coverage> ranked = new ArrayList<>(files.values());
        ranked.sort(Comparator.comparingDouble((Coverage c) -> -c.score).thenComparingLong(c -> c.documentId));
        return group(modelId, source, index, ranked, k);
    }

    /** A result kept, with what copies of it are recognised by. */
    private record Kept(Coverage coverage, String contentHash, String path, ClosestPair closest,
            List<String> copies) {}

    private SimilarAnswer group(String modelId, SimilarSource source, VectorIndex index, List<Coverage> ranked,
            int k) {
        Map<Long, Integer> passageCounts = passageCounts(index, ranked, k);
        int sourceCount = source.passageCount();
        List<String> sourceCopies = new ArrayList<>();
        List<Kept> kept = new ArrayList<>();
        for (Coverage c : ranked) {
            if (kept.size() >= k && c.score < kept.get(kept.size() - 1).coverage.score - 1e-6) {
                break;
            }
            int p = c.bestPassage();
            if (p < 0) {
                continue;
            }
            Optional<StoredChunk> chunk = store.chunks().find(index.chunkId(c.rows[p]));
            if (chunk.isEmpty()) {
                continue; // deleted since the vectors were loaded
            }
            String path = chunk.get().path();
            if (path.equals(source.path())) {
                continue;
            }
            String hash = store.documents().find(path).map(StoredDocument::contentHash).orElse(null);
            // a text has no copies: the file it was selected from, whole, is the best answer to it
            if (hash != null && hash.equals(source.contentHash()) || source.path() != null
                    && samePassages(c, sourceCount, passageCounts.getOrDefault(c.documentId, -1))) {
                sourceCopies.add(path);
                continue;
            }
            Kept copyOf = kept.stream().filter(e -> hash != null && hash.equals(e.contentHash)
                    || sameProfile(e.coverage, c) && passageCounts.getOrDefault(c.documentId, -1) >= 0
                    && passageCounts.get(c.documentId).equals(passageCounts.get(e.coverage.documentId)))
                    .findFirst().orElse(null);
            if (copyOf != null) {
                copyOf.copies.add(path);
                continue;
            }
            if (kept.size() >= k) {
                continue;
            }
            SourcePassage from = source.passages().get(p);
            StoredChunk to = chunk.get();
            ClosestPair pair = new ClosestPair(from.ordinal(), from.text(), from.start(), from.end(), to.id(),
                    to.text(), to.start(), to.end(), to.page(), c.best[p]);
            kept.add(new Kept(c, hash, path, pair, new ArrayList<>()));
        }
        List<SimilarFile> out = new ArrayList<>();
        for (Kept e : kept) {
            out.add(new SimilarFile(out.size() + 1, e.path, e.coverage.score, e.closest, e.copies));
        }
        return new SimilarAnswer(modelId, source, sourceCopies, out);
    }

    /** A file whose passages are the source's: as many, and each source passage found again unchanged. */
    private static boolean samePassages(Coverage c, int sourceCount, int count) {
        if (count != sourceCount) {
            return false;
        }
        for (int p = 0; p < c.best.length; p++) {
            if (c.rows[p] < 0 || c.best[p] < SAME_PASSAGE) {
                return false;
            }
        }
        return true;
    }

    /** Two files that met every source passage at the same cosine hold the same passages. */
    private static boolean sameProfile(Coverage a, Coverage b) {
        for (int p = 0; p < a.best.length; p++) {
            if (a.rows[p] < 0 || b.rows[p] < 0 || Math.abs(a.best[p] - b.best[p]) > 1e-6) {
                return false;
            }
        }
        return true;
    }

    /** Passages per file, for the files that may be shown: one pass over the index's document ids. */
    private static Map<Long, Integer> passageCounts(VectorIndex index, List<Coverage> ranked, int k) {
        Map<Long, Integer> counts = new HashMap<>();
        for (Coverage c : ranked.subList(0, Math.min(ranked.size(), k * 4 + 16))) {
            counts.put(c.documentId, 0);
        }
        for (int row = 0; row < index.size(); row++) {
            counts.computeIfPresent(index.documentId(row), (d, n) -> n + 1);
        }
        return counts;
    }
}
