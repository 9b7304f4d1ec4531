package dev.semdex.models;

import dev.semdex.embed.Embedder;
import java.util.List;

/**
 * A short measurement of a model's speed on this machine for a model never run here: a warm-up batch (the first
 * one pays for loading and compiling), then a timed batch of real passages from the index.
 */
public final class SpeedProbe {

    static final int WARM_UP = 4;

    private SpeedProbe() {}

    /** Passages per second over {@code passages} (after a warm-up on the first few); NaN when there are none. */
    public static double passagesPerSecond(Embedder embedder, List<String> passages) {
        if (passages.size() <= WARM_UP) {
            return Double.NaN;
        }
        embedder.embedPassages(passages.subList(0, WARM_UP));
        List<String> timed = passages.subList(WARM_UP, passages.size());
        long started = System.nanoTime();
        embedder.embedPassages(timed);
        return timed.size() / ((System.nanoTime() - started) / 1e9);
    }
}
