package dev.semdex.lab.eval;

import java.util.List;

/**
 * Quality of one mode on a user's folder: the share of questions whose answer came first or in the top three, MRR@10
 * and nDCG@10, and for each question the rank of its first answer (0 when not in the top ten), to see which ones fail.
 */
public record FolderResult(String questions, String model, String mode, int queries, double success1,
        double success3, double mrr10, double ndcg10, double queryMillisMean, List<Miss> misses) {

    /** A question whose answer did not come first, with what came first instead. */
    public record Miss(String query, int rank, String first) {
    }
}
