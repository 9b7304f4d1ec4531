package dev.semdex.lab.compare;

import java.util.List;
import java.util.Locale;

/**
 * Models trained with Matryoshka representation learning, whose leading dimensions form a good embedding on their
 * own. For every other model a shortened vector is an approximation, and the comparison says so.
 */
public final class Matryoshka {

    private static final List<String> TRAINED = List.of("nomic-embed-text", "mxbai-embed-large",
            "snowflake-arctic-embed-m-v1.5", "snowflake-arctic-embed-l-v2", "jina-embeddings-v3", "gte-modernbert",
            "modernbert-embed", "text-embedding-3", "embeddinggemma", "qwen3-embedding", "nomic-embed-text-v1.5");

    private Matryoshka() {}

    public static boolean isTrained(String modelId) {
        String id = modelId.toLowerCase(Locale.ROOT);
        return TRAINED.stream().anyMatch(id::contains);
    }
}
