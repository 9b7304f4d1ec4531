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

    /**
     * Each label's least and greatest cosine over {@code files}: how like it the least and the most alike files of
     * the index are, the scale {@link LabelThresholds#floorShare()} is read on.
     */
    public Map<String, double[]> ranges(Iterable<float[]> files) {
        Map<String, double[]> out = new LinkedHashMap<>();
        centres.keySet().forEach(l -> out.put(l, new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}));
        for (float[] file : files) {
            for (Map.Entry<String, float[]> e : centres.entrySet()) {
                double c = LabelCentres.dot(file, e.getValue());
                double[] r = out.get(e.getKey());
                r[0] = Math.min(r[0], c);
                r[1] = Math.max(r[1], c);
            }
        }
        return out;
    }

    /**
     * As {@link #classify(float[], LabelThresholds)}, and also no label when the file sits low in the range of
     * likeness {@code ranges} gives its best label: among the indexed files it is not one of those like the label.
     */
    public LabelGuess classify(float[] file, LabelThresholds thresholds, Map<String, double[]> ranges) {
        LabelGuess guess = classify(file, thresholds);
        double[] r = guess.labelled() ? ranges.get(guess.best()) : null;
        if (r != null && thresholds.floorShare() > 0 && guess.cosine() < r[0] + thresholds.floorShare() * (r[1] - r[0])) {
            return new LabelGuess(null, guess.best(), guess.confidence(), guess.cosine());
        }
        return guess;
    }

    public List<String> labels() {
        return List.copyOf(centres.keySet());
    }
}
