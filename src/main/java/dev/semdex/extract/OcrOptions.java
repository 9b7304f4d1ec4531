package dev.semdex.extract;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the user chose about reading the text in images and scanned pages.
 *
 * @param enabled         whether images and scanned pages are read at all; off, images are listed as skipped
 * @param languages       Tesseract language codes joined by {@code +} ("eng", "eng+deu"), as its {@code -l} takes them
 * @param pageTimeout     the budget of one page: a page past it is given up, the file's other pages are still read
 * @param tesseractFolder the folder holding the {@code tesseract} program; blank means the one on the {@code PATH}
 */
public record OcrOptions(boolean enabled, String languages, Duration pageTimeout, String tesseractFolder) {

    public static final String DEFAULT_LANGUAGES = "eng";
    public static final Duration DEFAULT_PAGE_TIMEOUT = Duration.ofSeconds(60);

    public OcrOptions {
        languages = normalizeLanguages(languages);
        if (pageTimeout == null || pageTimeout.isNegative() || pageTimeout.isZero()) {
            pageTimeout = DEFAULT_PAGE_TIMEOUT;
        }
        tesseractFolder = tesseractFolder == null ? "" : tesseractFolder.strip();
    }

    public static OcrOptions defaults() {
        return new OcrOptions(true, DEFAULT_LANGUAGES, DEFAULT_PAGE_TIMEOUT, "");
    }

    public static OcrOptions off() {
        return new OcrOptions(false, DEFAULT_LANGUAGES, DEFAULT_PAGE_TIMEOUT, "");
    }

    public OcrOptions withTesseractFolder(String folder) {
        return new OcrOptions(enabled, languages, pageTimeout, folder);
    }

    public OcrOptions withPageTimeout(Duration timeout) {
        return new OcrOptions(enabled, languages, timeout, tesseractFolder);
    }

    /** "eng, deu" or "eng+deu" become "eng+deu"; nothing at all becomes English. */
    static String normalizeLanguages(String languages) {
        if (languages == null || languages.isBlank()) {
            return DEFAULT_LANGUAGES;
        }
        String joined = Arrays.stream(languages.split("[+,\\s]+"))
                .map(code -> code.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", ""))
                .filter(code -> !code.isEmpty())
                .distinct()
                .collect(Collectors.joining("+"));
        return joined.isEmpty() ? DEFAULT_LANGUAGES : joined;
    }
}
