package dev.semdex.embed;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Lets a long indexing run outlive an embedding server that goes away for a while (a GPU box rebooting, Wi-Fi
 * dropping): when passages cannot be embedded because the server is unreachable, it tells its listener, waits,
 * and tries the same passages again, longer after each failure, until the server answers or the thread is
 * interrupted (the user cancels; what was stored so far stays). Any other failure passes through. Queries are not
 * retried: a search must answer now, and the window offers keyword search instead.
 */
public final class WaitingEmbedder extends ForwardingEmbedder {

    /** Hears about the wait, on the embedding thread. */
    public interface Listener {
        void waiting(ServerUnavailableException reason, Duration nextTryIn);

        void resumed();
    }

    private final Listener listener;
    private final Duration firstWait;
    private final Duration maxWait;

    /** Does not own {@code inner}: closing this leaves it open. */
    public WaitingEmbedder(Embedder inner, Listener listener, Duration firstWait, Duration maxWait) {
        super(inner);
        this.listener = listener;
        this.firstWait = firstWait;
        this.maxWait = maxWait;
    }

    @Override
    public List<float[]> embedPassages(List<String> passages) {
        Duration wait = firstWait;
        boolean waited = false;
        while (true) {
            try {
                List<float[]> vectors = inner().embedPassages(passages);
                if (waited) {
                    listener.resumed();
                }
                return vectors;
            } catch (ServerUnavailableException e) {
                waited = true;
                listener.waiting(e, wait);
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("Cancelled while waiting for the embedding server");
                }
                wait = wait.multipliedBy(2).compareTo(maxWait) > 0 ? maxWait : wait.multipliedBy(2);
            }
        }
    }
}
