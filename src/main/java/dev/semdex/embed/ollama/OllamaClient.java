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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Ollama's HTTP API over the JDK HTTP client: {@code /api/version}, {@code /api/tags}, {@code /api/show}, a
 * streaming {@code /api/pull} and {@code /api/embed}. Embedding does not go through langchain4j 1.11.0 because its
 * request carries neither {@code options.num_ctx} (without which the server cuts inputs at its own default context,
 * silently) nor does its answer expose {@code prompt_eval_count} (the only way to notice such a cut). Every failure
 * is a {@link SemdexException} with a message for the user; the configured headers are sent but never logged.
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

    /** What one {@code /api/embed} call returned; {@code promptEvalCount} is -1 when the server does not say. */
    public record EmbedResult(List<float[]> vectors, int promptEvalCount) {}

    /** A failed call, already sorted into what the user can act on; the caller decides whether to retry. */
    static final class CallFailedException extends Exception {
        final transient OllamaFailure failure;

        CallFailedException(OllamaFailure failure) {
            super(failure.toString(), failure.cause());
            this.failure = failure;
        }
    }

    /**
     * One {@code /api/embed} request, no retries. The server L2-normalises and keeps the input order.
     *
     * @param numCtx the context the server should load the model with (tokens); 0 leaves the server's default
     * @throws CancellationException when the thread is interrupted
     */
    EmbedResult embed(String model, List<String> input, int numCtx) throws CallFailedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", model);
        body.put("input", input);
        if (numCtx > 0) {
            body.put("options", Map.of("num_ctx", numCtx));
        }
        HttpRequest request = request("/api/embed").timeout(config.timeout())
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new CallFailedException(OllamaFailure.classify(
                        new OllamaFailure.HttpStatusException(response.statusCode(), response.body())));
            }
            JsonNode node = JSON.readTree(response.body());
            JsonNode embeddings = node == null ? null : node.get("embeddings");
            if (embeddings == null || !embeddings.isArray()) {
                throw new OllamaFailure.BadResponseException("no embeddings in the answer", null);
            }
            List<float[]> vectors = new ArrayList<>(embeddings.size());
            for (JsonNode e : embeddings) {
                float[] v = new float[e.size()];
                for (int i = 0; i < v.length; i++) {
                    JsonNode x = e.get(i);
                    if (!x.isNumber()) {
                        throw new OllamaFailure.BadResponseException("a vector holds " + x.getNodeType(), null);
                    }
                    v[i] = (float) x.asDouble();
                }
                vectors.add(v);
            }
            return new EmbedResult(vectors, node.path("prompt_eval_count").asInt(-1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Cancelled while waiting for the Ollama server");
        } catch (IOException | RuntimeException e) {
            throw new CallFailedException(OllamaFailure.classify(e));
        }
    }

    public String version() {
        return get("/api/version", null).path("version").asText("?");
    }

    /**
     * A model from {@code /api/tags}. The listing does not say what a model can do (only {@code /api/show} does,
     * one request per model), so {@link #mayEmbed()} judges by family and name.
     */
    public record TaggedModel(String name, String family, List<String> families, String parameterSize) {

        private static final java.util.regex.Pattern EMBEDDING_NAME = java.util.regex.Pattern.compile(
                "(?i).*(embed|minilm|bge|e5|gte|arctic|jina|paraphrase|nomic).*");

        /** BERT-family weights (all sentence-embedding models on ollama.com so far) or an embedding-like name. */
        public boolean mayEmbed() {
            return family.toLowerCase(java.util.Locale.ROOT).contains("bert")
                    || families.stream().anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).contains("bert"))
                    || EMBEDDING_NAME.matcher(name).matches();
        }
    }

    /** The models on the server with what {@code /api/tags} tells about them. */
    public List<TaggedModel> taggedModels() {
        List<TaggedModel> out = new ArrayList<>();
        for (JsonNode m : get("/api/tags", null).path("models")) {
            String name = m.hasNonNull("name") ? m.get("name").asText() : m.path("model").asText();
            JsonNode details = m.path("details");
            List<String> families = new ArrayList<>();
            details.path("families").forEach(f -> families.add(f.asText()));
            out.add(new TaggedModel(name, details.path("family").asText(""), List.copyOf(families),
                    details.path("parameter_size").asText("")));
        }
        return out;
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
        config.headers().forEach((name, value) -> {
            try {
                b.header(name, value);
            } catch (IllegalArgumentException e) {
                // The JDK's message quotes the value, which may be a token: neither it nor the cause goes further.
                throw new SemdexException("The header '" + name + "' for the Ollama server cannot be sent: its name "
                        + "or value holds a character no request header may (a line break?). Its value is not shown "
                        + "here; check it in the settings or on the command line.");
            }
        });
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
