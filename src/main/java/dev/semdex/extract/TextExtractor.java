package dev.semdex.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.tika.detect.AutoDetectReader;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;

/**
 * Gets the text out of one file, with its page boundaries when the format has pages. Every file gets a time and a
 * size budget, because a single pathological document must not stall or exhaust an indexing run of thousands.
 *
 * <p>Plain-text formats (source code, markdown, CSV, logs) are decoded directly, as UTF-8 when they are valid UTF-8
 * and with Tika's charset detection otherwise, so their lines survive unchanged (Markdown is then read as the text it
 * shows, see {@link MarkdownText}); machine output among them is refused as {@link NotDocuments not a document}. Web
 * pages are first cut down to their {@link MainContent main content}; everything goes through Tika's
 * auto-detecting parser. Tika's own OCR stays off: it would run inside the file's time budget with no progress and
 * no way to pause. Instead the result names the parts that are pictures of text (an image; PDF pages with no text
 * layer to speak of) for the indexer's OCR stage ({@link OcrReader}).
 *
 * <p>Thread-safe: several indexing threads may share one instance. Each parse runs on a daemon worker so that a
 * parse stuck past its budget can be abandoned; close the extractor to stop its workers.
 */
public final class TextExtractor implements AutoCloseable {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_CHARS = 20_000_000;
    /** Fewer letters and digits than this on a PDF page, and the page may be a scan: a page number is not a text. */
    static final int MIN_PAGE_TEXT = 32;

    private final Duration timeout;
    private final int maxChars;
    private final Parser parserOverride;
    private final boolean mainContentOnly;
    private final ExecutorService workers;

    public TextExtractor() {
        this(DEFAULT_TIMEOUT, DEFAULT_MAX_CHARS);
    }

    public TextExtractor(Duration timeoutPerFile, int maxChars) {
        this(timeoutPerFile, maxChars, null);
    }

    /** Lets tests stand in a parser that misbehaves on purpose (hangs, ignores interrupts). */
    TextExtractor(Duration timeoutPerFile, int maxChars, Parser parserOverride) {
        this(timeoutPerFile, maxChars, parserOverride, true);
    }

    /**
     * @param mainContentOnly whether web pages lose their site navigation, headers and footers (see
     *                        {@link MainContent}); off only to measure what that buys
     */
    public TextExtractor(Duration timeoutPerFile, int maxChars, boolean mainContentOnly) {
        this(timeoutPerFile, maxChars, null, mainContentOnly);
    }

    private TextExtractor(Duration timeoutPerFile, int maxChars, Parser parserOverride, boolean mainContentOnly) {
        Objects.requireNonNull(timeoutPerFile, "timeoutPerFile");
        if (timeoutPerFile.isNegative() || timeoutPerFile.isZero()) {
            throw new IllegalArgumentException("timeoutPerFile must be positive: " + timeoutPerFile);
        }
        if (maxChars <= 0) {
            throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
        }
        this.timeout = timeoutPerFile;
        this.maxChars = maxChars;
        this.parserOverride = parserOverride;
        this.mainContentOnly = mainContentOnly;
        // Load Tika here, not on a worker that a time-out may interrupt mid-load.
        SharedTika.config();
        if (parserOverride == null) {
            SharedTika.parser();
        }
        this.workers = Executors.newCachedThreadPool(daemonThreads());
    }

    /**
     * Extracts the file's text, cut at {@code maxChars} if longer (that is not an error).
     *
     * @throws ExtractionException   when the file yields no text, with a short reason for the user
     * @throws CancellationException when the calling thread is interrupted; its interrupt flag stays set
     */
    public ExtractedText extract(Path file) {
        Extraction extraction = read(file);
        if (extraction.text().text().isEmpty()) {
            throw new ExtractionException("no text found");
        }
        return extraction.text();
    }

