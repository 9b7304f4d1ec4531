package dev.semdex.extract;

/**
 * The reasons a file is skipped that lie in the file's access, not in its content. A corrupt PDF stays corrupt
 * until it changes, so an unchanged skipped file is not read again; but a file that was unreadable becomes readable
 * with a chmod, which changes neither its size nor its modification time, so such a file is tried again each run.
 */
public final class SkipReasons {

    public static final String PERMISSION_DENIED = "permission denied";
    public static final String NOT_FOUND = "file not found";
    /** An I/O failure while reading, before extraction (prefix; the OS's words follow). */
    public static final String CANNOT_READ = "cannot read";
    /** A file or folder the scan could not read (prefix; the OS's words may follow). */
    public static final String COULD_NOT_BE_READ = "could not be read";

    /** An image, or a PDF without a text layer, while Tesseract is missing: the reason says how to fix it. */
    public static final String OCR_MISSING = "install tesseract-ocr to search the text in images";
    /** The same while the user has turned OCR off. */
    public static final String OCR_OFF = "OCR is turned off in the settings";
    /**
     * Prefix of the reason for files that are not documents at all (fonts, icons, stylesheets, minified scripts,
     * search-index blobs): nothing the user could fix, so they are counted rather than listed as problems.
     */
    public static final String NOT_A_DOCUMENT = "not a document";

    /**
     * Code in a source tree while the user has not opted in to index code: a not-a-document reason, counted quietly,
     * but one that the next run lifts once the user opts in, although the file did not change.
     */
    public static final String SOURCE_CODE = NOT_A_DOCUMENT + " (source code)";

    private SkipReasons() {}

    /** True for files left out because they are build or site assets rather than something a person wrote. */
    public static boolean isNotADocument(String reason) {
        return reason != null && reason.startsWith(NOT_A_DOCUMENT);
    }

    /**
     * True when the reason may no longer hold although the file did not change (see the class comment); so is a
     * file left out for want of OCR, which the next run reads once Tesseract is installed or OCR turned on, and so is
     * code left out of a source tree, which the next run reads once the user opts in to index code.
     */
    public static boolean mayPassLater(String reason) {
        return reason != null && (reason.equals(PERMISSION_DENIED) || reason.equals(NOT_FOUND)
                || reason.startsWith(CANNOT_READ) || reason.startsWith(COULD_NOT_BE_READ)
                || reason.contains(OCR_MISSING) || reason.contains(OCR_OFF) || reason.equals(SOURCE_CODE));
    }
}
