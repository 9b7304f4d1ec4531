package dev.semdex.extract;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;

import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.mime.MediaType;

/**
 * Turns whatever a parser threw into a reason a person can act on. Parsers report corrupt input with anything from
 * an IOException to a NullPointerException, so everything not recognised reads as "corrupt or unreadable".
 */
final class ExtractionFailures {

    private static final int MAX_DETAIL_CHARS = 120;

    private ExtractionFailures() {
    }

    static ExtractionException of(Throwable failure, MediaType type) {
        if (failure instanceof ExtractionException known) {
            return known;
        }
        if (hasCause(failure, EncryptedDocumentException.class) || mentionsPassword(failure)) {
            return new ExtractionException("password-protected", failure);
        }
        if (hasCause(failure, ZeroByteFileException.class)) {
            return new ExtractionException("no text found (empty file)", failure);
        }
        if (failure instanceof NoSuchFileException) {
            return new ExtractionException(SkipReasons.NOT_FOUND, failure);
        }
        if (failure instanceof AccessDeniedException) {
            return new ExtractionException(SkipReasons.PERMISSION_DENIED, failure);
        }
        if (failure instanceof OutOfMemoryError) {
            return new ExtractionException("too large to extract with the memory available", failure);
        }
        if (failure instanceof StackOverflowError) {
            return new ExtractionException("too deeply nested to extract", failure);
        }
        if (failure instanceof LinkageError) {
            return new ExtractionException("cannot read this file type: a part of Semdex is missing or broken", failure);
        }
        if (failure instanceof Error error) {
            throw error;
        }
        String message = "corrupt or unreadable " + describe(type);
        String detail = detail(failure);
        return new ExtractionException(detail == null ? message : message + ": " + detail, failure);
    }

    /** "PDF", "DOCX file", or just "file" when the type says nothing useful. */
    static String describe(MediaType type) {
        String label = FileTypes.labelFor(type);
        if (label.equals("pdf")) {
            return "PDF";
        }
        if (label.equals("binary") || label.equals("text")) {
            return "file";
        }
        return label.toUpperCase(Locale.ROOT) + " file";
    }

    /**
     * The innermost message when it reads like a sentence; class names and stack frames would only confuse the user,
     * and they stay available through the exception's cause.
     */
    private static String detail(Throwable failure) {
        String best = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank()) {
                best = message;
            }
        }
        if (best == null) {
            return null;
        }
        String line = best.strip().lines().findFirst().orElse("").strip();
        if (line.isEmpty() || line.matches(".*\\b(java|javax|org|com)\\.[a-z]+\\..*") || line.contains("Exception")) {
            return null;
        }
        return line.length() <= MAX_DETAIL_CHARS ? line : line.substring(0, MAX_DETAIL_CHARS - 1) + "…";
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Some parsers report a password only through an exception class of their own library. */
    private static boolean mentionsPassword(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getSimpleName().contains("Password")
                    || (t instanceof IOException && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT)
                    .contains("password"))) {
                return true;
            }
        }
        return false;
    }
}
