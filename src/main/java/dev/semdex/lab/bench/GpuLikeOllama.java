package dev.semdex.lab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.semdex.embed.Vectors;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for an Ollama server on a GPU box, for measuring how Semdex spreads work over several: it answers the
 * API Semdex uses ({@code /api/version}, {@code /api/tags}, {@code /api/show}, {@code /api/embed}) for
 * {@code all-minilm}, and each embed request takes a fixed time plus a time per text, one request at a time, as
 * Ollama runs one batch of a model at a time on its GPU. The vectors are derived from the text alone, so every such
 * server serves "the same model" and the machine's CPU is not what is measured.
 */
final class GpuLikeOllama implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DIMENSION = 384;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Semaphore gpu = new Semaphore(1, true);
    private final int requestMillis;
    private final double textMillis;
    final AtomicInteger texts = new AtomicInteger();

    GpuLikeOllama(int requestMillis, double textMillis) throws IOException {
        this.requestMillis = requestMillis;
        this.textMillis = textMillis;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/api/version", ex -> send(ex, "{\"version\":\"0.12.11-bench\"}"));
        server.createContext("/api/tags", ex -> send(ex, "{\"models\":[{\"name\":\"all-minilm:latest\","
                + "\"model\":\"all-minilm:latest\",\"details\":{\"family\":\"bert\",\"parameter_size\":\"23M\"}}]}"));
        server.createContext("/api/show", ex -> send(ex, "{\"details\":{\"family\":\"bert\"},\"model_info\":{"
                + "\"general.architecture\":\"bert\",\"bert.context_length\":512,\"bert.embedding_length\":"
                + DIMENSION + "},\"capabilities\":[\"embedding\"]}"));
        server.createContext("/api/embed", this::embed);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void embed(HttpExchange ex) throws IOException {
        JsonNode request = JSON.readTree(ex.getRequestBody());
        List<String> input = new ArrayList<>();
        request.path("input").forEach(n -> input.add(n.asText()));
        gpu.acquireUninterruptibly();
        try {
            Thread.sleep(requestMillis + Math.round(textMillis * input.size()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } finally {
            gpu.release();
        }
        StringBuilder body = new StringBuilder("{\"model\":\"all-minilm\",\"embeddings\":[");
        for (int i = 0; i < input.size(); i++) {
            float[] v = vector(input.get(i));
            body.append(i == 0 ? "[" : ",[");
            for (int j = 0; j < v.length; j++) {
                body.append(j == 0 ? "" : ",").append(v[j]);
            }
            body.append(']');
        }
        send(ex, body.append("]}").toString());
        texts.addAndGet(input.size());
    }

    private static float[] vector(String text) {
        Random random = new Random(text.hashCode());
        float[] v = new float[DIMENSION];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Vectors.normalize(v);
    }

    private static void send(HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
