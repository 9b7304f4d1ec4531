package dev.semdex.embed.ollama;

import dev.semdex.chunk.TextTokenizer;
import java.util.List;
import java.util.Optional;

/**
 * Tells whether an Ollama server cut inputs, which it does silently. What a real server does (measured on Ollama
 * 0.12.11 with all-minilm): {@code prompt_eval_count} counts the tokens it read <em>without</em> [CLS]/[SEP], and an
 * input longer than the context is cut to the context minus those two. So with the model's own tokenizer the count
 * is predicted exactly: an input longer than that is certainly cut (known before the answer), and a server that
 * reads fewer tokens than predicted loaded the model with a smaller context than asked for. With the estimating
 * tokenizer, which counts high on purpose, only a server count above the estimate is a sign of trouble.
 */
final class TruncationCheck {

    /** [CLS]/[SEP] (or BOS/EOS): the server adds them and they take room in its context. */
    static final int SPECIAL_TOKENS = 2;
    /**
     * Room for tokenizer differences in a server count below the prediction: the server's WordPiece agrees with the
     * Hugging Face one on ordinary text, but may split rare symbols differently. A context smaller than asked for
     * cuts far more than this.
     */
    static final int DRIFT_PER_MILLE = 10;

    private final TextTokenizer tokenizer;
    private final boolean exact;
    private final int context;

    /**
     * @param context the context the server runs the model with: the smaller of its trained context and the
     *                {@code num_ctx} asked for
     */
    TruncationCheck(TextTokenizer tokenizer, boolean exact, int context) {
        this.tokenizer = tokenizer;
        this.exact = exact;
        this.context = context;
    }

    /** How many tokens of one input the server reads at most. */
    int readable() {
        return context - SPECIAL_TOKENS;
    }

    /**
     * What to tell the user about one request, if anything.
     *
     * @param texts    the inputs as sent (prefix included)
     * @param reported the server's {@code prompt_eval_count}, negative when it sent none
     */
    Optional<String> problem(List<String> texts, int reported, String server, String model) {
        int predicted = 0;
        int overlong = 0;
        int longest = 0;
        for (String text : texts) {
            int tokens = tokenizer.count(text);
            longest = Math.max(longest, tokens);
            if (tokens > readable()) {
                overlong++;
            }
            predicted += Math.min(tokens, readable());
        }
        String where = "the Ollama server at " + server + " (model " + model + ")";
        if (exact && overlong > 0) {
            return Optional.of(where + " read only the first " + readable() + " tokens of " + overlong
                    + (overlong == 1 ? " text" : " texts") + " longer than its context of " + context + " tokens (the "
                    + "longest had " + longest + "): their vectors cover only their beginning.");
        }
        if (reported < 0) {
            return Optional.empty();
        }
        if (exact && reported < predicted - Math.max(1, predicted * DRIFT_PER_MILLE / 1000)) {
            return Optional.of(where + " read " + reported + " tokens of a batch of " + predicted + ": it cut some "
                    + "passages to fit a context smaller than asked for. Their vectors only cover their beginning. "
                    + "Raise the model's context on the server (PARAMETER num_ctx " + context + " in its Modelfile, "
                    + "or OLLAMA_CONTEXT_LENGTH) and index again.");
        }
        // a server that counts [CLS]/[SEP] too (older versions may) must not make the estimate look low
        if (!exact && reported > predicted + SPECIAL_TOKENS * texts.size()) {
            return Optional.of(where + " counted " + reported + " tokens where Semdex estimated at most " + predicted
                    + ": passages may have been cut to fit the server's context. Index with a local model of the "
                    + "same family if exact passages matter.");
        }
        return Optional.empty();
    }
}