    /**
     * Extracts the file's text layer and names its scanned parts, which OCR is to read: an image's text is empty, a
     * PDF's scanned pages are empty or hold the little text their layer has.
     *
     * @throws ExtractionException   when the file yields no text and has no scanned parts, with a reason
     * @throws CancellationException when the calling thread is interrupted; its interrupt flag stays set
     */
    public Extraction read(Path file) {
        Objects.requireNonNull(file, "file");
        AtomicBoolean abandoned = new AtomicBoolean();
        Future<Extraction> result = workers.submit(() -> extractOnWorker(file, abandoned));
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            abandon(result, abandoned);
            throw new ExtractionException("timed out after " + seconds(timeout));
        } catch (InterruptedException e) {
            abandon(result, abandoned);
            Thread.currentThread().interrupt();
            throw new CancellationException("Text extraction cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ExtractionException extraction) {
                throw extraction;
            }
            throw ExtractionFailures.of(cause, MediaType.OCTET_STREAM);
        }
    }

    /** Stops the workers; a parse still running past its budget is interrupted. */
    @Override
    public void close() {
        workers.shutdownNow();
    }

    private Extraction extractOnWorker(Path file, AtomicBoolean abandoned) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, String.valueOf(file.getFileName()));
        MediaType type = MediaType.OCTET_STREAM;
        TextBuffer buffer = new TextBuffer(maxChars);
        BlockTextHandler handler = new BlockTextHandler(buffer, maxChars, abandoned::get);
        boolean[] listing = new boolean[1];
        try (TikaInputStream in = TikaInputStream.get(file, metadata)) {
            type = detect(file, in, metadata);
            if (FileTypes.isOcrImage(type)) {
                return new Extraction(new ExtractedText("", null, type.getBaseType().toString()),
                        ScannedPages.image());
            }
            if (FileTypes.isPlainText(type)) {
                readPlainText(file, in, metadata, buffer, abandoned);
            } else if (FileTypes.isHtml(type) && mainContentOnly) {
                type = parseWebPage(file, in, metadata, handler, type, listing);
            } else {
                type = parse(in, metadata, handler, type);
            }
        } catch (Throwable failure) {
            if (abandoned.get()) {
                throw new CancellationException("Text extraction abandoned");
            }
            if (!WriteLimitReachedException.isWriteLimitReached(failure)) {
                throw ExtractionFailures.of(failure, type);
            }
        }
        ScannedPages scans = FileTypes.isPdf(type) && !buffer.isFull()
                ? ScannedPages.pdf(pagesWithoutText(buffer.text(), buffer.pageStarts())) : ScannedPages.NONE;
        if (buffer.length() == 0 && !scans.any()) {
            throw new ExtractionException("no text found");
        }
        String text = buffer.text();
        if (FileTypes.isPlainText(type) && !FileTypes.isMarkdown(type)) {
            String asset = NotDocuments.byContent(text);
            if (asset != null) {
                throw new ExtractionException(asset);
            }
        }
        List<Heading> headings = buffer.headings();
        if (FileTypes.isMarkdown(type)) {
            MarkdownText.Rendered markdown = MarkdownText.read(text, maxChars);
            text = markdown.text();
            headings = markdown.headings();
        }
        String title = Titles.choose(handler.title(), metadata.get(TikaCoreProperties.TITLE), headings, text, type);
        PdfOutline outline = PdfOutline.NONE;
        if (FileTypes.isPdf(type) && !abandoned.get()) {
            // Chosen after the title: a PDF's first bookmark is as often "Contents" or "Preface" as its name.
            outline = PdfOutline.read(file);
            headings = outline.headingsIn(text, buffer.pageStarts());
        }
        return new Extraction(new ExtractedText(text, buffer.pageStarts(), type.getBaseType().toString(), title,
                headings, listing[0]), scans, outline);
    }

    /** 1-based numbers of the pages with fewer than {@link #MIN_PAGE_TEXT} letters and digits. */
    static List<Integer> pagesWithoutText(String text, int[] pageStarts) {
        List<Integer> pages = new ArrayList<>();
        for (int page = 0; page < pageStarts.length; page++) {
            int end = page + 1 < pageStarts.length ? pageStarts[page + 1] : text.length();
            int letters = 0;
            for (int i = pageStarts[page]; i < end && letters < MIN_PAGE_TEXT; i++) {
                if (Character.isLetterOrDigit(text.charAt(i))) {
                    letters++;
                }
            }
            if (letters < MIN_PAGE_TEXT) {
                pages.add(page + 1);
            }
        }
        return pages;
    }

    private static MediaType detect(Path file, TikaInputStream in, Metadata metadata) throws IOException {
        MediaType byName = FileTypes.detectByName(file);
        if (FileTypes.isPlainText(byName) && !byName.equals(MediaType.TEXT_PLAIN)) {
            return byName; // a name like .rs that Tika's content sniffing would turn into something else
        }
        MediaType detected = SharedTika.config().getDetector().detect(in, metadata);
        DetectedTypeHint.set(metadata, detected);
        return detected.getBaseType();
    }

    /**
     * A web page without its site's furniture when {@link MainContent} finds the content, else the page whole;
     * {@code listing[0]} tells whether it is a listing rather than a document.
     */
    private MediaType parseWebPage(Path file, TikaInputStream in, Metadata metadata, BlockTextHandler handler,
            MediaType detected, boolean[] listing) throws Exception {
        MainContent.Page page = MainContent.read(Files.readAllBytes(file), file.toUri().toString());
        listing[0] = page.listing();
        byte[] main = page.main();
        if (main == null) {
            return parse(in, metadata, handler, detected);
        }
        metadata.set(Metadata.CONTENT_TYPE, "text/html; charset=UTF-8");
        metadata.set(Metadata.CONTENT_ENCODING, "UTF-8");
        try (TikaInputStream cleaned = TikaInputStream.get(main)) {
            return parse(cleaned, metadata, handler, detected);
        }
    }

    private MediaType parse(TikaInputStream in, Metadata metadata, BlockTextHandler handler, MediaType detected)
            throws Exception {
        Parser parser = parserOverride != null ? parserOverride : SharedTika.parser();
        try {
            parser.parse(in, handler, metadata, parseContext());
        } finally {
            // Keep the parser's more precise answer (e.g. a specific Office format) even if it then failed.
            String parsed = metadata.get(Metadata.CONTENT_TYPE);
            MediaType type = parsed == null ? null : MediaType.parse(parsed);
            if (type != null) {
                detected = type.getBaseType();
            }
        }
        return detected;
    }

    private static ParseContext parseContext() {
        ParseContext context = new ParseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        // The outline's titles, which Tika appends to the last page's text, become headings instead (PdfOutline).
        pdf.setExtractBookmarksText(false);
        context.set(PDFParserConfig.class, pdf);
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, ocr);
        return context;
    }

    /**
     * Decodes text as strict UTF-8 when every byte of it is valid UTF-8, which no other charset's text of any length
     * is by accident, so UTF-8 full of curly quotes is never taken for Latin-1 by statistics; otherwise with the
     * charset Tika detects (BOMs, statistics) and, if it finds none, UTF-8 with bad bytes replaced, so a stray
     * Latin-1 byte in a source file costs one character, not the file.
     */
    private static void readPlainText(Path file, TikaInputStream in, Metadata metadata, TextBuffer buffer,
                                      AtomicBoolean abandoned) throws IOException {
        String utf8 = strictUtf8(file);
        Reader reader;
        if (utf8 != null) {
            reader = new java.io.StringReader(utf8.startsWith("\uFEFF") ? utf8.substring(1) : utf8);
        } else {
            try {
                reader = new AutoDetectReader(in, metadata, SharedTika.config().getEncodingDetector());
            } catch (TikaException noCharset) {
                InputStream raw = Files.newInputStream(file);
                reader = new InputStreamReader(raw, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
            }
        }
        try (Reader text = reader) {
            char[] chunk = new char[8192];
            int read;
            while ((read = text.read(chunk)) != -1) {
                if (abandoned.get()) {
                    throw new CancellationException("Text extraction abandoned");
                }
                if (!buffer.append(chunk, 0, read)) {
                    return;
                }
            }
        }
    }

    /** The file decoded as UTF-8 if it is valid UTF-8 throughout and not UTF-16, else null. */
    static String strictUtf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            return null;
        }
        for (byte b : bytes) {
            if (b == 0) {
                return null; // UTF-16 without a byte-order mark is valid UTF-8 byte for byte, but not meant as it
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return null;
        }
    }

    private static void abandon(Future<?> result, AtomicBoolean abandoned) {
        abandoned.set(true);
        result.cancel(true);
    }

    static String seconds(Duration duration) {
        double seconds = duration.toMillis() / 1000.0;
        String number = String.format(Locale.ROOT, seconds < 10 ? "%.1f" : "%.0f", seconds);
        if (number.endsWith(".0")) {
            number = number.substring(0, number.length() - 2);
        }
        return number + " s";
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "semdex-extract-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
