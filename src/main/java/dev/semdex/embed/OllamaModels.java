package dev.semdex.embed;

import dev.semdex.SemdexException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Catalog entries for models served by Ollama. On the command line a model is named {@code ollama:<model>} (the
 * Ollama model name, tag included if given); in the index its id also names the server,
 * {@code ollama:<model>@<host:port>} ({@code @https://host/path} for https), because two servers' "same" model may
 * be different weights or quantisations and their vectors must never be mixed. The server decides pooling; Semdex
 * only needs the prefixes the model was trained with and, where known, the Hugging Face tokenizer that splits text
 * as the server does, so chunks can be measured exactly. The dimension is 0 until the embedder probes the server.
 * This is the catalog's side of Ollama, with no network code, so that the catalog can name Ollama models without
 * depending on the client in {@code embed.ollama}.
 */
public final class OllamaModels {

    public static final String PREFIX = "ollama:";
    public static final String DEFAULT_URL = "http://localhost:11434";
    public static final int DEFAULT_PORT = 11434;
    /** Chunks hold at most this many (estimated) tokens unless the model was trained on shorter text. */
    static final int DEFAULT_CHUNK_TOKENS = 512;
    public static final String TOKENIZER_FAMILY = "ollama-estimate";

    /**
     * What is known about a model family on ollama.com.
     *
     * @param tokenizerModel catalog id of a local model with the same tokenizer, or null (then tokens are estimated)
     */
    public record Hint(int chunkTokens, String query, String passage, String tokenizerModel) {}

    private static final String RETRIEVAL = "Represent this sentence for searching relevant passages: ";
    /** bert-base-uncased WordPiece: MiniLM, nomic-bert, BERT-large (mxbai) and the arctic-embed family use it. */
    private static final String BERT_UNCASED = ModelCatalog.DEFAULT_MODEL;
    private static final Map<String, Hint> HINTS = Map.of(
            "all-minilm", new Hint(256, "", "", BERT_UNCASED),
            "nomic-embed-text", new Hint(512, "search_query: ", "search_document: ", BERT_UNCASED),
            "mxbai-embed-large", new Hint(512, RETRIEVAL, "", BERT_UNCASED),
            "snowflake-arctic-embed", new Hint(512, RETRIEVAL, "", BERT_UNCASED),
            "embeddinggemma", new Hint(512, "task: search result | query: ", "title: none | text: ", null),
            "bge-m3", new Hint(512, "", "", null),
            "jina-embeddings-v2-small-en", new Hint(512, "", "", "jina-embeddings-v2-small-en"),
            "jina-embeddings-v2-base-en", new Hint(512, "", "", "jina-embeddings-v2-base-en"));

    private OllamaModels() {}

    public static boolean isOllamaId(String id) {
        return id != null && id.startsWith(PREFIX) && id.length() > PREFIX.length() && id.charAt(PREFIX.length()) != '@';
    }

    /** The Ollama model name inside an id: {@code nomic-embed-text} in {@code ollama:nomic-embed-text@gpu:11434}. */
    public static String modelName(String id) {
        String rest = id.substring(PREFIX.length());
        int at = rest.indexOf('@');
        return at < 0 ? rest : rest.substring(0, at);
    }

    /** The server named in an id, as a base URL; empty for {@code ollama:<model>} without one. */
    public static Optional<String> server(String id) {
        int at = id.indexOf('@');
        if (at < 0 || at == id.length() - 1) {
            return Optional.empty();
        }
        String key = id.substring(at + 1);
        return Optional.of(key.contains("://") ? key : "http://" + key);
    }

    /** {@code ollama:<model>} names the server it embeds on; an id that already names one is returned as it is. */
    public static String qualify(String id, String baseUrl) {
        if (!isOllamaId(id) || server(id).isPresent()) {
            return id;
        }
        return PREFIX + modelName(id) + "@" + serverKey(baseUrl);
    }

    /** {@code http://gpu:11434} → {@code gpu:11434}; https URLs keep their scheme. */
    public static String serverKey(String baseUrl) {
        String url = normalizeUrl(baseUrl);
        return url.startsWith("http://") ? url.substring("http://".length()) : url;
    }

    /** The hint for a model name; the namespace ({@code jina/}) and tag ({@code :latest}) do not matter. */
    public static Hint hint(String modelName) {
        String base = modelName.toLowerCase(Locale.ROOT);
        int colon = base.indexOf(':');
        if (colon >= 0) {
            base = base.substring(0, colon);
        }
        base = base.substring(base.lastIndexOf('/') + 1);
        return HINTS.getOrDefault(base, new Hint(DEFAULT_CHUNK_TOKENS, "", "", null));
    }

    /**
     * Accepts what people type: {@code gpu-box}, {@code gpu-box:11434}, {@code http://gpu-box:11434/}. A missing
     * scheme means http, a missing port 11434 for http; {@code 0.0.0.0} (a server-side bind address) means this
     * machine.
     */
    public static String normalizeUrl(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_URL;
        }
        String s = raw.trim();
        boolean hasScheme = s.contains("://");
        if (!hasScheme) {
            s = "http://" + s;
        }
        URI uri;
        try {
            uri = URI.create(s);
        } catch (IllegalArgumentException e) {
            throw new SemdexException("'" + raw + "' is not a valid Ollama server address; use e.g. "
                    + "http://gpu-box:11434");
        }
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new SemdexException("'" + raw + "' is not an http or https address; use e.g. http://gpu-box:11434");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new SemdexException("'" + raw + "' has no host name; use e.g. http://gpu-box:11434");
        }
        if (host.equals("0.0.0.0") || host.equals("[::]")) {
            host = "localhost";
        }
        int port = uri.getPort();
        if (port < 0 && !hasScheme) {
            port = DEFAULT_PORT;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + host + (port >= 0 ? ":" + port : "") + path;
    }

    public static ModelSpec spec(String id) {
        String name = modelName(id);
        Hint hint = hint(name);
        String where = server(id).map(s -> " on " + serverKey(s)).orElse("");
        return new ModelSpec(id, name + " (Ollama" + where + ")", 0, hint.chunkTokens(), hint.chunkTokens(),
                Pooling.MEAN, hint.query(), hint.passage(), ModelSource.OLLAMA, TOKENIZER_FAMILY, null, null, false);
    }
}
