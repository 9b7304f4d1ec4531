package dev.semdex.labels;

/**
 * The label one indexed file has.
 *
 * @param path       the file
 * @param label      its label, or null when no label is sure enough or the file is like none of them
 * @param best       the nearest label whatever the threshold, so the window can offer it for confirming
 * @param confidence the best label's share among the labels, 0 to 1 (1 for a file the user confirmed)
 * @param similarity the file's cosine with the best label's centre
 * @param confirmed  whether the user confirmed or chose this label, rather than the classifier
 */
public record FileLabel(String path, String label, String best, double confidence, double similarity,
        boolean confirmed) {

    public boolean labelled() {
        return label != null;
    }
}
