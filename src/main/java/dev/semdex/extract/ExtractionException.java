package dev.semdex.extract;

import dev.semdex.SemdexException;

/**
 * One file's text could not be extracted. The message is a short reason for the user ("password-protected",
 * "timed out after 60 s"); the indexer records it and goes on with the next file.
 */
public class ExtractionException extends SemdexException {

    public ExtractionException(String message) {
        super(message);
    }

    public ExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
