package dev.semdex.embed.hub;

import dev.semdex.embed.DownloadListener;
import dev.semdex.SemdexException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.regex.Pattern;

/**
 * Downloads single files from a Hugging Face hub ({@code <endpoint>/<repo>/resolve/<revision>/<file>}). A file is
 * written to {@code <name>.part}, resumed with an HTTP Range request after a broken connection, checked against the
 * size and SHA-256 the hub reports (for LFS files the {@code X-Linked-Etag} is the SHA-256) or a pinned checksum,
 * and only then moved into place atomically. The token, if any, is sent to the hub's own host only and never
 * written to a message or a log.
 */
public final class HubClient {

    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_REDIRECTS = 5;

    private final URI endpoint;
    private final String token;
    private final HttpClient http;
    private final int attempts;

    /**
     * @param endpoint the hub's base URL, e.g. {@code https://huggingface.co}
     * @param token    a Hugging Face access token, or null
     * @param attempts how many times a broken download is resumed within one call (at least 1)
     */
    public HubClient(String endpoint, String token, int attempts) {
        String base = endpoint == null || endpoint.isBlank() ? DEFAULT_ENDPOINT : endpoint.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        this.endpoint = URI.create(base);
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.attempts = Math.max(1, attempts);
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public String endpoint() {
        return endpoint.toString();
    }

    /** What the hub says about a file before it is fetched. */
    public record FileInfo(String repo, String file, URI downloadUrl, long size, String sha256) {}

    /** Asks for a file's size and checksum; empty when the repository has no such file. */
    public Optional<FileInfo> head(String repo, String revision, String file) {
        URI uri = resolveUri(repo, revision, file);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<Void> r = send(request(uri).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding(), repo, file);
            int status = r.statusCode();
            String linkedEtag = r.headers().firstValue("X-Linked-Etag").orElse(null);
            if (status >= 300 && status < 400) {
                URI next = uri.resolve(r.headers().firstValue("Location").orElseThrow(() ->
                        new SemdexException("The hub at " + endpoint + " sent a redirect without a target for "
                                + repo + "/" + file + ".")));
                if (linkedEtag != null) {
                    long size = r.headers().firstValueAsLong("X-Linked-Size").orElse(-1);
                    return Optional.of(new FileInfo(repo, file, next, size, sha256Of(linkedEtag)));
                }
                uri = next;
                continue;
            }
            if (status == 404) {
                return Optional.empty();
            }
            checkStatus(status, repo, file);
            String etag = linkedEtag != null ? linkedEtag : r.headers().firstValue("ETag").orElse(null);
            long size = r.headers().firstValueAsLong("X-Linked-Size")
                    .orElse(r.headers().firstValueAsLong("Content-Length").orElse(-1));
            return Optional.of(new FileInfo(repo, file, uri, size, sha256Of(etag)));
        }
        throw new SemdexException("Too many redirects fetching " + repo + "/" + file + " from " + endpoint + ".");
    }

