package dev.semdex.embed.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.semdex.TestModels;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Speaks enough of Ollama's HTTP API on a loopback port for the tests, with REAL embeddings from the local MiniLM
 * (so the remote path can be compared with the local one), and injects one fault at a time into {@code /api/embed}.
 */
public final class FakeOllama implements AutoCloseable {

    enum Fault { NONE, NOT_FOUND, SERVER_ERROR, SLOW, WRONG_DIMENSION, NAN, INVALID_JSON, BAD_REQUEST }

    static final String MODEL = "all-minilm";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(6);
    volatile Fault fault = Fault.NONE;
    /** How many embed requests the fault applies to before the server behaves again; negative means forever. */
    final AtomicInteger faultCount = new AtomicInteger(-1);
    /** The fault starts only after this many more successful embed requests. */
    final AtomicInteger healthyBeforeFault = new AtomicInteger(0);
    final AtomicInteger embedRequests = new AtomicInteger();
    final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    public volatile boolean modelPresent = true;
    /** What {@code /api/show} reports as the model's trained context. */
    volatile int modelContext = 512;
    /** The context the server loads a model with when a request asks for none (Ollama ≥ 0.6.7: 4096). */
    volatile int defaultContext = 4096;
    /** An old or misconfigured server that ignores {@code options.num_ctx}. */
    volatile boolean ignoreNumCtx;
    /** Added to every embed request, like a GPU that is busy for a while per batch. */
    volatile int latencyMillis;
    /**
     * Instead of MiniLM's vectors, a cheap vector derived from the text and this seed, so that the time spent is the
     * latency alone; two servers with the same seed serve "the same model", with another seed another one.
     */
    volatile String hashSeed;
    /** Texts of the embed requests answered in full (probes included). */
    final AtomicInteger textsAnswered = new AtomicInteger();
    /** Texts of every embed request received. */
    final AtomicInteger textsReceived = new AtomicInteger();
    /** The {@code options.num_ctx} of every embed request, 0 when absent. */
    final List<Integer> numCtxSeen = Collections.synchronizedList(new ArrayList<>());

    public FakeOllama() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/api/version", ex -> send(ex, 200, "{\"version\":\"0.9.0-fake\"}"));
        server.createContext("/api/tags", ex -> send(ex, 200, modelPresent
                ? "{\"models\":[{\"name\":\"all-minilm:latest\",\"model\":\"all-minilm:latest\",\"size\":45960996}]}"
                : "{\"models\":[]}"));
        server.createContext("/api/show", this::show);
        server.createContext("/api/embed", this::embed);
        server.createContext("/api/pull", this::pull);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void fault(Fault f, int times) {
        faultCount.set(times);
        fault = f;
    }

    private void show(HttpExchange ex) throws IOException {
        JsonNode req = JSON.readTree(ex.getRequestBody());
        String model = req.path("model").asText();
        if (!modelPresent || !OllamaClient.withTag(model).equals("all-minilm:latest")) {
            send(ex, 404, "{\"error\":\"model '" + model + "' not found\"}");
            return;
        }
        send(ex, 200, "{\"modelfile\":\"\",\"details\":{\"family\":\"bert\"},\"model_info\":{"
                + "\"general.architecture\":\"bert\",\"bert.context_length\":" + modelContext
                + ",\"bert.embedding_length\":384},"
                + "\"capabilities\":[\"embedding\"]}");
    }

    private void pull(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/x-ndjson");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            for (String line : List.of("{\"status\":\"pulling manifest\"}",
                    "{\"status\":\"pulling 797b70c4edf8\",\"total\":100,\"completed\":50}",
                    "{\"status\":\"pulling 797b70c4edf8\",\"total\":100,\"completed\":100}",
                    "{\"status\":\"verifying sha256 digest\"}", "{\"status\":\"writing manifest\"}",
                    "{\"status\":\"success\"}")) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
        modelPresent = true;
    }

    private void embed(HttpExchange ex) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            embedRequests.incrementAndGet();
            authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
            JsonNode req = JSON.readTree(ex.getRequestBody());
            List<String> input = new ArrayList<>();
            req.path("input").forEach(n -> input.add(n.asText()));
            batchSizes.add(input.size());
            textsReceived.addAndGet(input.size());
            if (latencyMillis > 0) {
                sleep(latencyMillis);
            }
            Fault f = currentFault();
            switch (f) {
                case NOT_FOUND -> {
                    send(ex, 404, "{\"error\":\"model \\\"" + req.path("model").asText()
                            + "\\\" not found, try pulling it first\"}");
                    return;
                }
                case SERVER_ERROR -> {
                    send(ex, 500, "{\"error\":\"do embedding request: Post \\\"http://127.0.0.1:1234/embedding\\\": EOF\"}");
                    return;
                }
                case BAD_REQUEST -> {
                    send(ex, 400, "{\"error\":\"invalid input type\"}");
                    return;
                }
                case INVALID_JSON -> {
                    send(ex, 200, "{\"model\":\"all-minilm\",\"embeddings\":[[0.1,0.2");
                    return;
                }
                case SLOW -> sleep(3_000);
                default -> { }
            }
            int asked = req.path("options").path("num_ctx").asInt(0);
            numCtxSeen.add(asked);
            int context = Math.min(modelContext, asked > 0 && !ignoreNumCtx ? asked : defaultContext);
            // Like Ollama 0.12.11: each input is cut to the context minus [CLS]/[SEP], silently, and the count
            // reported leaves those two out.
            int evaluated = 0;
            List<String> seen = new ArrayList<>(input.size());
            for (String text : input) {
                dev.semdex.chunk.TokenSpans spans = TestModels.minilm().tokenizer().spans(text);
                int keep = Math.min(spans.size(), context - 2);
                evaluated += keep;
                seen.add(keep == spans.size() || keep <= 0 ? text : text.substring(0, spans.ends()[keep - 1]));
            }
            String seed = hashSeed;
            List<float[]> vectors = seed == null ? TestModels.minilm().embedPassages(seen)
                    : seen.stream().map(t -> hashed(seed, t)).toList();
            StringBuilder sb = new StringBuilder("{\"model\":\"all-minilm\",\"embeddings\":[");
            for (int i = 0; i < vectors.size(); i++) {
                float[] v = vectors.get(i);
                int n = f == Fault.WRONG_DIMENSION ? v.length / 2 : v.length;
                sb.append(i == 0 ? "[" : ",[");
                for (int j = 0; j < n; j++) {
                    if (j > 0) {
                        sb.append(',');
                    }
                    sb.append(f == Fault.NAN && j == 3 ? "1e999" : Float.toString(v[j]));
                }
                sb.append(']');
            }
            sb.append("],\"total_duration\":1000,\"load_duration\":10,\"prompt_eval_count\":").append(evaluated)
                    .append('}');
            send(ex, 200, sb.toString());
            textsAnswered.addAndGet(input.size());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** The vector a server with {@link #hashSeed} {@code seed} gives for a text (unit length). */
    static float[] hashed(String seed, String text) {
        java.util.Random random = new java.util.Random((seed + "\u0000" + text).hashCode());
        float[] v = new float[384];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return dev.semdex.embed.Vectors.normalize(v);
    }

    private synchronized Fault currentFault() {
        if (fault == Fault.NONE) {
            return Fault.NONE;
        }
        if (healthyBeforeFault.get() > 0) {
            healthyBeforeFault.decrementAndGet();
            return Fault.NONE;
        }
        int left = faultCount.get();
        if (left == 0) {
            return Fault.NONE;
        }
        if (left > 0) {
            faultCount.decrementAndGet();
        }
        return fault;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
