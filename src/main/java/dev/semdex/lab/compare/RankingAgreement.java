package dev.semdex.lab.compare;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How much two top-k rankings agree. Overlap@k ignores order; rank-biased overlap (Webber, Moffat and Zobel 2010)
 * weighs agreement near the top more, handles lists that share only some items and lists of different lengths,
 * which Kendall's tau cannot do without inventing ranks for the missing items.
 */
public final class RankingAgreement {

    /** RBO persistence: with 0.9 the first 10 ranks carry about 86 % of the weight. */
    public static final double DEFAULT_PERSISTENCE = 0.9;

    private RankingAgreement() {}

    /**
     * The share of the top {@code k} of one list found in the top {@code k} of the other. When both lists are
     * shorter than {@code k} (a small folder), the share is of the longer list, so identical lists score 1.
     */
    public static double overlap(List<String> a, List<String> b, int k) {
        List<String> topA = a.subList(0, Math.min(k, a.size()));
        List<String> topB = b.subList(0, Math.min(k, b.size()));
        int depth = Math.max(topA.size(), topB.size());
        if (depth == 0) {
            return 1;
        }
        Set<String> inA = new HashSet<>(topA);
        long shared = topB.stream().distinct().filter(inA::contains).count();
        return (double) shared / depth;
    }

    /** Extrapolated rank-biased overlap (RBO<sub>ext</sub>, equation 32 of the paper) with p = 0.9. */
    public static double rbo(List<String> a, List<String> b) {
        return rbo(a, b, DEFAULT_PERSISTENCE);
    }

    /**
     * Extrapolated rank-biased overlap of two rankings of possibly different lengths: 1 for identical lists, 0 for
     * disjoint ones, symmetric, and larger when the agreement is near the top.
     */
    public static double rbo(List<String> a, List<String> b, double p) {
        if (p <= 0 || p >= 1) {
            throw new IllegalArgumentException("p must be in (0, 1)");
        }
        List<String> shortList = a.size() <= b.size() ? a : b;
        List<String> longList = a.size() <= b.size() ? b : a;
        int s = shortList.size();
        int l = longList.size();
        if (l == 0) {
            return 1;
        }
        if (s == 0) {
            return 0;
        }
        Set<String> seenShort = new HashSet<>();
        Set<String> seenLong = new HashSet<>();
        int overlap = 0;
        double sum = 0;
        int overlapAtS = 0;
        for (int d = 1; d <= l; d++) {
            String fromLong = longList.get(d - 1);
            if (d <= s) {
                String fromShort = shortList.get(d - 1);
                if (fromShort.equals(fromLong)) {
                    overlap++;
                } else {
                    if (seenLong.contains(fromShort)) {
                        overlap++;
                    }
                    if (seenShort.contains(fromLong)) {
                        overlap++;
                    }
                }
                seenShort.add(fromShort);
                seenLong.add(fromLong);
                if (d == s) {
                    overlapAtS = overlap;
                }
            } else if (seenShort.contains(fromLong)) {
                overlap++;
            }
            sum += (double) overlap / d * Math.pow(p, d);
            if (d > s) {
                sum += (double) overlapAtS * (d - s) / ((double) s * d) * Math.pow(p, d);
            }
        }
        double tail = ((double) (overlap - overlapAtS) / l + (double) overlapAtS / s) * Math.pow(p, l);
        return (1 - p) / p * sum + tail;
    }
}
