package dev.semdex.search;

import dev.semdex.SemdexException;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.embed.ModelSpec;
import dev.semdex.store.ChunkHit;
import dev.semdex.store.IndexStore;
import dev.semdex.store.StoredChunk;
import dev.semdex.store.StoredModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.LongPredicate;

/**
 * Finds the files that best match a query. Vector search ranks chunks by cosine, keyword search by BM25; hybrid
 * fuses the two rankings of files by their scores, each brought to 0–1 over its own list ({@link ScoreFusion}).
 * Results are files, each shown by its best chunk.
 */
public final class SearchService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SearchService.class);

    /** How deep each list goes before fusion. */
    private static final int FUSION_DEPTH = 100;
    /** Files ranked beyond the ones asked for, so that a list still holds k entries after copies are grouped. */
    private static final int GROUPING_SLACK = 10;

    private final IndexStore store;
    private final SearchModels queryModels;
    private final ModelCatalog catalog;
    private final Map<String, VectorIndex> vectorIndexes = new ConcurrentHashMap<>();
    /** Pictures per two-tower model, and which models have any; read again after {@link #invalidate}. */
    private final Map<String, PictureIndex> pictureIndexes = new ConcurrentHashMap<>();
    private volatile List<String> pictureModels;
    private volatile Map<Long, String> documentPaths;
    /** Per model, files the keyword index holds that the model has not embedded; counted again after invalidation. */
    private final Map<String, Long> wordsOnlyFiles = new ConcurrentHashMap<>();
    /** The index's models, read again when a model is missing or after {@link #invalidate}. */
    private volatile Map<String, StoredModel> models;
    /** Runs the keyword half of hybrid queries; threads end after a minute without queries. */
    private final ExecutorService keywordThreads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "semdex-keyword-search");
        thread.setDaemon(true);
        return thread;
    });

    public SearchService(IndexStore store, SearchModels models, ModelCatalog catalog) {
        this.store = store;
        this.queryModels = models;
        this.catalog = catalog;
    }

    /** Over embedders the caller owns and keeps open, with ids taken as they come (tests, evaluations). */
    public SearchService(IndexStore store, Function<String, Embedder> embedders, ModelCatalog catalog) {
        this(store, new SearchModels() {
            @Override
            public String canonicalId(String modelId) {
                return modelId;
            }

            @Override
            public float[] embedQuery(String modelId, String query) {
                return embedders.apply(modelId).embedQuery(query);
            }
        }, catalog);
    }

    /** Forgets cached vectors of a model (and cached paths) after the index changed. */
    public void invalidate(String modelId) {
        vectorIndexes.remove(modelId);
        pictureIndexes.remove(modelId);
        pictureModels = null;
        wordsOnlyFiles.remove(modelId);
        documentPaths = null;
        models = null;
    }

    /**
     * Forgets every model's cached vectors after documents were indexed or removed: a re-indexed document gets new
     * chunk ids, and models with the same chunking share chunks, so the vectors cached for one model then point at
     * chunks that another model's run replaced.
     */
    public void invalidateAll() {
        vectorIndexes.clear();
        pictureIndexes.clear();
        pictureModels = null;
        wordsOnlyFiles.clear();
        documentPaths = null;
        models = null;
    }

    /** The model as the index knows it, or null; a query costs no database read once the model is known. */
    private StoredModel stored(String modelId) {
        Map<String, StoredModel> known = models;
        if (known == null || !known.containsKey(modelId)) {
            known = store.models().all();
            models = known;
        }
        return known.get(modelId);
    }

    private LongPredicate acceptor(SearchFilter filter) {
        if (filter.isNone()) {
            return id -> true;
        }
        Map<Long, String> paths = documentPaths;
        if (paths == null) {
            paths = store.documents().paths();
            documentPaths = paths;
        }
        Map<Long, String> known = paths;
        return id -> {
            String path = known.get(id);
            return path != null && filter.accepts(path);
        };
    }

    /** The request's model may be named as the user knows it: an Ollama model's id gains its server here. */
    public List<SearchResult> search(SearchRequest request) {
        return answer(request).results();
    }

    /** The files for a request, with the query vector the search embedded (for best sentences). */
    public SearchAnswer answer(SearchRequest request) {
        if (request.query().isBlank() || request.k() <= 0) {
            return SearchAnswer.empty(request);
        }
        String id = queryModels.canonicalId(request.modelId());
        if (!id.equals(request.modelId())) {
            request = new SearchRequest(request.query(), id, request.mode(), request.k(), request.filter());
        }
        String profile = profileOf(request.modelId());
        LongPredicate accept = acceptor(request.filter());
        int files = request.k() + GROUPING_SLACK;
        VectorHalf ranked = switch (request.mode()) {
            case VECTOR -> byMeaningFiles(request, files, profile, accept);
            case KEYWORD -> new VectorHalf(keywordFiles(request.query(), profile, files, accept), null);
            case HYBRID -> hybridFiles(request, files, profile, accept);
        };
        List<SearchResult> results = grouped(ranked.files(), request.k(), profile);
        String modelId = request.modelId();
        long wordsOnly = request.mode() == SearchMode.KEYWORD ? 0 : wordsOnlyFiles.computeIfAbsent(modelId,
                model -> store.status().searchable(model, profile).wordsOnly());
        return new SearchAnswer(request, results, ranked.query(),
                WeakMatches.goodCount(request.mode(), results, ranked.semantic()), wordsOnly, ranked.semantic());
    }

    /**
     * A ranking of files and the query vector it was made with (null when nothing was embedded); for a hybrid
     * search, the cosine scores of its semantic half's first files, to tell whether anything matches by meaning.
     */
    private record VectorHalf(Map<Long, FileHit> files, float[] query, double[] semantic) {
        VectorHalf(Map<Long, FileHit> files, float[] query) {
            this(files, query, null);
        }
    }

    /**
     * Both rankings at once: the keyword search waits on SQLite while the vector search embeds the query and scans
     * memory, so on two cores a hybrid query costs about the slower of the two rather than their sum.
     */
    private VectorHalf hybridFiles(SearchRequest request, int files, String profile, LongPredicate accept) {
        int depth = Math.max(files, FUSION_DEPTH);
        Future<Map<Long, FileHit>> keyword = keywordThreads.submit(
                () -> keywordFiles(request.query(), profile, depth, accept));
        try {
            VectorHalf meaning = byMeaningFiles(request, depth, profile, accept);
            double[] semantic = meaning.semantic() != null ? meaning.semantic() : topScores(meaning.files(), request.k());
            return new VectorHalf(fuse(meaning.files(), keyword.get(), files), meaning.query(), semantic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Search cancelled");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            keyword.cancel(true);
        }
    }

    /**
     * The files by meaning: their passages' ranking and, where a two-tower model embedded pictures, the pictures'
     * ranking merged with it ({@link #byMeaning}). With pictures, the scores are standings, not cosines, so the
     * cosines of the list that leads (a photo's when a photo does) come along, best first, for telling whether
     * anything matches by meaning; without pictures the scores are the cosines themselves.
     */
    private VectorHalf byMeaningFiles(SearchRequest request, int files, String profile, LongPredicate accept) {
        VectorHalf vector = vectorFiles(request, files, accept);
        Map<Long, FileHit> pictures = pictureFiles(request.query(), profile, files, accept);
        if (pictures.isEmpty()) {
            return vector;
        }
        Map<Long, FileHit> byMeaning = byMeaning(vector.files(), pictures);
        Map<Long, FileHit> leading = !byMeaning.isEmpty() && !vector.files().containsKey(
                byMeaning.keySet().iterator().next()) ? pictures : vector.files();
        return new VectorHalf(byMeaning, vector.query(), topScores(leading, request.k()));
    }

    private static double[] topScores(Map<Long, FileHit> ranked, int k) {
        return ranked.values().stream().limit(k).mapToDouble(FileHit::score).toArray();
    }

    /** The ranked files as the user reads them: copies grouped, listings last (see {@link ResultGroups}). */
    private List<SearchResult> grouped(Map<Long, FileHit> ranked, int k, String profile) {
        List<ResultGroups.Candidate> candidates = new ArrayList<>();
        for (FileHit hit : ranked.values()) {
            store.chunks().find(hit.chunkId).ifPresent(c -> candidates.add(new ResultGroups.Candidate(
                    result(candidates.size() + 1, c, hit.score), c.listing())));
        }
        return ResultGroups.group(candidates, k, path -> store.chunks().passageCount(path, profile));
    }

    private List<SearchResult> results(Map<Long, FileHit> ranked) {
        List<SearchResult> results = new ArrayList<>();
        for (FileHit hit : ranked.values()) {
            store.chunks().find(hit.chunkId).ifPresent(c -> results.add(result(results.size() + 1, c, hit.score)));
        }
        return results;
    }

    private static SearchResult result(int rank, StoredChunk c, double score) {
        return new SearchResult(rank, c.path(), score, c.id(), c.text(), c.start(), c.end(), c.page(), c.title(),
                c.heading(), List.of());
    }

    /** The chunk profile the model's vectors belong to: from the index if the model was used, else the catalog. */
    public String profileOf(String modelId) {
        StoredModel stored = stored(modelId);
        if (stored != null) {
            return stored.profile();
        }
        ModelSpec spec = catalog.require(modelId);
        return spec.chunkProfile();
    }

    private record FileHit(long chunkId, double score) {}

    /** The model's vectors in memory, loaded on first use and kept until {@link #invalidate}. */
    public VectorIndex vectorIndex(String modelId) {
        return vectorIndexes.computeIfAbsent(modelId, id -> {
            StoredModel stored = stored(id);
            int dimension = stored == null ? catalog.require(id).dimension() : stored.dimension();
            return VectorIndex.load(store, id, profileOf(id), dimension);
        });
    }

    /**
     * The best {@code k} files by a ranking of an index's chunks: the way {@link SearchMode#VECTOR} ranks, open to
     * other scorers of the same vectors (shortened, quantised) so that their results compare one to one.
     */
    public List<SearchResult> rankFiles(VectorIndex index, ChunkRanker ranker, int k, SearchFilter filter) {
        return results(rankedFiles(index, ranker, k, acceptor(filter == null ? SearchFilter.NONE : filter)));
    }

    private VectorHalf vectorFiles(SearchRequest request, int files, LongPredicate accept) {
        VectorIndex index = vectorIndex(request.modelId());
        if (index.size() == 0) {
            return new VectorHalf(Map.of(), null);
        }
        float[] query = queryModels.embedQuery(request.modelId(), request.query());
        return new VectorHalf(rankedFiles(index, index.ranker(query), files, accept), query);
    }

    private static Map<Long, FileHit> rankedFiles(VectorIndex index, ChunkRanker ranker, int files,
            LongPredicate accept) {
        if (index.size() == 0 || files <= 0) {
            return Map.of();
        }
        int depth = Math.max(files * 8, 64);
        while (true) {
            ChunkRanker.Hits hits = ranker.top(depth);
            Map<Long, FileHit> byFile = new LinkedHashMap<>();
            for (int i = 0; i < hits.size(); i++) {
                int row = hits.rows()[i];
                if (!accept.test(index.documentId(row))) {
                    continue;
                }
                byFile.putIfAbsent(index.documentId(row), new FileHit(index.chunkId(row), hits.scores()[i]));
                if (byFile.size() == files) {
                    return byFile;
                }
            }
            if (hits.size() < depth || hits.size() >= index.size()) {
                return byFile;
            }
            depth *= 4;
        }
    }

    private Map<Long, FileHit> keywordFiles(String query, String profile, int files, LongPredicate accept) {
        String fts = KeywordQuery.toFts(query);
        if (fts.isEmpty()) {
            return Map.of();
        }
        int depth = Math.max(files * 8, 200);
        while (true) {
            List<ChunkHit> hits = store.chunks().keywordSearch(fts, profile, depth);
            Map<Long, FileHit> byFile = new LinkedHashMap<>();
            for (ChunkHit hit : hits) {
                if (!accept.test(hit.documentId())) {
                    continue;
                }
                byFile.putIfAbsent(hit.documentId(), new FileHit(hit.chunkId(), hit.score()));
                if (byFile.size() == files) {
                    return byFile;
                }
            }
            if (hits.size() < depth) {
                return byFile;
            }
            depth *= 4;
        }
    }

    /**
     * The files whose pictures the index's two-tower model ranks first for the query (its text tower embeds the
     * query), each shown by one of its passages; empty when no model embedded pictures here, which costs a search
     * nothing once known. A model that cannot embed the query now (its files were deleted) is left out with a
     * warning rather than failing the search.
     */
    private Map<Long, FileHit> pictureFiles(String query, String profile, int files, LongPredicate accept) {
        List<String> withPictures = pictureModels;
        if (withPictures == null) {
            withPictures = store.pictures().models();
            pictureModels = withPictures;
        }
        if (withPictures.isEmpty()) {
            return Map.of();
        }
        String modelId = withPictures.get(0);
        PictureIndex pictures = pictureIndexes.computeIfAbsent(modelId, id -> PictureIndex.load(store, id));
        if (pictures.size() == 0) {
            return Map.of();
        }
        float[] vector;
        try {
            vector = queryModels.embedQuery(modelId, query);
        } catch (SemdexException e) {
            LOG.warn("Pictures left out of the search: {}", e.getMessage());
            return Map.of();
        }
        Map<Long, FileHit> byFile = new LinkedHashMap<>();
        for (PictureIndex.Hit hit : pictures.ranked(vector)) {
            if (!accept.test(hit.documentId())) {
                continue;
            }
            long chunk = store.pictures().shownChunk(hit.documentId(), profile);
            if (chunk >= 0) {
                byFile.put(hit.documentId(), new FileHit(chunk, hit.score()));
            }
            if (byFile.size() == files) {
                break;
            }
        }
        return byFile;
    }

    /**
     * One ranking by meaning from a file's passages and its picture, each file once, where it stands best. The two
     * rankings come from different models (or different towers), so their cosines are not compared as they are:
     * each is read as how far it stands out from its own ranking's mean, as a share of the room above that mean. A
     * text ranking always has a first passage, however weakly it matches; a photo that matches the query clearly
     * stands out further and comes before it, and a passage that matches clearly stays before weak pictures. With
     * pictures, a file's score in the merged ranking is that standing, so that it is fused on one scale.
     */
    private static Map<Long, FileHit> byMeaning(Map<Long, FileHit> passages, Map<Long, FileHit> pictures) {
        if (pictures.isEmpty()) {
            return passages;
        }
        Map<Long, Double> standing = new HashMap<>();
        for (Map<Long, FileHit> ranking : List.of(passages, pictures)) {
            double mean = ranking.values().stream().mapToDouble(FileHit::score).average().orElse(0);
            double room = Math.max(1e-9, 1 - mean);
            ranking.forEach((doc, hit) -> standing.merge(doc, (hit.score() - mean) / room, Math::max));
        }
        Map<Long, FileHit> merged = new LinkedHashMap<>();
        standing.entrySet().stream()
                .sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> merged.put(e.getKey(), new FileHit(passages.getOrDefault(e.getKey(),
                        pictures.get(e.getKey())).chunkId, e.getValue())));
        return merged;
    }

    /** The two file rankings fused by score (see {@link ScoreFusion}), each file shown by its best chunk. */
    private static Map<Long, FileHit> fuse(Map<Long, FileHit> vector, Map<Long, FileHit> keyword, int files) {
        Map<Long, FileHit> out = new LinkedHashMap<>();
        ScoreFusion.fuse(scores(vector), scores(keyword), files).forEach((doc, score) -> out.put(doc,
                new FileHit(vector.getOrDefault(doc, keyword.get(doc)).chunkId, score)));
        return out;
    }

    private static Map<Long, Double> scores(Map<Long, FileHit> hits) {
        Map<Long, Double> scores = new HashMap<>();
        hits.forEach((doc, hit) -> scores.put(doc, hit.score));
        return scores;
    }
}
