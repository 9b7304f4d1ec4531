package dev.semdex.ui.search;

import dev.semdex.SemdexException;
import dev.semdex.extract.ExtractionException;
import dev.semdex.extract.OcrReader;
import dev.semdex.extract.PageThumbnails;
import dev.semdex.extract.PageWords;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link SearchPort} over the search service, its choices and the models. */
public final class SemdexSearchPort implements SearchPort {

    private static final Logger LOG = LoggerFactory.getLogger(SemdexSearchPort.class);
    /** Longer side of the picture read for word boxes: about 200 dpi for an A4 page. */
    private static final int WORDS_SIDE = 2400;

    private final SearchService search;
    private final SearchChoices choices;
    private final ModelService models;
    private final Supplier<OcrReader> ocr;

    public SemdexSearchPort(SearchService search, SearchChoices choices, ModelService models) {
        this(search, choices, models, OcrReader::off);
    }

    /** With {@code ocr} (the current settings' reader) for showing passages on their pictures. */
    public SemdexSearchPort(SearchService search, SearchChoices choices, ModelService models,
            Supplier<OcrReader> ocr) {
        this.search = search;
        this.choices = choices;
        this.models = models;
        this.ocr = ocr;
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

    /**
     * Reads the picture again with word boxes. A page is rendered larger than the preview shows it: Tesseract reads
     * small print badly, and the boxes are scaled to the shown size anyway. Without a picture or Tesseract: null.
     */
    @Override
    public PageWords pictureWords(Path file, int page) {
        OcrReader reader = ocr.get();
        if (!reader.available()) {
            return null;
        }
        Path tmp = null;
        try {
            byte[] png = PageThumbnails.png(file, page, WORDS_SIDE);
            if (png == null) {
                return null;
            }
            tmp = Files.createTempFile("semdex-words-", ".png");
            Files.write(tmp, png);
            return reader.words(tmp);
        } catch (java.io.IOException | ExtractionException e) {
            LOG.debug("No word boxes for {}: {}", file, e.getMessage());
            return null;
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (java.io.IOException e) {
                    LOG.debug("Cannot delete {}", tmp);
                }
            }
        }
    }
}
