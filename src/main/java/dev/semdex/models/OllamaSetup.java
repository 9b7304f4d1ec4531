package dev.semdex.models;

import dev.semdex.embed.ollama.OllamaCheck;
import dev.semdex.embed.ollama.OllamaClient;
import dev.semdex.embed.ollama.OllamaConfig;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Ollama server as the settings window describes it, checked and asked to pull a model: the window reaches the
 * server through these calls and never through the HTTP client, so the settings tab and {@code semdex ollama
 * check} read the same outcome.
 */
public final class OllamaSetup {

    private static final Duration PULL_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private OllamaSetup() {}

    /** A server as typed in the settings: address, extra headers and request limits. */
    public record Server(String url, Map<String, String> headers, int timeoutSeconds, int batchSize, int parallel) {

        /**
         * Reads the settings fields; a bad address or header line is a {@link dev.semdex.SemdexException} saying
         * which.
         *
         * @param headerLines one {@code Name: value} a line; blank lines are ignored
         */
        public static Server parse(String url, String headerLines, int timeoutSeconds, int batchSize, int parallel) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : (headerLines == null ? "" : headerLines).split("\\R")) {
                if (!line.isBlank()) {
                    Map.Entry<String, String> header = OllamaConfig.parseHeader(line);
                    headers.put(header.getKey(), header.getValue());
                }
            }
            Server server = new Server(OllamaConfig.normalizeUrl(url), Collections.unmodifiableMap(headers),
                    timeoutSeconds, batchSize, parallel);
            server.config();
            return server;
        }

        OllamaConfig config() {
            return OllamaConfig.of(url).withHeaders(headers)
                    .withTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds))).withBatching(batchSize, parallel);
        }
    }

    /**
     * What "Check connection" found.
     *
     * @param description several lines ending with the next step for the user
     * @param pullOffered the server answers but lacks the model, so pulling it is the next step
     */
    public record Check(boolean ok, String description, boolean pullOffered) {}

    /** One step of a pull as the server reports it; {@code total} is 0 while the size is unknown. */
    public record PullProgress(String status, long total, long completed) {}

    /** Reaches the server, looks for the model and embeds one text; blocking; problems come back as a failed check. */
    public static Check check(Server server, String model) {
        OllamaCheck found = OllamaCheck.run(server.config(), model);
        return new Check(found.ok(), found.describe(),
                found.version() != null && !found.present() && !found.model().isEmpty());
    }

    /** Has the server pull the model, reporting its progress; blocking and interruptible. */
    public static void pull(Server server, String model, Consumer<PullProgress> progress) {
        new OllamaClient(server.config().withTimeout(PULL_REQUEST_TIMEOUT)).pull(model,
                p -> progress.accept(new PullProgress(p.status(), p.total(), p.completed())));
    }
}
