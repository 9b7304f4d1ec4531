package dev.semdex.cli;

import dev.semdex.embed.ServerUnavailableException;
import dev.semdex.embed.WaitingEmbedder;
import dev.semdex.index.IndexListener;
import dev.semdex.index.IndexProgress;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Progress on stderr, so stdout stays clean for scripts: one line redrawn in place on a terminal, or a line every
 * few seconds when stderr goes to a file; and, when the run stands still because its embedding server went away,
 * why.
 */
public final class ProgressPrinter implements IndexListener, WaitingEmbedder.Listener {

    private final PrintStream err;
    private final boolean terminal;
    private final long intervalNanos;
    private long lastPrint;

    public ProgressPrinter(PrintStream err) {
        this.err = err;
        this.terminal = System.console() != null;
        this.intervalNanos = (terminal ? 200 : 5_000) * 1_000_000L;
    }

    @Override
    public void scanned(Path folder, int filesFound) {
        clear();
        err.printf("Scanned %s: %,d files%n", folder, filesFound);
    }

    @Override
    public void textsStored(Path folder, int files) {
        clear();
        err.printf("%s: %,d files searchable by words; embedding them%n", folder, files);
    }

    @Override
    public void progress(IndexProgress p) {
        long now = System.nanoTime();
        if (now - lastPrint < intervalNanos && p.filesDone() < p.filesTotal()) {
            return;
        }
        lastPrint = now;
        String line = format(p);
        if (terminal) {
            err.print("\r" + line + "\033[K");
            if (p.filesDone() >= p.filesTotal()) {
                err.println();
            }
        } else {
            err.println(line);
        }
        err.flush();
    }

    /**
     * Progress of work counted in items rather than files ({@code semdex embed}): done, rate and ETA, at the same
     * pace as indexing progress.
     */
    public void counted(String unit, int done, int total, Duration elapsed) {
        long now = System.nanoTime();
        if (now - lastPrint < intervalNanos && done < total) {
            return;
        }
        lastPrint = now;
        double seconds = Math.max(1e-3, elapsed.toNanos() / 1e9);
        double rate = done / seconds;
        String eta = done == 0 ? "--" : clock(Duration.ofSeconds(Math.round((total - done) / rate)));
        String line = String.format(Locale.ROOT, "%s %,d/%,d  %.1f %s/s  ETA %s", unit, done, total, rate, unit,
                eta);
        if (terminal) {
            err.print("\r" + line + "\033[K");
            if (done >= total) {
                err.println();
            }
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public void waiting(ServerUnavailableException reason, Duration nextTryIn) {
        clear();
        err.println(reason.getMessage() + " Indexing waits and goes on by itself once the server answers (next try "
                + "in " + nextTryIn.toSeconds() + " s); everything embedded so far is kept. Press Ctrl+C to stop.");
    }

    @Override
    public void resumed() {
        clear();
        err.println("The embedding server answers again; indexing goes on.");
    }

    static String format(IndexProgress p) {
        Duration eta = p.eta();
        String current = p.ocr() != null ? "  " + p.ocr().describe() + " (" + p.ocr().file().getFileName() + ")"
                : p.currentFile() == null ? "" : "  " + p.currentFile().getFileName();
        return String.format(Locale.ROOT, "files %,d/%,d  chunks %,d  %.1f files/s  %.1f passages/s  ETA %s%s",
                p.filesDone(), p.filesTotal(), p.chunks(), p.filesPerSecond(), p.passagesPerSecond(),
                eta == null ? "--" : clock(eta), current);
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private void clear() {
        if (terminal) {
            err.print("\r\033[K");
        }
    }
}
