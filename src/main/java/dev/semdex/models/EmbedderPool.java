package dev.semdex.models;

import dev.semdex.embed.Embedder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One open embedder per model, shared by every user and counted: an embedder that must be replaced (new thread
 * count, model removed) is retired rather than closed, and closes when its last lease is released. Opening a model
 * takes seconds, so it happens outside any lock that other models' users would wait on.
 */
final class EmbedderPool {

    private final Function<String, Embedder> opener;
    private final Map<String, Shared> open = new ConcurrentHashMap<>();
    /**
     * The latest {@link #retireAll}: an embedder still opening while it ran was not in the map to be retired, so
     * the next lease retires it if it is older than this and matches.
     */
    private volatile Retirement latest = new Retirement(0, embedder -> false);

    private record Retirement(long generation, Predicate<Embedder> which) {}

    EmbedderPool(Function<String, Embedder> opener) {
        this.opener = opener;
    }

    EmbedderLease lease(String id) {
        while (true) {
            Retirement retirement = latest;
            Shared shared = open.computeIfAbsent(id, key -> new Shared(opener.apply(key), retirement.generation()));
            if (shared.generation < retirement.generation() && retirement.which().test(shared.embedder)) {
                retire(id, shared);
            } else if (shared.acquire()) {
                return new EmbedderLease(shared, shared.embedder);
            } else {
                open.remove(id, shared); // retired between the look-up and the lease
            }
        }
    }

    /**
     * Retires the open embedders that match, once the caller changed how new ones open, so that the next lease
     * opens them afresh; unused ones close now, leased ones when their last lease is released.
     */
    synchronized void retireAll(Predicate<Embedder> which) {
        Retirement retirement = new Retirement(latest.generation() + 1, which);
        latest = retirement;
        open.forEach((id, shared) -> {
            if (which.test(shared.embedder)) {
                retire(id, shared);
            }
        });
    }

    /** Retires one model's embedder, if open (its model was removed). */
    void retire(String id) {
        Shared shared = open.remove(id);
        if (shared != null) {
            shared.retire();
        }
    }

    private void retire(String id, Shared shared) {
        open.remove(id, shared);
        shared.retire();
    }

    /** Closes every embedder, leased or not: the application is shutting down. */
    void closeAll() {
        open.values().forEach(Shared::closeNow);
        open.clear();
    }

    /** An open embedder and how many leases hold it. */
    static final class Shared {

        private final Embedder embedder;
        private final long generation;
        private int users;
        private boolean retired;
        private boolean closed;

        Shared(Embedder embedder, long generation) {
            this.embedder = embedder;
            this.generation = generation;
        }

        synchronized boolean acquire() {
            if (retired) {
                return false;
            }
            users++;
            return true;
        }

        synchronized void release() {
            users--;
            closeIfUnused();
        }

        synchronized void retire() {
            retired = true;
            closeIfUnused();
        }

        synchronized void closeNow() {
            retired = true;
            users = 0;
            closeIfUnused();
        }

        private void closeIfUnused() {
            if (retired && users <= 0 && !closed) {
                closed = true;
                embedder.close();
            }
        }
    }
}
