package dev.semdex.extract;

import java.time.Duration;

/** One page took longer than its OCR budget; the file's other pages are still read. */
final class OcrTimeoutException extends ExtractionException {

    OcrTimeoutException(Duration budget) {
        super("OCR timed out after " + TextExtractor.seconds(budget));
    }
}
