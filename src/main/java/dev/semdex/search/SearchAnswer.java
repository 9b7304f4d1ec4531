package dev.semdex.search;

import java.util.List;

/**
 * The files a search found, with the query's vector when the search embedded it: the best sentences of the results
 * and of a previewed file are scored against that same vector, so a query is embedded once however much of it the
 * window shows (with an Ollama model, one round trip instead of three).
 *
 * @param queryVector null for keyword search and for a model with no vectors in the index
 * @param goodMatches how many of the results are good matches, the rest weaker; 0: no good match
 *                    ({@link WeakMatches})
 * @param wordsOnlyFiles files in the index that a search by meaning could not reach because the model has not
 *                    embedded them yet (a run is in its second phase, or stopped in it): hybrid search found them by
 *                    their words alone, vector search not at all; 0 for keyword search
 * @param semanticHalf for a hybrid search, the cosine scores of its semantic half's first files; for a vector
 *                    search with pictures merged in, those of the list that leads (null otherwise or when nothing
 *                    has vectors), which tell whether anything matches by meaning
 */
public record SearchAnswer(SearchRequest request, List<SearchResult> results, float[] queryVector, int goodMatches,
        long wordsOnlyFiles, double[] semanticHalf) {

    public SearchAnswer(SearchRequest request, List<SearchResult> results, float[] queryVector, int goodMatches) {
        this(request, results, queryVector, goodMatches, 0, null);
    }

    /** An answer whose good matches are judged on its own scores ({@link WeakMatches}). */
    public SearchAnswer(SearchRequest request, List<SearchResult> results, float[] queryVector) {
        this(request, results, queryVector, WeakMatches.goodCount(request.mode(), results));
    }

    /**
     * What the user should know about files not yet embedded, e.g. "3,200 files searched by words only: not
     * embedded yet"; empty when there are none. Vector search names them as not searched.
     */
    public String wordsOnlyNote() {
        if (wordsOnlyFiles <= 0) {
            return "";
        }
        String files = String.format(java.util.Locale.ROOT, "%,d %s", wordsOnlyFiles,
                wordsOnlyFiles == 1 ? "file" : "files");
        return request.mode() == SearchMode.VECTOR ? files + " not searched: not embedded yet"
                : files + " searched by words only: not embedded yet";
    }

    /** How many results would be good matches with another share of the top score, to calibrate the shares. */
    public int goodMatchesAt(double share) {
        return WeakMatches.goodCount(request.mode(), results, share, semanticHalf);
    }

    public static SearchAnswer empty(SearchRequest request) {
        return new SearchAnswer(request, List.of(), null);
    }
}
