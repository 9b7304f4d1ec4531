package dev.semdex.embed.hub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for huggingface.co: {@code /<repo>/resolve/<rev>/<file>}. Large ("LFS") files answer with a 302 to
 * {@code /lfs/...} carrying {@code X-Linked-Etag} (the SHA-256) and {@code X-Linked-Size}, like the real hub; small files
 * answer with a relative 307 to {@code /api/resolve-cache/...}, which serves them with a git-style ETag.
 */
public final class FakeHub implements AutoCloseable {

    record Request(String method, String path, String range, String authorization) {}

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, String> advertisedSha = new ConcurrentHashMap<>();
    private final Set<String> lfs = ConcurrentHashMap.newKeySet();
    private final Set<String> cutOnce = ConcurrentHashMap.newKeySet();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeHub file(String repo, String path, byte[] content, boolean largeFile) {
        files.put(repo + "/" + path, content);
        if (largeFile) {
            lfs.add(repo + "/" + path);
        }
        return this;
    }

    public FakeHub text(String repo, String path, String content) {
        return file(repo, path, content.getBytes(StandardCharsets.UTF_8), false);
    }

    /** The hub claims this SHA-256 for the file instead of the real one. */
    FakeHub lie(String repo, String path, String sha256) {
        advertisedSha.put(repo + "/" + path, sha256);
        return this;
    }

    /** The next full download of this file breaks off halfway. */
    FakeHub cutOnce(String repo, String path) {
        cutOnce.add(repo + "/" + path);
        return this;
    }

    /** Answers 401 for everything in this repository, like a private or gated repo. */
    FakeHub refuse(String repo) {
        refused.add(repo);
        return this;
    }

    List<Request> rangedGets() {
        return requests.stream().filter(r -> r.method().equals("GET") && r.range() != null).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.add(new Request(ex.getRequestMethod(), path, ex.getRequestHeaders().getFirst("Range"),
                ex.getRequestHeaders().getFirst("Authorization")));
        try (ex) {
            if (path.startsWith("/lfs/") || path.startsWith("/api/resolve-cache/")) {
                String key = path.substring(path.startsWith("/lfs/") ? "/lfs/".length()
                        : "/api/resolve-cache/".length());
                if (!lfs.contains(key)) {
                    ex.getResponseHeaders().set("ETag", "\"" + advertisedSha.getOrDefault(key,
                            sha256(files.getOrDefault(key, new byte[0])).substring(0, 40)) + "\"");
                }
                byte[] content = files.get(key);
                if (content == null) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                serve(ex, key, content);
                return;
            }
            int at = path.indexOf("/resolve/");
            if (at < 0) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            String repo = path.substring(1, at);
            String rest = path.substring(at + "/resolve/".length());
            String file = rest.substring(rest.indexOf('/') + 1);
            String key = repo + "/" + file;
            if (refused.contains(repo)) {
                ex.sendResponseHeaders(401, -1);
                return;
            }
            byte[] content = files.get(key);
            if (content == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (lfs.contains(key)) {
                ex.getResponseHeaders().set("Location", "/lfs/" + key);
                ex.getResponseHeaders().set("X-Linked-Etag", "\"" + advertisedSha.getOrDefault(key, sha256(content))
                        + "\"");
                ex.getResponseHeaders().set("X-Linked-Size", Integer.toString(content.length));
                ex.sendResponseHeaders(302, -1);
                return;
            }
            // small files: a relative 307 to a cache URL, as huggingface.co answers today
            ex.getResponseHeaders().set("Location", "/api/resolve-cache/" + key);
            ex.sendResponseHeaders(307, -1);
        }
    }

    private void serve(HttpExchange ex, String key, byte[] content) throws IOException {
        String range = ex.getRequestHeaders().getFirst("Range");
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseHeaders().set("Content-Length", Integer.toString(content.length));
            ex.sendResponseHeaders(200, -1);
            return;
        }
        int from = 0;
        if (range != null && range.startsWith("bytes=")) {
            from = Integer.parseInt(range.substring(6, range.indexOf('-')));
            if (from >= content.length) {
                ex.sendResponseHeaders(416, -1);
                return;
            }
            ex.getResponseHeaders().set("Content-Range",
                    "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
            ex.sendResponseHeaders(206, content.length - from);
        } else {
            ex.sendResponseHeaders(200, content.length);
        }
        OutputStream out = ex.getResponseBody();
        if (from == 0 && cutOnce.remove(key)) {
            out.write(content, 0, content.length / 2);
            out.flush();
            // closing with bytes missing makes the server drop the connection, as a broken network would
            return;
        }
        out.write(content, from, content.length - from);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
