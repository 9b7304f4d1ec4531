package dev.semdex.similar;

import dev.semdex.embed.Embedder;
import java.util.function.Function;

/**
 * The models more-like-this embeds a source with when its vectors are not in the index (a file from elsewhere, a
 * piece of selected text). The embedder is held for one piece of work only, so a settings change never closes a
 * model under it.
 */
public interface PassageModels {

    /** The id the index stores the model's vectors under (an Ollama model gains its server). */
    String canonicalId(String modelId);

    /** Runs {@code work} with the model's embedder, held for the duration of the call. */
    <T> T withEmbedder(String modelId, Function<Embedder, T> work);

    /** Over one embedder the caller owns and keeps open (tests, the lab). */
    static PassageModels of(Embedder embedder) {
        return new PassageModels() {
            @Override
            public String canonicalId(String modelId) {
                return modelId;
            }

            @Override
            public <T> T withEmbedder(String modelId, Function<Embedder, T> work) {
                return work.apply(embedder);
            }
        };
    }
}
