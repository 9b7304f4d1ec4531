package dev.semdex.models;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What adding a model to the index costs and brings: the passages to embed, how fast the model embeds here, and
 * its quality figures.
 *
 * @param passages          passages of the indexed files (counted once per file, see the folder counts)
 * @param passagesPerSecond measured on this machine (last run or a short probe); empty when not measurable
 * @param measuredInRun     the speed comes from a real indexing run rather than a probe
 * @param quality           its SciFact figures, if the app has them
 * @param judgedQueries     queries the user has judged, on which the Quality tab ranks the models
 */
public record AddModelCost(String modelId, long passages, OptionalDouble passagesPerSecond, boolean measuredInRun,
        Optional<SciFactQuality.Figures> quality, int judgedQueries) {

    /** About how long embedding every passage takes; empty without a speed. */
    public Optional<Duration> estimate() {
        if (passagesPerSecond.isEmpty() || passagesPerSecond.getAsDouble() <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Math.round(passages / passagesPerSecond.getAsDouble())));
    }
}
