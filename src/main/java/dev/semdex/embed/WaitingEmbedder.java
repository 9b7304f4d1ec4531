package dev.semdex.embed;

import dev.semdex.chunk.TextTokenizer;
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
public final class WaitingEmbedder implements Embedder {

    /** Hears about the wait, on the embedding thread. */
    public interface Listener {
        void waiting(ServerUnavailableException reason, Duration nextTryIn);

        void resumed();
    }

    private final Embedder inner;
    private final Listener listener;
    private final Duration firstWait;
    private final Duration maxWait;

    /** Does not own {@code inner}: closing this leaves it open. */
    public WaitingEmbedder(Embedder inner, Listener listener, Duration firstWait, Duration maxWait) {
        this.inner = inner;
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
                List<float[]> vectors = inner.embedPassages(passages);
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

    @Override
    public ModelSpec model() {
        return inner.model();
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public float[] embedQuery(String query) {
        return inner.embedQuery(query);
    }

    @Override
    public TextTokenizer tokenizer() {
        return inner.tokenizer();
    }

    @Override
    public int passagesPerCall() {
        return inner.passagesPerCall();
    }

    @Override
    public int maxPassageTokens() {
        return inner.maxPassageTokens();
    }

    @Override
    public List<String> warnings() {
        return inner.warnings();
    }

    @Override
    public void close() {
        // the inner embedder is shared; the lease it came with releases it
    }
}
