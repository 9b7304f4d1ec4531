package dev.semdex.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the text of images and scanned PDF pages with Tesseract, one page at a time, so that each page has its own
 * time budget, progress can say which page it is on, and a cancel or pause takes effect between pages.
 *
 * <p>PDF pages are rendered at 300 dpi, the resolution Tesseract is trained for; a page that draws no image is left
 * alone even when it has no text (a blank page has nothing to read). A page larger than {@link #MAX_PIXELS} is
 * rendered at a lower resolution, and an image file larger than that is refused with its size as the reason: the
 * program would hold it whole in memory.
 *
 * <p>Thread-safe.
 */
public final class OcrReader {

    private static final Logger LOG = LoggerFactory.getLogger(OcrReader.class);
    private static final int PDF_DPI = 300;
    static final long MAX_PIXELS = 150_000_000L;
    private static final String TIFF = "image/tiff";
    /** Why a page or image gave nothing although it was read: there is no text on it. */
    public static final String NO_TEXT = "no text found";

    /** Told before each page is read; may block to pause the run, and throws when the run is cancelled. */
    public interface PageListener {
        PageListener NONE = (page, pages) -> {};

        void reading(int page, int pages) throws InterruptedException;
    }

    /** The file's text with the scanned pages read in, and how many pages Tesseract read. */
    public record Result(ExtractedText text, int pagesRead) {}

    private final OcrOptions options;
    private final Tesseract tesseract;
    private final String languages;
    private final String unavailable;
    private final int maxChars;

    private OcrReader(OcrOptions options, Tesseract tesseract, String languages, String unavailable, int maxChars) {
        this.options = options;
        this.tesseract = tesseract;
        this.languages = languages;
        this.unavailable = unavailable;
        this.maxChars = maxChars;
    }

    /** OCR as the options say: finds Tesseract (one short run of it) and keeps the chosen languages it has. */
    public static OcrReader open(OcrOptions options) {
        if (!options.enabled()) {
            return new OcrReader(options, null, "", SkipReasons.OCR_OFF, TextExtractor.DEFAULT_MAX_CHARS);
        }
        Tesseract found = Tesseract.find(options.tesseractFolder());
        if (found == null) {
            return new OcrReader(options, null, "", SkipReasons.OCR_MISSING, TextExtractor.DEFAULT_MAX_CHARS);
        }
        Set<String> wanted = new LinkedHashSet<>(Arrays.asList(options.languages().split("\\+")));
        List<String> missing = wanted.stream().filter(code -> !found.languages().contains(code)).toList();
        wanted.removeAll(missing);
        if (!missing.isEmpty()) {
            LOG.warn("OCR languages not installed, left out: {} (Tesseract has {})", missing, found.languages());
        }
        if (wanted.isEmpty()) {
            String reason = "OCR language " + String.join("+", missing) + " is not installed (install tesseract-ocr-"
                    + missing.get(0) + ")";
            return new OcrReader(options, null, "", reason, TextExtractor.DEFAULT_MAX_CHARS);
        }
        return new OcrReader(options, found, String.join("+", wanted), null, TextExtractor.DEFAULT_MAX_CHARS);
    }

    public static OcrReader off() {
        return new OcrReader(OcrOptions.off(), null, "", SkipReasons.OCR_OFF, TextExtractor.DEFAULT_MAX_CHARS);
    }

    /** Why images cannot be read (OCR turned off, Tesseract missing), or null when they can. */
    public String unavailableReason() {
        return unavailable;
    }

    public boolean available() {
        return unavailable == null;
    }

    /** The languages pages are read in, e.g. "eng+deu"; empty when OCR is unavailable. */
    public String languages() {
        return languages;
    }

    public Duration pageTimeout() {
        return options.pageTimeout();
    }

    /**
     * Reads the scanned pages of {@code extraction} and puts their text where the pages are.
     *
     * @throws ExtractionException   when no text comes out, with the reason (time-out, corrupt image, too large)
     * @throws CancellationException when the thread is interrupted; its interrupt flag stays set
     */
    public Result read(Path file, Extraction extraction, PageListener listener) {
        if (!available()) {
            throw new ExtractionException(unavailable);
        }
        Pages pages = new Pages();
        try {
            switch (extraction.scans().kind()) {
                case IMAGE -> readImage(file, extraction.text().mediaType(), pages, listener);
                case PDF -> readPdfPages(file, extraction.scans().pdfPages(), pages, listener);
                case NONE -> {
                    return new Result(extraction.text(), 0);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("OCR cancelled");
        } catch (IOException e) {
            throw ExtractionFailures.of(e, org.apache.tika.mime.MediaType.parse(extraction.text().mediaType()));
        }
        ExtractedText text = extraction.scans().kind() == ScannedPages.Kind.PDF
                ? pages.mergedInto(extraction.text(), maxChars)
                : pages.asImageText(extraction.text().mediaType(), maxChars);
        if (!extraction.outline().isEmpty()) {
            text = text.withHeadings(extraction.outline().headingsIn(text.text(), text.pageStarts()));
        }
        if (text.text().isBlank()) {
            throw pages.whyEmpty();
        }
        return new Result(text, pages.read);
    }

    /**
     * The words on one picture (an image file, or a page image already rendered to a file) and where each stands,
     * for showing a passage on it; within the page time budget.
     *
     * @throws ExtractionException   when OCR is unavailable or Tesseract fails on the picture, with the reason
     * @throws CancellationException when the thread is interrupted; the process is killed, the flag stays set
     */
    public PageWords words(Path picture) throws IOException {
        if (!available()) {
            throw new ExtractionException(unavailable);
        }
        return PageWords.parseTsv(tesseract.words(picture, languages, options.pageTimeout()));
    }

    private void readImage(Path file, String mediaType, Pages pages, PageListener listener)
            throws IOException, InterruptedException {
        if (TIFF.equals(mediaType)) {
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                ImageReader reader = in == null ? null : readerFor(in);
                if (reader != null) {
                    try {
                        int count = reader.getNumImages(true);
                        if (count > 1) {
                            for (int i = 0; i < count; i++) {
                                int index = i;
                                listener.reading(index + 1, count);
                                readPage(pages, index + 1, () -> {
                                    checkPixels(reader.getWidth(index), reader.getHeight(index));
                                    return reader.read(index);
                                }, 0);
                            }
                            return;
                        }
                    } finally {
                        reader.dispose();
                    }
                }
            }
        }
        listener.reading(1, 1);
        int[] size = imageSize(file);
        if (size != null) {
            checkPixels(size[0], size[1]);
        }
        int orientation = ExifOrientation.of(file);
        if (orientation != ExifOrientation.UPRIGHT && size != null) {
            // Tesseract reads the pixels as stored; a photo taken upright is stored turned.
            readPage(pages, 1, () -> {
                BufferedImage stored = ImageIO.read(file.toFile());
                if (stored == null) {
                    throw new IOException("corrupt or unreadable image");
                }
                return ExifOrientation.upright(stored, orientation);
            }, 0);
            return;
        }
        try {
            pages.put(1, tesseract.read(file, languages, options.pageTimeout(), 0));
        } catch (OcrTimeoutException e) {
            pages.failed(1, e);
        }
    }

    private void readPdfPages(Path file, List<Integer> candidates, Pages pages, PageListener listener)
            throws IOException, InterruptedException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            List<Integer> scanned = new ArrayList<>();
            for (int number : candidates) {
                if (number >= 1 && number <= doc.getNumberOfPages() && drawsImages(doc.getPage(number - 1)
                        .getResources(), 0)) {
                    scanned.add(number);
                }
            }
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < scanned.size(); i++) {
                int number = scanned.get(i);
                listener.reading(i + 1, scanned.size());
                PDPage page = doc.getPage(number - 1);
                int dpi = renderDpi(page);
                readPage(pages, number, () -> renderer.renderImageWithDPI(number - 1, dpi, ImageType.GRAY), dpi);
            }
        }
    }

    /** One page image, written to a temporary uncompressed TIFF (quick to write and to read) for Tesseract. */
    private void readPage(Pages pages, int number, PageImage image, int dpi) throws IOException {
        Path tmp = Files.createTempFile("semdex-page-", ".tif");
        try {
            BufferedImage pixels = image.get();
            if (!ImageIO.write(pixels, "tiff", tmp.toFile())) {
                throw new IOException("cannot write the page image");
            }
            pages.put(number, tesseract.read(tmp, languages, options.pageTimeout(), dpi));
        } catch (OcrTimeoutException | ImageTooLargeException e) {
            pages.failed(number, e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static int renderDpi(PDPage page) {
        double inches = page.getMediaBox().getWidth() / 72.0 * page.getMediaBox().getHeight() / 72.0;
        double fits = Math.sqrt(MAX_PIXELS / Math.max(inches, 1e-3));
        return (int) Math.max(36, Math.min(PDF_DPI, fits));
    }

    static boolean drawsImages(PDResources resources, int depth) throws IOException {
        if (resources == null || depth > 3) {
            return false;
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject) {
                return true;
            }
            if (object instanceof PDFormXObject form && drawsImages(form.getResources(), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private static void checkPixels(int width, int height) {
        long pixels = (long) width * height;
        if (pixels > MAX_PIXELS) {
            throw new ImageTooLargeException(String.format(Locale.ROOT,
                    "image too large to read with OCR (%,d × %,d pixels)", width, height));
        }
    }

    /** Width and height from the image's header, or null when Java cannot read this format (WebP). */
    private static int[] imageSize(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = in == null ? null : readerFor(in);
            if (reader == null) {
                return null;
            }
            try {
                return new int[]{reader.getWidth(0), reader.getHeight(0)};
            } catch (IOException | RuntimeException e) {
                throw new ExtractionException("corrupt or unreadable image", e);
            } finally {
                reader.dispose();
            }
        }
    }

    private static ImageReader readerFor(ImageInputStream in) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        reader.setInput(in);
        return reader;
    }

    @FunctionalInterface
    private interface PageImage {
        BufferedImage get() throws IOException;
    }

    /** A page refused for its size before anything is decoded. */
    private static final class ImageTooLargeException extends ExtractionException {
        ImageTooLargeException(String message) {
            super(message);
        }
    }

    /** The text read so far, page by page, and why pages gave none. */
    private static final class Pages {
        private final TreeMap<Integer, String> texts = new TreeMap<>();
        private final TreeMap<Integer, ExtractionException> failures = new TreeMap<>();
        private int read;

        void put(int page, String raw) {
            texts.put(page, OcrText.paragraphs(raw));
            read++;
        }

        void failed(int page, ExtractionException why) {
            failures.put(page, why);
            read++;
        }

        ExtractionException whyEmpty() {
            if (failures.isEmpty()) {
                return new ExtractionException(NO_TEXT);
            }
            ExtractionException first = failures.firstEntry().getValue();
            String where = read > 1 ? " (page " + failures.firstKey() + ")" : "";
            return new ExtractionException(first.getMessage() + where, first);
        }

        ExtractedText asImageText(String mediaType, int maxChars) {
            TextBuffer buffer = new TextBuffer(maxChars);
            boolean paged = texts.size() + failures.size() > 1;
            int last = Math.max(texts.isEmpty() ? 0 : texts.lastKey(), failures.isEmpty() ? 0 : failures.lastKey());
            for (int page = 1; page <= last; page++) {
                if (paged) {
                    buffer.startPage();
                }
                buffer.append(texts.getOrDefault(page, ""));
            }
            return new ExtractedText(buffer.text(), paged ? buffer.pageStarts() : new int[0], mediaType);
        }

        /** The layer's text with each read page's text in place of what the layer had there. */
        ExtractedText mergedInto(ExtractedText layer, int maxChars) {
            String text = layer.text();
            int[] starts = layer.pageStarts();
            TextBuffer buffer = new TextBuffer(maxChars);
            buffer.append(text.substring(0, starts.length == 0 ? text.length() : starts[0]));
            for (int page = 1; page <= starts.length; page++) {
                buffer.startPage();
                String own = text.substring(starts[page - 1], page < starts.length ? starts[page] : text.length());
                buffer.append(texts.getOrDefault(page, own));
            }
            return new ExtractedText(buffer.text(), buffer.pageStarts(), layer.mediaType()).withTitle(layer.title());
        }
    }
}
