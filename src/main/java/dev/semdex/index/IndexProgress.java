package dev.semdex.index;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A snapshot of an indexing run, for a progress line or bar. Rates and ETA are over the files actually read.
 *
 * @param ocr the page the OCR stage is reading, or null while it reads none
 */
public record IndexProgress(int filesDone, int filesTotal, long chunks, long passagesEmbedded, Path currentFile,
        Duration elapsed, OcrPage ocr) {

    /** A snapshot while no image is being read. */
    public IndexProgress(int filesDone, int filesTotal, long chunks, long passagesEmbedded, Path currentFile,
            Duration elapsed) {
        this(filesDone, filesTotal, chunks, passagesEmbedded, currentFile, elapsed, null);
    }

    /** The OCR stage is on {@code page} of the {@code pages} to read in {@code file}. */
    public record OcrPage(Path file, int page, int pages) {
        /** "OCR page 3 of 12", for a status line. */
        public String describe() {
            return "OCR page " + page + " of " + pages;
        }
    }

    /** Share of the files done, 0 to 1; -1 while the total is not known (a progress bar's "indeterminate"). */
    public double fractionDone() {
        return filesTotal == 0 ? -1 : (double) filesDone / filesTotal;
    }

    public double filesPerSecond() {
        double seconds = elapsed.toMillis() / 1000.0;
        return seconds <= 0 ? 0 : filesDone / seconds;
    }

    public double passagesPerSecond() {
        double seconds = elapsed.toMillis() / 1000.0;
        return seconds <= 0 ? 0 : passagesEmbedded / seconds;
    }

    /** Remaining time at the rate so far; null while there is no rate yet. */
    public Duration eta() {
        double rate = filesPerSecond();
        if (rate <= 0 || filesTotal <= filesDone) {
            return filesTotal <= filesDone ? Duration.ZERO : null;
        }
        return Duration.ofMillis((long) ((filesTotal - filesDone) / rate * 1000));
    }
}
