package dev.semdex.search;

import java.util.List;

/**
 * Where a result list stops being good. Scores mean different things per mode, so each mode has its own scale and
 * share: keyword scores (BM25) and hybrid scores (fused so that first in both halves is 1)
 * are read as a share of the top score; vector scores (cosine) are read above the list's own floor, the similarity
 * of the least related file shown, because every model has its own baseline for unrelated text (far above zero for
 * some) and the list's tail measures it for this model and this folder without a stored constant.
 *
 * <p>A result is weaker when it reaches less than its mode's share of the top result on that scale. The shares are
 * the ones that keep about 85 % of SciFact's judged answers above the line ({@code eval --beir … --weak-matches}).
 * Nothing is a good match when, in vector mode, the top file stands out from the floor by less than
 * {@link #VECTOR_SPREAD} of the room above it; in hybrid mode the same test is made on the search's semantic half,
 * since fused scores alone cannot tell (a keyword half finds some words in any large folder). Before any file has
 * vectors a hybrid search is its keyword half, and is read as one.
 */
public final class WeakMatches {

    static final double VECTOR_SHARE = 0.4;
    static final double KEYWORD_SHARE = 0.6;
    static final double HYBRID_SHARE = 0.5;
    static final double VECTOR_SPREAD = 0.2;
    /** Vector lists shorter than this have no tail to measure a floor on; they are all kept as good. */
    static final int VECTOR_FLOOR_SAMPLE = 10;

    private WeakMatches() {}

    /** How many of {@code results} (best first) are good matches: 0 means "no good match". */
    public static int goodCount(SearchMode mode, List<SearchResult> results) {
        return goodCount(mode, results, share(mode), null);
    }

    /**
     * As {@link #goodCount(SearchMode, List)}, with the cosine scores of a hybrid search's semantic half, or of a
     * vector search's leading list when pictures were merged into it (its scores are then standings, not cosines);
     * best first, as many as were shown; null or empty when there are none.
     */
    public static int goodCount(SearchMode mode, List<SearchResult> results, double[] semanticHalf) {
        return goodCount(mode, results, share(mode), semanticHalf);
    }

    /** With another share of the top score, to calibrate it. */
    public static int goodCount(SearchMode mode, List<SearchResult> results, double share, double[] semanticHalf) {
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
            boolean cosines = semanticHalf == null || semanticHalf.length == 0; // else pictures were merged in
            if (cosines ? standsOutTooLittle(top, floor) : semanticHalf.length >= VECTOR_FLOOR_SAMPLE
                    && standsOutTooLittle(semanticHalf[0], semanticHalf[semanticHalf.length - 1])) {
                return 0;
            }
        } else if (mode == SearchMode.HYBRID && semanticHalf != null && semanticHalf.length > 0) {
            if (semanticHalf.length >= VECTOR_FLOOR_SAMPLE
                    && standsOutTooLittle(semanticHalf[0], semanticHalf[semanticHalf.length - 1])) {
                return 0;
            }
        } else if (mode == SearchMode.HYBRID) {
            // No vectors yet (the folder is searchable by words only): every score is the keyword half's.
            share = KEYWORD_SHARE;
        }
        if (mode != SearchMode.VECTOR && top <= 0) {
            return 0;
        }
        int good = 0;
        for (SearchResult r : results) {
            if ((r.score() - floor) < share * (top - floor)) {
                break;
            }
            good++;
        }
        return good;
    }

    private static boolean standsOutTooLittle(double top, double floor) {
        double room = 1 - floor;
        return room <= 0 || (top - floor) / room < VECTOR_SPREAD;
    }

    static double share(SearchMode mode) {
        return switch (mode) {
            case VECTOR -> VECTOR_SHARE;
            case KEYWORD -> KEYWORD_SHARE;
            case HYBRID -> HYBRID_SHARE;
        };
    }
}
