package dev.semdex.extract;

import java.util.Objects;

/**
 * What the extraction stage found in a file: its text layer, and the scanned pages the OCR stage still has to read.
 * The two are apart because OCR takes seconds a page, and a run should not hold up every other file for it.
 *
 * @param outline a PDF's bookmarks, which OCR places again in the text it changes; {@link PdfOutline#NONE} otherwise
 */
public record Extraction(ExtractedText text, ScannedPages scans, PdfOutline outline) {

    public Extraction {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(scans, "scans");
        Objects.requireNonNull(outline, "outline");
    }

    /** A file without an outline. */
    public Extraction(ExtractedText text, ScannedPages scans) {
        this(text, scans, PdfOutline.NONE);
    }
}
