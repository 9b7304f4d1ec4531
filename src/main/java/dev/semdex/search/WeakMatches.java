package dev.semdex.search;

import java.util.List;

/**
 * Where a result list stops being good. Scores mean different things per mode, so each mode has its own scale:
 * keyword scores (BM25) and hybrid scores (reciprocal-rank fusion scaled so that first in both lists is 1) are read
 * as a fraction of the top score; vector scores (cosine) are read above the list's own floor, the similarity of the
 * least related file shown, because every model has its own baseline for unrelated text (far above zero for some)
 * and the list's tail measures it for this model and this folder without any stored constant.
 *
 * <p>A result is weaker when it reaches less than {@link #RELATIVE} of the top result on that scale. Nothing is a
 * good match when, in hybrid mode, no file is found by both meaning and words (each half alone scores at most one
 * half), or, in vector mode, the top file stands out from the floor by less than {@link #VECTOR_SPREAD} of the
 * room above it.
 */
public final class WeakMatches {

    static final double RELATIVE = 0.5;
    static final double VECTOR_SPREAD = 0.2;
    /** A hybrid score at or below this comes from one half of the search alone. */
    static final double ONE_HALF_ONLY = 0.5;
    /** Vector lists shorter than this have no tail to measure a floor on; they are all kept as good. */
    static final int VECTOR_FLOOR_SAMPLE = 10;

    private WeakMatches() {}

    /** How many of {@code results} (best first) are good matches: 0 means "no good match". */
    public static int goodCount(SearchMode mode, List<SearchResult> results) {
        if (results.isEmpty()) {
            return 0;
        }
        double top = results.get(0).score();
        double floor = 0;
        if (mode == SearchMode.VECTOR) {
            if (results.size() < VECTOR_FLOOR_SAMPLE) {
                return results.size();
            }
            floor = results.get(results.size() - 1).score();
            double room = 1 - floor;
            if (room <= 0 || (top - floor) / room < VECTOR_SPREAD) {
                return 0;
            }
        } else if (mode == SearchMode.HYBRID && top <= ONE_HALF_ONLY + 1e-9) {
            return 0;
        } else if (top <= 0) {
            return 0;
        }
        int good = 0;
        for (SearchResult r : results) {
            if ((r.score() - floor) < RELATIVE * (top - floor)) {
                break;
            }
            good++;
        }
        return good;
    }
}
