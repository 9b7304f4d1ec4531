package dev.semdex.index;

import dev.semdex.store.StoredDocument;

/**
 * Whether a file was read by a version of the extraction that still reads it as today's does. A new version that
 * changes how only some kinds of file read (PDF outlines) must not make a run read every file again: an image folder
 * would be sent through OCR once more for nothing.
 */
final class ExtractionVersions {

    /** The version that last changed how any file reads: titles and heading paths. */
    private static final int EVERY_FILE = 1;
    /** The version that last changed how PDFs read: their outline became headings. */
    private static final int PDF = 2;

    private ExtractionVersions() {}

    static boolean isCurrent(StoredDocument doc) {
        return doc.extraction() >= requiredFor(doc.path());
    }

    /** The oldest version whose reading of the file at {@code path} is still good. */
    static int requiredFor(String path) {
        return "pdf".equals(StoredDocument.extensionOf(path)) ? PDF : EVERY_FILE;
    }
}
