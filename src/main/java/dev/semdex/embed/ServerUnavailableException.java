package dev.semdex.embed;

import dev.semdex.SemdexException;

/**
 * The machine that embeds (an Ollama server) cannot be reached right now: down, unknown, or not answering. Unlike
 * other failures this one is expected to pass, so the window waits and carries on, and search falls back to words.
 */
public class ServerUnavailableException extends SemdexException {

    private final String server;

    public ServerUnavailableException(String message, String server, Throwable cause) {
        super(message, cause);
        this.server = server;
    }

    /** The server's base URL. */
    public String server() {
        return server;
    }

    /** The first {@link ServerUnavailableException} in a cause chain, or null. */
    public static ServerUnavailableException find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ServerUnavailableException s) {
                return s;
            }
        }
        return null;
    }
}
