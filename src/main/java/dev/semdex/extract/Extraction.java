package dev.semdex.extract;

import java.util.Objects;

/**
 * What the extraction stage found in a file: its text layer, and the scanned pages the OCR stage still has to read.
 * The two are apart because OCR takes seconds a page, and a run should not hold up every other file for it.
 */
public record Extraction(ExtractedText text, ScannedPages scans) {

    public Extraction {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(scans, "scans");
    }
}
