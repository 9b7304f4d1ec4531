package dev.semdex.labels;

/**
 * When a file gets no label.
 *
 * @param confidence    the best label's least share among the labels: below it the labels are too alike to choose
 * @param minSimilarity the least cosine between a file and its best label's centre: below it the file is about none
 *                      of the labels, however clearly it leans to one of them ("none of these"); 0 leaves it to
 *                      the confidence, since what cosine counts as near differs from model to model
 * @param floorShare    the least place of a file between the indexed files least and most like its best label (0
 *                      the least alike, 1 the most): below it the file is about none of the labels. Measured on the
 *                      index itself, so it means the same with every model; 0 turns it off
 */
public record LabelThresholds(double confidence, double minSimilarity, double floorShare) {

    /**
     * The best label must outweigh all others together, and a file must sit in the upper three fifths of the files'
     * range of likeness to it: without such a floor a file about none of the labels gets the least unlike one (with
     * a single label, every file gets it).
     */
    public static final LabelThresholds DEFAULT = new LabelThresholds(0.5, 0, 0.4);

    /** Confidence and least cosine only: every file near enough gets its best label, however far the others are. */
    public LabelThresholds(double confidence, double minSimilarity) {
        this(confidence, minSimilarity, 0);
    }

    public LabelThresholds {
        if (confidence < 0 || confidence > 1) {
            throw new dev.semdex.SemdexException("The confidence threshold must be between 0 and 1, not "
                    + confidence + ".");
        }
        if (minSimilarity < -1 || minSimilarity > 1) {
            throw new dev.semdex.SemdexException("The least similarity must be between -1 and 1, not "
                    + minSimilarity + ".");
        }
        if (floorShare < 0 || floorShare > 1) {
            throw new dev.semdex.SemdexException("The floor must be between 0 and 1, not " + floorShare + ".");
        }
    }

    /** These thresholds with another least confidence (the one the user moves). */
    public LabelThresholds withConfidence(double least) {
        return new LabelThresholds(least, minSimilarity, floorShare);
    }
}
