package dev.semdex.extract;

import java.util.List;

/**
 * The parts of a file that are pictures of text, for the OCR stage to read: a whole image (every page of a TIFF), or
 * the pages of a PDF whose text layer is empty or nearly so.
 *
 * @param pdfPages 1-based numbers of the PDF pages to read; empty for an image
 */
public record ScannedPages(Kind kind, List<Integer> pdfPages) {

    public enum Kind { NONE, IMAGE, PDF }

    public static final ScannedPages NONE = new ScannedPages(Kind.NONE, List.of());

    public ScannedPages {
        pdfPages = List.copyOf(pdfPages);
    }

    static ScannedPages image() {
        return new ScannedPages(Kind.IMAGE, List.of());
    }

    static ScannedPages pdf(List<Integer> pages) {
        return pages.isEmpty() ? NONE : new ScannedPages(Kind.PDF, pages);
    }

    public boolean any() {
        return kind != Kind.NONE;
    }
}
