package dev.semdex.ui;

import java.util.Optional;

/**
 * Why the window cannot open on this machine, in one line that says what to do, for the two failures a user can fix
 * (no display, no GTK 3). JavaFX reports both as a long stack trace that names neither the package to install nor
 * the command line that works without them.
 */
public final class WindowUnavailable {

    private static final String CLI_HINT = " The command line works without it: semdex --help";

    private WindowUnavailable() {}

    /** The one-line reason for a failure of the window's start, or empty when it is not one of these. */
    public static Optional<String> explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("Unable to open DISPLAY")) {
                return Optional.of("cannot open the window: there is no display (DISPLAY is not set or its X "
                        + "server does not answer); start Semdex in a desktop session." + CLI_HINT);
            }
            if (message.contains("Unable to load glass GTK library")) {
                return Optional.of("cannot open the window: GTK 3 is missing; install libgtk-3-0 (Debian, Ubuntu: "
                        + "sudo apt install libgtk-3-0)." + CLI_HINT);
            }
        }
        return Optional.empty();
    }
}
