package dev.semdex.labels;

/**
 * When a file gets no label.
 *
 * @param confidence    the best label's least share among the labels: below it the labels are too alike to choose
 * @param minSimilarity the least cosine between a file and its best label's centre: below it the file is about none
 *                      of the labels, however clearly it leans to one of them ("none of these"); 0 leaves it to
 *                      the confidence, since what cosine counts as near differs from model to model
 */
public record LabelThresholds(double confidence, double minSimilarity) {

    /** The best label must outweigh all others together; no floor on similarity. */
    public static final LabelThresholds DEFAULT = new LabelThresholds(0.5, 0);

    public LabelThresholds {
        if (confidence < 0 || confidence > 1) {
            throw new dev.semdex.SemdexException("The confidence threshold must be between 0 and 1, not "
                    + confidence + ".");
        }
        if (minSimilarity < -1 || minSimilarity > 1) {
            throw new dev.semdex.SemdexException("The least similarity must be between -1 and 1, not "
                    + minSimilarity + ".");
        }
    }
}
