package dev.semdex.embed.ollama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semdex.SemdexException;
import dev.semdex.embed.ServerUnavailableException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/**
 * What went wrong talking to Ollama, sorted into the cases a user can act on. {@link #toException} writes the
 * message the user reads.
 */
record OllamaFailure(Kind kind, int status, String detail, Throwable cause) {

    private static final ObjectMapper JSON = new ObjectMapper();

    enum Kind { DOWN, UNKNOWN_HOST, TIMEOUT, NOT_FOUND, AUTH, CLIENT_ERROR, SERVER_ERROR, BAD_RESPONSE, OTHER }

    /** A non-2xx answer from the JDK client. */
    static final class HttpStatusException extends RuntimeException {
        final int status;
        final String body;

        HttpStatusException(int status, String body) {
            super("HTTP " + status);
            this.status = status;
            this.body = body;
        }
    }

    /** An answer that arrived but is not what Ollama sends. */
    static final class BadResponseException extends RuntimeException {
        BadResponseException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    boolean retriable() {
        return switch (kind) {
            case DOWN, TIMEOUT, SERVER_ERROR -> true;
            case CLIENT_ERROR -> status == 408 || status == 429;
            default -> false;
        };
    }

    /** The server could not be reached or did not answer: another server may well do the same work. */
    boolean unreachable() {
        return kind == Kind.DOWN || kind == Kind.UNKNOWN_HOST || kind == Kind.TIMEOUT;
    }

    static OllamaFailure classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpStatusException h) {
                return fromStatus(h.status, h.body, error);
            }
            if (t instanceof BadResponseException) {
                return new OllamaFailure(Kind.BAD_RESPONSE, 0, t.getMessage(), error);
            }
            if (t instanceof JsonProcessingException j) {
                return new OllamaFailure(Kind.BAD_RESPONSE, 0, "invalid JSON: " + j.getOriginalMessage(), error);
            }
            if (t instanceof HttpConnectTimeoutException) {
                return new OllamaFailure(Kind.DOWN, 0, "connection timed out", error);
            }
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
                return new OllamaFailure(Kind.TIMEOUT, 0, "request timed out", error);
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return new OllamaFailure(Kind.UNKNOWN_HOST, 0, "unknown host", error);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new OllamaFailure(Kind.DOWN, 0, "connection refused", error);
            }
            if (t instanceof ClosedChannelException
                    || t instanceof java.io.IOException && String.valueOf(t.getMessage()).contains("closed")) {
                return new OllamaFailure(Kind.DOWN, 0, "connection closed by the server", error);
            }
        }
        // Any other I/O failure of a request (a reset, a connection dropped before the answer's headers) means the
        // server went away mid-request, e.g. because it was stopped.
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException) {
                return new OllamaFailure(Kind.DOWN, 0, "connection lost (" + t.getMessage() + ")", error);
            }
        }
        return new OllamaFailure(Kind.OTHER, 0, String.valueOf(error.getMessage()), error);
    }

    private static OllamaFailure fromStatus(int status, String body, Throwable error) {
        String detail = errorText(body);
        Kind kind;
        if (status == 404) {
            kind = Kind.NOT_FOUND;
        } else if (status == 401 || status == 403 || status == 407) {
            kind = Kind.AUTH;
        } else if (status >= 500) {
            kind = Kind.SERVER_ERROR;
        } else {
            kind = Kind.CLIENT_ERROR;
        }
        return new OllamaFailure(kind, status, detail, error);
    }

    /** Ollama answers errors as {@code {"error":"…"}}; a proxy may send HTML, which is cut short. */
    static String errorText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null && node.hasNonNull("error")) {
                return node.get("error").asText();
            }
        } catch (JsonProcessingException | RuntimeException ignored) {
            // not JSON: show the start
        }
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    SemdexException toException(String baseUrl, String model, java.time.Duration timeout, int attempts) {
        String tried = attempts > 1 ? " (tried " + attempts + " times)" : "";
        String d = detail == null || detail.isBlank() ? "" : ": " + detail;
        String msg = switch (kind) {
            case DOWN -> "Cannot reach the Ollama server at " + baseUrl + ": " + detail + tried + ". Is it running? "
                    + "If it runs on another machine, start it there with OLLAMA_HOST=0.0.0.0 (so it listens on the "
                    + "network, not only on localhost) and allow port 11434 through its firewall.";
            case UNKNOWN_HOST -> "Cannot find the Ollama server " + baseUrl + ": unknown host name. Check the address "
                    + "(--ollama-url, the settings, or OLLAMA_HOST).";
            case TIMEOUT -> "The Ollama server at " + baseUrl + " did not answer within " + timeout.toSeconds()
                    + " s" + tried + (model == null ? "" : " (model " + model + ")") + ". It may still be loading "
                    + "the model or be overloaded: try again, or use a longer timeout or a smaller batch size.";
            case NOT_FOUND -> model == null
                    ? "The server at " + baseUrl + " answered 404 Not found" + d + ". Is this really an Ollama "
                            + "server (check the URL and any proxy path)?"
                    : "The Ollama server at " + baseUrl + " has no model '" + model + "'" + d + ": model not found "
                            + "— run `ollama pull " + model + "` on the server (or `semdex ollama check --model "
                            + model + " --pull`).";
            case AUTH -> "The Ollama server at " + baseUrl + " refused access (HTTP " + status + d + "). If it sits "
                    + "behind a proxy that needs a token, pass it with --ollama-token or SEMDEX_OLLAMA_TOKEN.";
            case CLIENT_ERROR -> "The Ollama server at " + baseUrl + " rejected the request"
                    + (model == null ? "" : " for model " + model) + " (HTTP " + status + d + ").";
            case SERVER_ERROR -> "The Ollama server at " + baseUrl + " failed (HTTP " + status + d + ")" + tried
                    + ". Look at the server's log (e.g. `journalctl -u ollama`); if it ran out of memory, try a "
                    + "smaller batch size.";
            case BAD_RESPONSE -> "The server at " + baseUrl + " sent an answer Semdex cannot read" + d
                    + ". Is this really an Ollama server (and not a proxy's error page)?";
            case OTHER -> "Talking to the Ollama server at " + baseUrl + " failed" + d + tried + ".";
        };
        if (unreachable()) {
            return new ServerUnavailableException(msg, baseUrl, cause);
        }
        return new SemdexException(msg, cause);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + (status > 0 ? " " + status : "") + " " + detail;
    }
}
