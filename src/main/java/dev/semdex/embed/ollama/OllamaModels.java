package dev.semdex.embed.ollama;

import dev.semdex.embed.ModelSource;
import dev.semdex.embed.ModelSpec;
import dev.semdex.embed.Pooling;
import java.util.Locale;
import java.util.Map;

/**
 * Catalog entries for models served by Ollama, named {@code ollama:<model>} (the Ollama model name, tag included
 * if given). The server decides pooling; Semdex only needs the prefixes the model was trained with, known here for
 * the common embedding models on ollama.com; any other model gets none. The dimension is 0 until an
 * {@link OllamaEmbedder} probes the server.
 */
public final class OllamaModels {

    public static final String PREFIX = "ollama:";
    /** Chunks hold at most this many (estimated) tokens unless the model was trained on shorter text. */
    static final int DEFAULT_CHUNK_TOKENS = 512;
    public static final String TOKENIZER_FAMILY = "ollama-estimate";

    private record Hint(int chunkTokens, String query, String passage) {}

    private static final String RETRIEVAL = "Represent this sentence for searching relevant passages: ";
    private static final Map<String, Hint> HINTS = Map.of(
            "all-minilm", new Hint(256, "", ""),
            "nomic-embed-text", new Hint(512, "search_query: ", "search_document: "),
            "mxbai-embed-large", new Hint(512, RETRIEVAL, ""),
            "snowflake-arctic-embed", new Hint(512, RETRIEVAL, ""),
            "embeddinggemma", new Hint(512, "task: search result | query: ", "title: none | text: "),
            "bge-m3", new Hint(512, "", ""));

    private OllamaModels() {}

    public static boolean isOllamaId(String id) {
        return id != null && id.startsWith(PREFIX) && id.length() > PREFIX.length();
    }

    /** The Ollama model name inside an {@code ollama:<model>} id. */
    public static String modelName(String id) {
        return id.substring(PREFIX.length());
    }

    public static ModelSpec spec(String id) {
        String name = modelName(id);
        String base = name.toLowerCase(Locale.ROOT);
        int colon = base.indexOf(':');
        if (colon >= 0) {
            base = base.substring(0, colon);
        }
        Hint hint = HINTS.getOrDefault(base, new Hint(DEFAULT_CHUNK_TOKENS, "", ""));
        return new ModelSpec(id, name + " (Ollama)", 0, hint.chunkTokens(), hint.chunkTokens(), Pooling.MEAN,
                hint.query(), hint.passage(), ModelSource.OLLAMA, TOKENIZER_FAMILY, null, null, false);
    }
}
