package dev.semdex.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Tesseract program, run once per page image.
 *
 * <p>Run here rather than through Tika's {@code TesseractOCRParser} (same program, same command line) because the
 * child's environment must carry {@code OMP_THREAD_LIMIT=1}: Tesseract's OpenMP threads spin while they wait, and on
 * a machine whose cores are busy embedding (or shared) that made every page several times slower; Tika's parser
 * sets no variable but {@code TESSDATA_PREFIX}. One thread per page also leaves the other cores to the model.
 *
 * <p>Thread-safe: each call has its own process and output file.
 */
public final class Tesseract {

    private static final Logger LOG = LoggerFactory.getLogger(Tesseract.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);

    private final String program;
    private final Set<String> languages;

    private Tesseract(String program, Set<String> languages) {
        this.program = program;
        this.languages = languages;
    }

    /**
     * The Tesseract in {@code folder} (blank: the one on the PATH), or null if there is none that runs. Costs one
     * short run of the program ({@code --list-langs}).
     */
    public static Tesseract find(String folder) {
        String exe = System.getProperty("os.name", "").startsWith("Windows") ? "tesseract.exe" : "tesseract";
        String program = folder == null || folder.isBlank() ? exe : Path.of(folder.strip()).resolve(exe).toString();
        try {
            Set<String> installed = listLanguages(program);
            return installed == null ? null : new Tesseract(program, installed);
        } catch (IOException e) {
            return null; // no such program: the caller explains how to install it
        }
    }

    /** The languages whose trained data is installed, such as "eng" (the script detector "osd" left out). */
    public Set<String> languages() {
        return languages;
    }

    /**
     * The text Tesseract reads in one image file, as it prints it (lines, blank lines between blocks).
     *
     * @param dpi the image's resolution when known (a rendered PDF page), 0 to let Tesseract use the file's own
     * @throws OcrTimeoutException   when the page takes longer than {@code budget}; the process is killed
     * @throws ExtractionException   when Tesseract fails on the image, with its reason
     * @throws CancellationException when the calling thread is interrupted; the process is killed, the flag stays set
     */
    String read(Path image, String languageCodes, Duration budget, int dpi) throws IOException {
        return run(image, languageCodes, budget, dpi, "txt");
    }

    /**
     * Where Tesseract reads each word in one image file, as its TSV output (one row per page, block, line and word,
     * with the box in pixels); failures as {@link #read}.
     */
    String words(Path image, String languageCodes, Duration budget) throws IOException {
        return run(image, languageCodes, budget, 0, "tsv");
    }

    private String run(Path image, String languageCodes, Duration budget, int dpi, String format)
            throws IOException {
        Path outputBase = Files.createTempFile("semdex-ocr-", "");
        Path text = outputBase.resolveSibling(outputBase.getFileName() + "." + format);
        Path errors = outputBase.resolveSibling(outputBase.getFileName() + ".err");
        List<String> command = new ArrayList<>(List.of(program, image.toString(), outputBase.toString(),
                "-l", languageCodes, "--psm", "3"));
        if (dpi > 0) {
            command.addAll(List.of("--dpi", Integer.toString(dpi)));
        }
        if (!format.equals("txt")) {
            command.add(format);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errors.toFile());
        builder.environment().put("OMP_THREAD_LIMIT", "1");
        Process process = null;
        try {
            process = builder.start();
            if (!process.waitFor(budget.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new OcrTimeoutException(budget);
            }
            if (process.exitValue() != 0) {
                throw new ExtractionException(failure(errors));
            }
            return Files.isRegularFile(text) ? Files.readString(text, StandardCharsets.UTF_8) : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("OCR cancelled");
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(outputBase);
            Files.deleteIfExists(text);
            Files.deleteIfExists(errors);
        }
    }

    /** Tesseract's own words for a failure, such as "Image file ... cannot be read!", without the path. */
    private static String failure(Path errors) {
        String said = "";
        try {
            said = Files.readString(errors, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // nothing to quote
        }
        String lower = said.toLowerCase(Locale.ROOT);
        if (lower.contains("cannot be read") || lower.contains("error in pixread") || lower.contains("unsupported")) {
            return "corrupt or unreadable image";
        }
        if (lower.contains("failed loading language") || lower.contains("could not initialize tesseract")) {
            return "OCR language data missing (install the tesseract-ocr-<language> package)";
        }
        LOG.debug("Tesseract failed: {}", said);
        return "OCR failed (Tesseract could not read the image)";
    }

    private static Set<String> listLanguages(String program) throws IOException {
        Path out = Files.createTempFile("semdex-tesseract-", ".txt");
        Process process = null;
        try {
            // Into a file, not a pipe: a program that hangs must not hang the caller past the time-out.
            process = new ProcessBuilder(program, "--list-langs").redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!process.waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                return null;
            }
            Set<String> codes = new LinkedHashSet<>();
            for (String line : Files.readString(out, StandardCharsets.UTF_8).split("\\R")) {
                String code = line.strip();
                if (!code.isEmpty() && !code.contains(" ") && !code.equals("osd")) {
                    codes.add(code);
                }
            }
            return Set.copyOf(codes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(out);
        }
    }
}
