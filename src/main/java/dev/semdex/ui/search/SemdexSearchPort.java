package dev.semdex.ui.search;

import dev.semdex.SemdexException;
import dev.semdex.extract.PageThumbnails;
import dev.semdex.models.EmbedderLease;
import dev.semdex.models.ModelService;
import dev.semdex.search.BestSentence;
import dev.semdex.search.Passage;
import dev.semdex.search.SearchAnswer;
import dev.semdex.search.SearchChoices;
import dev.semdex.search.SearchMode;
import dev.semdex.search.SearchRequest;
import dev.semdex.search.SearchResult;
import dev.semdex.search.SearchService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link SearchPort} over the search service, its choices and the models. */
public final class SemdexSearchPort implements SearchPort {

    private static final Logger LOG = LoggerFactory.getLogger(SemdexSearchPort.class);

    private final SearchService search;
    private final SearchChoices choices;
    private final ModelService models;

    public SemdexSearchPort(SearchService search, SearchChoices choices, ModelService models) {
        this.search = search;
        this.choices = choices;
        this.models = models;
    }

    @Override
    public List<Path> indexedFolders() {
        return choices.folders();
    }

    @Override
    public List<String> fileTypes() {
        return choices.fileTypes();
    }

    @Override
    public List<String> searchableModels(String preferred) {
        return choices.models(preferred);
    }

    @Override
    public SearchAnswer search(SearchRequest request) {
        return search.answer(request);
    }

    @Override
    public Map<Long, BestSentence.Span> bestSentences(SearchAnswer answer, List<SearchResult> results) {
        SearchRequest request = answer.request();
        if (request.mode() == SearchMode.KEYWORD) {
            return BestSentence.forResults(results, request.query(), request.mode(), null, null);
        }
        EmbedderLease lease;
        try {
            lease = models.lease(request.modelId());
        } catch (SemdexException e) {
            LOG.debug("No model for best sentences; using query words: {}", e.getMessage());
            return BestSentence.forResults(results, request.query(), request.mode(), null, null);
        }
        try (lease) {
            return BestSentence.forResults(results, request.query(), request.mode(), lease.embedder(),
                    answer.queryVector());
        }
    }

    @Override
    public Passage passage(long chunkId) {
        return choices.passage(chunkId);
    }

    @Override
    public byte[] thumbnail(Path file, int page, int maxSide) {
        try {
            return PageThumbnails.png(file, page, maxSide);
        } catch (java.io.IOException e) {
            throw new SemdexException("Cannot show " + file.getFileName() + ": " + e.getMessage() + ".", e);
        }
    }
}
