package dev.semdex.embed.ollama;

import dev.semdex.SemdexException;
import dev.semdex.embed.OllamaModels;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How to reach one Ollama server. Extra headers (for example {@code Authorization: Bearer …} for a reverse proxy) are
 * sent with every request and never logged or printed: {@link #toString()} shows only their names.
 *
 * @param baseUrl     http or https URL of the server, without a trailing slash
 * @param headers     extra request headers
 * @param timeout     per request (connect and read)
 * @param batchSize   texts per {@code /api/embed} request
 * @param concurrency requests in flight at once
 * @param maxRetries  extra attempts after a 5xx, a timeout or a refused connection (never after a 4xx)
 * @param retryDelay  first back-off delay; doubles on every further attempt
 */
public record OllamaConfig(String baseUrl, Map<String, String> headers, Duration timeout, int batchSize,
        int concurrency, int maxRetries, Duration retryDelay) {

    public static final String DEFAULT_URL = OllamaModels.DEFAULT_URL;
    public static final int DEFAULT_PORT = OllamaModels.DEFAULT_PORT;

    public OllamaConfig {
        baseUrl = normalizeUrl(baseUrl);
        headers = Map.copyOf(headers == null ? Map.of() : headers);
        timeout = timeout == null ? Duration.ofSeconds(120) : timeout;
        batchSize = batchSize <= 0 ? 32 : batchSize;
        concurrency = concurrency <= 0 ? 2 : concurrency;
        maxRetries = Math.max(0, maxRetries);
        retryDelay = retryDelay == null ? Duration.ofSeconds(1) : retryDelay;
    }

    public static OllamaConfig of(String baseUrl) {
        return new OllamaConfig(baseUrl, Map.of(), null, 32, 2, 3, null);
    }

    public OllamaConfig withHeaders(Map<String, String> newHeaders) {
        return new OllamaConfig(baseUrl, newHeaders, timeout, batchSize, concurrency, maxRetries, retryDelay);
    }

    public OllamaConfig withTimeout(Duration newTimeout) {
        return new OllamaConfig(baseUrl, headers, newTimeout, batchSize, concurrency, maxRetries, retryDelay);
    }

    public OllamaConfig withBatching(int newBatchSize, int newConcurrency) {
        return new OllamaConfig(baseUrl, headers, timeout, newBatchSize, newConcurrency, maxRetries, retryDelay);
    }

    public OllamaConfig withRetries(int newMaxRetries, Duration newDelay) {
        return new OllamaConfig(baseUrl, headers, timeout, batchSize, concurrency, newMaxRetries, newDelay);
    }

    /**
     * The server to use: an explicit URL wins, then one chosen in the settings (anything but the default), then the
     * {@code OLLAMA_HOST} environment variable as Ollama's own CLI reads it, then {@code localhost:11434}.
     */
    public static String resolveUrl(String explicit, String fromSettings, String ollamaHostEnv) {
        if (explicit != null && !explicit.isBlank()) {
            return normalizeUrl(explicit);
        }
        if (fromSettings != null && !fromSettings.isBlank() && !normalizeUrl(fromSettings).equals(DEFAULT_URL)) {
            return normalizeUrl(fromSettings);
        }
        if (ollamaHostEnv != null && !ollamaHostEnv.isBlank()) {
            return normalizeUrl(ollamaHostEnv);
        }
        return DEFAULT_URL;
    }

    /**
     * Accepts what people type: {@code gpu-box}, {@code gpu-box:11434}, {@code http://gpu-box:11434/}. Lives with
     * the model ids because an Ollama model's id names its server.
     */
    public static String normalizeUrl(String raw) {
        return OllamaModels.normalizeUrl(raw);
    }

    /** Parses {@code Name: value} as typed on the command line. */
    public static Map.Entry<String, String> parseHeader(String header) {
        int colon = header.indexOf(':');
        if (colon <= 0) {
            throw new SemdexException("A header must look like 'Name: value' (got one without a colon).");
        }
        return Map.entry(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
    }

    /** Headers with a bearer token added, if one is given. */
    public static Map<String, String> withBearer(Map<String, String> headers, String token) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (token != null && !token.isBlank()) {
            all.put("Authorization", "Bearer " + token.trim());
        }
        return all;
    }

    @Override
    public String toString() {
        return "OllamaConfig[" + baseUrl + ", headers=" + headers.keySet() + ", timeout=" + timeout + ", batch="
                + batchSize + ", concurrency=" + concurrency + ", retries=" + maxRetries + "]";
    }
}
