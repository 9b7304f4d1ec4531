package dev.semdex.index;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A snapshot of an indexing run, for a progress line or bar. The share done and the time left are measured in bytes
 * when the run knows them, not in files: a folder whose last files are its largest (a manual's whole-book page, a
 * long report) would otherwise sit at "96 % · 1 s left" while most of the work is still ahead.
 *
 * @param ocr        the page the OCR stage is reading, or null while it reads none
 * @param bytesDone  size of the files finished, 0 with {@code bytesTotal} when the run does not count bytes
 * @param bytesTotal size of all the files this run reads
 */
public record IndexProgress(int filesDone, int filesTotal, long chunks, long passagesEmbedded, Path currentFile,
        Duration elapsed, OcrPage ocr, long bytesDone, long bytesTotal) {

    /** Progress counted in bytes while no image is being read. */
    public IndexProgress(int filesDone, int filesTotal, long chunks, long passagesEmbedded, Path currentFile,
            Duration elapsed, long bytesDone, long bytesTotal) {
        this(filesDone, filesTotal, chunks, passagesEmbedded, currentFile, elapsed, null, bytesDone, bytesTotal);
    }

    /** The OCR stage is on {@code page} of the {@code pages} to read in {@code file}. */
    public record OcrPage(Path file, int page, int pages) {
        /** "OCR page 3 of 12", for a status line. */
        public String describe() {
            return "OCR page " + page + " of " + pages;
        }
    }

    /** Progress counted in files only, for runs whose files are all alike (a benchmark's documents). */
    public IndexProgress(int filesDone, int filesTotal, long chunks, long passagesEmbedded, Path currentFile,
            Duration elapsed) {
        this(filesDone, filesTotal, chunks, passagesEmbedded, currentFile, elapsed, null, 0, 0);
    }

    /** Share of the work done, 0 to 1; -1 while the total is not known (a progress bar's "indeterminate"). */
    public double fractionDone() {
        if (bytesTotal > 0) {
            return Math.min(1, (double) bytesDone / bytesTotal);
        }
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

    /** Remaining time at the rate so far (bytes per second where counted); null while there is no rate yet. */
    public Duration eta() {
        if (filesTotal <= filesDone) {
            return Duration.ZERO;
        }
        double seconds = elapsed.toMillis() / 1000.0;
        if (bytesTotal > 0 && bytesDone > 0 && seconds > 0) {
            double rate = bytesDone / seconds;
            return Duration.ofMillis((long) (Math.max(0, bytesTotal - bytesDone) / rate * 1000));
        }
        double rate = filesPerSecond();
        if (rate <= 0) {
            return null;
        }
        return Duration.ofMillis((long) ((filesTotal - filesDone) / rate * 1000));
    }
}
