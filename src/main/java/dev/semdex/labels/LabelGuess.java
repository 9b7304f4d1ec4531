package dev.semdex.labels;

/**
 * The label a file most likely has.
 *
 * @param label      the best label's name, or null when the confidence is below the threshold
 * @param best       the best label's name whatever the threshold, for showing what the guess would have been
 * @param confidence the best label's share of the softmax over all labels' cosines, 0 to 1
 */
public record LabelGuess(String label, String best, double confidence, double cosine) {

    public boolean labelled() {
        return label != null;
    }
}
