package dev.semdex.embed.ollama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semdex.SemdexException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * What langchain4j 1.11.0 does not offer, over the JDK HTTP client: {@code /api/version}, {@code /api/tags},
 * {@code /api/show} and a streaming {@code /api/pull}. Every failure is a {@link SemdexException} with a message
 * for the user; the configured headers are sent but never logged.
 */
public final class OllamaClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OllamaConfig config;
    private final HttpClient http;

    public OllamaClient(OllamaConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(
                Math.min(15, Math.max(1, config.timeout().toSeconds())))).build();
    }

    public OllamaConfig config() {
        return config;
    }

    /** What {@code /api/show} tells about a model; lengths are 0 when the server does not say. */
    public record ModelInfo(String model, int contextLength, int embeddingLength, List<String> capabilities) {
        public boolean embeds() {
            return capabilities.isEmpty() || capabilities.contains("embedding");
        }
    }

    /** One line of {@code /api/pull} progress; total and completed are 0 when the line has none. */
    public record PullProgress(String status, long total, long completed) {}

    public String version() {
        return get("/api/version", null).path("version").asText("?");
    }

    /** Names of the models on the server, e.g. {@code all-minilm:latest}. */
    public List<String> models() {
        List<String> names = new ArrayList<>();
        for (JsonNode m : get("/api/tags", null).path("models")) {
            names.add(m.hasNonNull("name") ? m.get("name").asText() : m.path("model").asText());
        }
        return names;
    }

    /** Whether the server has {@code model}; a name without a tag means {@code :latest}. */
    public boolean hasModel(String model) {
        String wanted = withTag(model);
        return models().stream().anyMatch(n -> withTag(n).equals(wanted));
    }

    static String withTag(String name) {
        return name.contains(":") ? name : name + ":latest";
    }

    public ModelInfo show(String model) {
        JsonNode node = post("/api/show", Map.of("model", model), model);
        int context = 0;
        int embedding = 0;
        JsonNode info = node.path("model_info");
        for (Iterator<Map.Entry<String, JsonNode>> it = info.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().endsWith(".context_length") && e.getValue().canConvertToInt()) {
                context = e.getValue().asInt();
            } else if (e.getKey().endsWith(".embedding_length") && e.getValue().canConvertToInt()) {
                embedding = e.getValue().asInt();
            }
        }
        List<String> capabilities = new ArrayList<>();
        node.path("capabilities").forEach(c -> capabilities.add(c.asText()));
        return new ModelInfo(model, context, embedding, List.copyOf(capabilities));
    }

    /** Pulls a model, reporting each progress line; returns when the server says {@code success}. */
    public void pull(String model, Consumer<PullProgress> progress) {
        HttpRequest request = request("/api/pull").timeout(Duration.ofHours(6))
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("model", model, "stream", true)))).build();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream(), model);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (response.statusCode() / 100 != 2) {
                StringBuilder body = new StringBuilder();
                in.lines().limit(50).forEach(body::append);
                throw fail(new OllamaFailure.HttpStatusException(response.statusCode(), body.toString()), model);
            }
            String line;
            String last = "";
            while ((line = in.readLine()) != null) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("Pull cancelled");
                }
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = parse(line);
                if (node.hasNonNull("error")) {
                    throw new SemdexException("Pulling '" + model + "' on the Ollama server at " + config.baseUrl()
                            + " failed: " + node.get("error").asText());
                }
                last = node.path("status").asText("");
                progress.accept(new PullProgress(last, node.path("total").asLong(0), node.path("completed").asLong(0)));
            }
            if (!"success".equals(last)) {
                throw new SemdexException("Pulling '" + model + "' on the Ollama server at " + config.baseUrl()
                        + " stopped before it finished (last status: '" + last + "'). Run it again to resume.");
            }
        } catch (IOException e) {
            throw fail(e, model);
        }
    }

    private JsonNode get(String path, String model) {
        return sendJson(request(path).timeout(config.timeout()).GET().build(), model);
    }

    private JsonNode post(String path, Object body, String model) {
        return sendJson(request(path).timeout(config.timeout())
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build(), model);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(config.baseUrl() + path))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        config.headers().forEach(b::header);
        return b;
    }

    private JsonNode sendJson(HttpRequest request, String model) {
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString(), model);
        if (response.statusCode() / 100 != 2) {
            throw fail(new OllamaFailure.HttpStatusException(response.statusCode(), response.body()), model);
        }
        return parse(response.body());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String model) {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Cancelled while waiting for the Ollama server");
        } catch (IOException | RuntimeException e) {
            throw fail(e, model);
        }
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new OllamaFailure.BadResponseException("expected a JSON object", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw fail(e, null);
        }
    }

    private SemdexException fail(Throwable e, String model) {
        return OllamaFailure.classify(e).toException(config.baseUrl(), model, config.timeout(), 1);
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