    /**
     * Downloads a file to {@code target}, resuming a {@code .part} left by an earlier try.
     *
     * @param pinnedSha256 a checksum to insist on (wins over the hub's), or null
     * @return the target
     * @throws CancellationException when the thread is interrupted; the final file is then not created
     */
    public Path download(FileInfo info, Path target, String pinnedSha256, DownloadListener listener) {
        String expectedSha = pinnedSha256 != null ? pinnedSha256.toLowerCase(Locale.ROOT) : info.sha256();
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new SemdexException("Cannot create " + target.getParent() + ": " + e.getMessage(), e);
        }
        IOException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                fetch(info, part, listener);
                last = null;
                break;
            } catch (IOException e) {
                last = e;
                checkCancelled();
            }
        }
        if (last != null) {
            throw new SemdexException("Download of " + info.repo() + "/" + info.file() + " broke off ("
                    + describe(last) + "). Run the same command again to resume.", last);
        }
        verify(info, part, expectedSha);
        try {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SemdexException("Cannot move " + part + " into place: " + e.getMessage(), e);
        }
        return target;
    }

    private void fetch(FileInfo info, Path part, DownloadListener listener) throws IOException {
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        if (info.size() >= 0 && have == info.size()) {
            listener.progress(info.file(), have, info.size());
            return;
        }
        if (info.size() >= 0 && have > info.size()) {
            Files.delete(part);
            have = 0;
        }
        URI uri = info.downloadUrl();
        HttpResponse<InputStream> r = null;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder b = request(uri).GET();
            if (have > 0) {
                b.header("Range", "bytes=" + have + "-");
            }
            r = send(b.build(), HttpResponse.BodyHandlers.ofInputStream(), info.repo(), info.file());
            int status = r.statusCode();
            if (status >= 300 && status < 400 && r.headers().firstValue("Location").isPresent()) {
                r.body().close();
                uri = uri.resolve(r.headers().firstValue("Location").get());
                continue;
            }
            break;
        }
        int status = r.statusCode();
        boolean append;
        if (status == 206) {
            append = true;
        } else if (status == 200) {
            append = false;
            have = 0;
        } else if (status == 416) {
            r.body().close();
            Files.deleteIfExists(part);
            throw new IOException("the server refused to resume; starting again");
        } else {
            r.body().close();
            checkStatus(status == 404 ? 404 : status, info.repo(), info.file());
            throw new IOException("HTTP " + status);
        }
        long total = info.size();
        if (total < 0 && status == 200) {
            total = r.headers().firstValueAsLong("Content-Length").orElse(-1);
        }
        long done = have;
        try (InputStream in = r.body();
                OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buf = new byte[64 * 1024];
            listener.progress(info.file(), done, total);
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                out.write(buf, 0, n);
                done += n;
                listener.progress(info.file(), done, total);
                checkCancelled();
            }
        }
        if (total >= 0 && done < total) {
            throw new IOException("connection closed after " + done + " of " + total + " bytes");
        }
    }

    private static void verify(FileInfo info, Path part, String expectedSha) {
        try {
            long size = Files.size(part);
            if (info.size() >= 0 && size != info.size()) {
                Files.deleteIfExists(part);
                throw new SemdexException("Download of " + info.repo() + "/" + info.file() + " has " + size
                        + " bytes, the hub says " + info.size() + "; the partial file was removed, try again.");
            }
            if (expectedSha != null) {
                String actual = sha256(part);
                if (!actual.equals(expectedSha)) {
                    Files.deleteIfExists(part);
                    throw new SemdexException("Checksum mismatch for " + info.repo() + "/" + info.file()
                            + ": expected SHA-256 " + expectedSha + ", got " + actual
                            + ". The download was discarded.");
                }
            }
        } catch (IOException e) {
            throw new SemdexException("Cannot check " + part + ": " + e.getMessage(), e);
        }
    }

    /** The SHA-256 of a file as 64 lower-case hex digits. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                digest.update(buf, 0, n);
                checkCancelled();
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256Of(String etag) {
        if (etag == null) {
            return null;
        }
        String v = etag.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "").toLowerCase(Locale.ROOT);
        return SHA256.matcher(v).matches() ? v : null;
    }

    URI resolveUri(String repo, String revision, String file) {
        StringBuilder path = new StringBuilder(endpoint.toString());
        for (String part : repo.split("/")) {
            path.append('/').append(encode(part));
        }
        path.append("/resolve/").append(encode(revision));
        for (String part : file.split("/")) {
            path.append('/').append(encode(part));
        }
        return URI.create(path.toString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(60))
                .header("User-Agent", "semdex");
        if (token != null && sameHost(uri)) {
            try {
                b.header("Authorization", "Bearer " + token);
            } catch (IllegalArgumentException e) {
                // The JDK's message quotes the header's value, the token: neither it nor the cause goes further.
                throw new SemdexException("The Hugging Face token (HF_TOKEN) holds a character no request header "
                        + "may (a line break?), so it cannot be sent. Its value is not shown here; set it again.");
            }
        }
        return b;
    }

    private boolean sameHost(URI uri) {
        return endpoint.getHost() != null && endpoint.getHost().equalsIgnoreCase(uri.getHost())
                && endpoint.getPort() == uri.getPort();
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String repo,
            String file) {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Download cancelled");
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new SemdexException("Cannot reach the Hugging Face hub at " + endpoint + " (" + describe(e)
                    + "). Check the network, or set HF_ENDPOINT to a mirror.", e);
        } catch (IOException e) {
            throw new SemdexException("Talking to the Hugging Face hub at " + endpoint + " failed while fetching "
                    + repo + "/" + file + " (" + describe(e) + ").", e);
        }
    }

    private void checkStatus(int status, String repo, String file) {
        if (status >= 200 && status < 300) {
            return;
        }
        if (status == 401 || status == 403) {
            throw new SemdexException("The hub at " + endpoint + " refused " + repo + "/" + file + " (HTTP " + status
                    + "): the repository does not exist, is private or gated. "
                    + (token == null ? "Set HF_TOKEN to an access token if you have access."
                            : "Check that your HF_TOKEN has access to it."));
        }
        if (status == 404) {
            throw new SemdexException("Not found on " + endpoint + ": " + repo + "/" + file + " (HTTP 404). "
                    + "Check the repository id and revision.");
        }
        throw new SemdexException("The hub at " + endpoint + " answered HTTP " + status + " for " + repo + "/"
                + file + ". Try again later.");
    }

    private static void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Download cancelled");
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
