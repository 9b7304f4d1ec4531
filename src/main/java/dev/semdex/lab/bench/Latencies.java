package dev.semdex.lab.bench;

import java.util.Arrays;

/** Query times of a benchmark and their nearest-rank percentiles, the way latency targets are stated (p50, p99). */
final class Latencies {

    private final double[] sorted;

    Latencies(double[] millis) {
        this.sorted = millis.clone();
        Arrays.sort(sorted);
    }

    double p50() {
        return percentile(50);
    }

    double p99() {
        return percentile(99);
    }

    /** The smallest time at or above which {@code percent} % of the times fall. */
    double percentile(double percent) {
        int rank = (int) Math.ceil(sorted.length * percent / 100.0);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
