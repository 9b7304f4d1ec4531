package dev.semdex.embed.ollama;

import java.time.Duration;

/**
 * One server of a {@link MultiServerEmbedder}: its embedder once connected, and whether it is set aside. A server
 * that failed is left alone for a while, longer after each failure in a row, so that a machine that is down costs
 * the others nothing but an occasional try.
 */
final class FleetServer {

    private final OllamaConfig config;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private volatile OllamaEmbedder embedder;
    private long asideUntilNanos;
    private Duration backoff;
    private boolean dropped;
    private String problem;

    FleetServer(OllamaConfig config, Duration firstBackoff, Duration maxBackoff) {
        this.config = config;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.backoff = firstBackoff;
    }

    OllamaConfig config() {
        return config;
    }

    String url() {
        return config.baseUrl();
    }

    /** Null until the server answered once and passed the same-model check. */
    OllamaEmbedder embedder() {
        return embedder;
    }

    void connected(OllamaEmbedder opened) {
        this.embedder = opened;
    }

    /** Sets the server aside after a failure; returns whether it was in use until now (worth telling the user). */
    synchronized boolean setAside(String reason) {
        boolean wasInUse = asideUntilNanos == 0;
        problem = reason;
        asideUntilNanos = System.nanoTime() + backoff.toNanos();
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
        return wasInUse;
    }

    /** A request succeeded: the server is in use again; returns whether it had been set aside. */
    synchronized boolean answered() {
        boolean wasAside = asideUntilNanos != 0;
        asideUntilNanos = 0;
        backoff = firstBackoff;
        problem = null;
        return wasAside;
    }

    /** For good: it serves another model than the others. */
    synchronized void drop(String reason) {
        dropped = true;
        problem = reason;
    }

    synchronized boolean dropped() {
        return dropped;
    }

    /** Set aside (or dropped) right now. */
    synchronized boolean aside() {
        return dropped || asideUntilNanos != 0 && System.nanoTime() < asideUntilNanos;
    }

    /** How long until the server may be tried again; zero when it may now. */
    synchronized long nanosUntilTry() {
        return asideUntilNanos == 0 ? 0 : Math.max(0, asideUntilNanos - System.nanoTime());
    }

    /** Lets a set-aside server be tried at once (the caller already waited for every server). */
    synchronized void tryNow() {
        if (asideUntilNanos != 0) {
            asideUntilNanos = System.nanoTime();
        }
    }

    synchronized String problem() {
        return problem;
    }
}
