package dev.semdex.labels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zero-shot classification of files by label centres ({@link LabelCentres}): a file gets the label whose centre is
 * nearest its vector. Confidence is that label's share of a softmax over all labels' cosines at a low temperature,
 * because cosines of one model sit in a narrow band and their differences, not their size, say how sure the guess
 * is; below the threshold a file gets no label.
 */
public final class LabelClassifier {

    /** Cosines differ by hundredths between labels; this temperature turns such a gap into a clear share. */
    static final double TEMPERATURE = 0.02;

    private final Map<String, float[]> centres;

    /** @param centres each label's centre, by name, in the order labels are shown */
    public LabelClassifier(Map<String, float[]> centres) {
        this.centres = new LinkedHashMap<>(centres);
    }

    public LabelGuess classify(float[] file, double threshold) {
        if (centres.isEmpty()) {
            return new LabelGuess(null, null, 0, 0);
        }
        String best = null;
        double bestCosine = Double.NEGATIVE_INFINITY;
        Map<String, Double> cosines = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> e : centres.entrySet()) {
            double c = LabelCentres.dot(file, e.getValue());
            cosines.put(e.getKey(), c);
            if (c > bestCosine) {
                bestCosine = c;
                best = e.getKey();
            }
        }
        double sum = 0;
        for (double c : cosines.values()) {
            sum += Math.exp((c - bestCosine) / TEMPERATURE);
        }
        double confidence = 1 / sum;
        return new LabelGuess(confidence >= threshold ? best : null, best, confidence, bestCosine);
    }

    /**
     * As {@link #classify(float[], double)}, and also no label when the file is far from even its nearest label: the
     * confidence only compares labels with each other, so a file about none of them can still lean clearly to one.
     */
    public LabelGuess classify(float[] file, LabelThresholds thresholds) {
        LabelGuess guess = classify(file, thresholds.confidence());
        if (guess.labelled() && guess.cosine() < thresholds.minSimilarity()) {
            return new LabelGuess(null, guess.best(), guess.confidence(), guess.cosine());
        }
        return guess;
    }

    public List<String> labels() {
        return List.copyOf(centres.keySet());
    }
}
