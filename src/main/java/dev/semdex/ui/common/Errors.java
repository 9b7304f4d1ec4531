package dev.semdex.ui.common;

import dev.semdex.SemdexException;
import java.util.concurrent.CancellationException;

/** Turns a failure into one line for the window: Semdex's own messages as they are, anything else briefly. */
public final class Errors {

    private Errors() {}

    public static String message(Throwable error) {
        Throwable e = error;
        while (e != null) {
            if (e instanceof SemdexException) {
                return e.getMessage();
            }
            if (e instanceof CancellationException) {
                return "Cancelled.";
            }
            e = e.getCause();
        }
        String detail = error.getMessage();
        return "Something went wrong: " + (detail == null || detail.isBlank() ? error.getClass().getSimpleName() : detail)
                + " (details in the log)";
    }

    public static boolean isCancellation(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof CancellationException || e instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }
}
