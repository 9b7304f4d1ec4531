package dev.semdex.ui.search;

import dev.semdex.extract.PageWords;
import dev.semdex.search.BestSentence;
import dev.semdex.search.Passage;
import dev.semdex.search.SearchAnswer;
import dev.semdex.search.SearchRequest;
import dev.semdex.search.SearchResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the search pane needs from the core. Every method blocks (I/O, model loading, embedding), so the view model
 * calls them through a {@link dev.semdex.ui.common.TaskRunner}, never on the UI thread. {@link SemdexSearchPort}
 * is the real one; view-model tests use a fake.
 */
public interface SearchPort {

    /** The indexed folders, for the folder filter. */
    List<Path> indexedFolders();

    /** Extensions of the indexed files, most common first, for the file-type filter. */
    List<String> fileTypes();

    /** Model ids with vectors in the index, {@code preferred} first; just {@code preferred} for an empty index. */
    List<String> searchableModels(String preferred);

    /** The files found, with the query vector that {@link #bestSentences} scores against. */
    SearchAnswer search(SearchRequest request);

    /**
     * The best sentence of each of the answer's results given, by chunk id: by meaning against the search's own
     * query vector, by query words in keyword mode (see {@link BestSentence}). Embeds the sentences, so it blocks.
     */
    Map<Long, BestSentence.Span> bestSentences(SearchAnswer answer, List<SearchResult> results);

    Passage passage(long chunkId);

    /**
     * The picture a result was read from (an image, a scanned PDF page) as PNG, at most {@code maxSide} pixels on
     * its longer side; null when it has none (a text document, a PDF page with a text layer). Reads the file.
     */
    default byte[] thumbnail(Path file, int page, int maxSide) {
        return null;
    }

    /**
     * The words OCR reads on the picture a result was read from, with their boxes, to show its passage on the
     * picture; null when there is no picture or no Tesseract. Runs Tesseract, so it takes a second or more.
     */
    default PageWords pictureWords(Path file, int page) {
        return null;
    }
}
