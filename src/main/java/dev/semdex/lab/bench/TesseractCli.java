package dev.semdex.lab.bench;

import dev.semdex.SemdexException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The {@code tesseract} command on its own, image after image: the baseline for the OCR stage's rate. */
final class TesseractCli {

    private TesseractCli() {}

    /**
     * Pages per second reading {@code images} one after another to stdout, in English.
     *
     * @param singleThreaded with {@code OMP_THREAD_LIMIT=1}, as Semdex runs it; otherwise with its default threads
     */
    static double pagesPerSecond(List<Path> images, boolean singleThreaded) {
        long start = System.nanoTime();
        for (Path image : images) {
            ProcessBuilder builder = new ProcessBuilder("tesseract", image.toString(), "stdout", "-l", "eng")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            if (singleThreaded) {
                builder.environment().put("OMP_THREAD_LIMIT", "1");
            }
            try {
                if (builder.start().waitFor() != 0) {
                    throw new SemdexException("tesseract failed on " + image);
                }
            } catch (IOException e) {
                throw new SemdexException("Cannot run tesseract: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SemdexException("Interrupted");
            }
        }
        return images.size() / ((System.nanoTime() - start) / 1e9);
    }
}
