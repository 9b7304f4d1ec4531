package dev.semdex.embed;

import dev.semdex.chunk.TextTokenizer;
import java.util.List;

/**
 * Turns text into unit-length vectors with one model. Calls block and are interruptible: an interrupted call
 * throws {@link java.util.concurrent.CancellationException} and keeps the thread's interrupt flag.
 */
public interface Embedder extends AutoCloseable {

    ModelSpec model();

    /** The real output length, probed at load time. */
    int dimension();

    /** Embeds passages (the model's passage prefix is added here); one vector per passage, in order. */
    List<float[]> embedPassages(List<String> passages);

    /** Embeds a search query (the model's query prefix is added here). */
    float[] embedQuery(String query);

    /** The model's own tokenizer, for cutting text into chunks that fit. */
    TextTokenizer tokenizer();

    /** How many content tokens fit in one passage once special tokens and the passage prefix are counted. */
    int maxPassageTokens();

    /**
     * How many passages one {@link #embedPassages} call should carry to keep this embedder fully busy. The indexer
     * gathers the passages of consecutive small files up to this many; more would only delay storing finished files
     * (and lose more work if a remote server fails mid-call).
     */
    default int passagesPerCall() {
        return 1;
    }

    /** Problems the user should hear about that did not stop the work (e.g. a server that cut passages). */
    default List<String> warnings() {
        return List.of();
    }

    @Override
    void close();
}
