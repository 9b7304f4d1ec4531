package dev.semdex.embed;

import dev.semdex.chunk.TextTokenizer;
import java.util.List;

/**
 * An embedder that passes every call on to another, for wrappers that change one or two calls (waiting out a server,
 * counting, timing) and should not restate the rest. It does not own the other: {@link #close()} leaves it open.
 */
public abstract class ForwardingEmbedder implements Embedder {

    private final Embedder inner;

    protected ForwardingEmbedder(Embedder inner) {
        this.inner = inner;
    }

    /** The embedder the calls go to. */
    protected final Embedder inner() {
        return inner;
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
    public List<float[]> embedPassages(List<String> passages) {
        return inner.embedPassages(passages);
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
    public int maxPassageTokens() {
        return inner.maxPassageTokens();
    }

    @Override
    public int passagesPerCall() {
        return inner.passagesPerCall();
    }

    @Override
    public List<String> warnings() {
        return inner.warnings();
    }

    /** Leaves the other embedder open: whoever opened it closes it. */
    @Override
    public void close() {
    }
}
