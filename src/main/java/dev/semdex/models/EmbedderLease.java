package dev.semdex.models;

import dev.semdex.embed.Embedder;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The right to use a shared embedder until {@link #close()}: while any lease is open the embedder stays open, even
 * when a new thread count or the removal of its model retires it, so an indexing run or a search never has its
 * model closed under it. Closing the lease does not close the embedder unless it was retired and this was its last
 * user.
 */
public final class EmbedderLease implements AutoCloseable {

    private final EmbedderPool.Shared shared;
    private final Embedder embedder;
    private final AtomicBoolean released = new AtomicBoolean();

    EmbedderLease(EmbedderPool.Shared shared, Embedder embedder) {
        this.shared = shared;
        this.embedder = embedder;
    }

    public Embedder embedder() {
        return embedder;
    }

    /** The same lease seen through a wrapper (one that waits for the server, say); the wrapper is not closed. */
    EmbedderLease through(Embedder wrapper) {
        if (released.getAndSet(true)) {
            throw new IllegalStateException("lease already released");
        }
        return new EmbedderLease(shared, wrapper);
    }

    /** Releases the lease; a second call does nothing. */
    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            shared.release();
        }
    }
}
