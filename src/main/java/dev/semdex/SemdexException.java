package dev.semdex;

/**
 * The one exception family of Semdex. Its message is written for the person using the app: it says what went wrong
 * and, where there is one, what to do next. The CLI prints it as is and the GUI shows it in the window, so never put
 * a stack trace or a class name in it.
 */
public class SemdexException extends RuntimeException {

    public SemdexException(String message) {
        super(message);
    }

    public SemdexException(String message, Throwable cause) {
        super(message, cause);
    }
}
