package dev.semdex.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * Decides which files are worth extracting. The decision is made from the file name alone, because re-scanning an
 * unchanged tree of thousands of files must not read them; only names Tika does not know (no or odd extension) cost a
 * read of their first 4 KB, to let plain text such as {@code README} or {@code .ts} sources in.
 */
public final class FileTypes {

    static final int SNIFF_BYTES = 4096;

    private static final MediaType XML = MediaType.application("xml");
    private static final MediaType HTML = MediaType.text("html");
    private static final MediaType RTF = MediaType.application("rtf");
    private static final MediaType TEXT_BASED_MESSAGE = MediaType.text("x-tika-text-based-message");

    /** Extensions Tika maps to something other than the source code everybody means by them. */
    private static final Map<String, MediaType> NAME_OVERRIDES = Map.of(
            "rs", MediaType.text("x-rustsrc"));

    /** Unknown to Tika but certainly binary: not worth a read to find out. */
    private static final Set<String> KNOWN_BINARY_EXTENSIONS = Set.of(
            "so", "dylib", "o", "a", "obj", "lib", "pyc", "pyo", "woff", "woff2", "eot", "db", "sqlite", "sqlite3",
            "mdb", "accdb", "bin", "dat", "pack", "idx", "dmg", "img", "vmdk", "qcow2", "parquet", "onnx", "pt",
            "safetensors", "npy", "npz", "pkl", "h5");

    /** Document formats Tika's standard parsers turn into text well, beyond the plain-text family. */
    private static final Map<MediaType, String> DOCUMENT_LABELS = Map.ofEntries(
            Map.entry(MediaType.application("pdf"), "pdf"),
            Map.entry(MediaType.application("msword"), "doc"),
            Map.entry(MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document"), "docx"),
            Map.entry(MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.template"), "docx"),
            Map.entry(MediaType.application("vnd.ms-word.document.macroenabled.12"), "docx"),
            Map.entry(MediaType.application("vnd.openxmlformats-officedocument.presentationml.presentation"), "pptx"),
            Map.entry(MediaType.application("vnd.ms-powerpoint.presentation.macroenabled.12"), "pptx"),
            Map.entry(MediaType.application("vnd.ms-powerpoint"), "ppt"),
            Map.entry(MediaType.application("vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "xlsx"),
            Map.entry(MediaType.application("vnd.ms-excel.sheet.macroenabled.12"), "xlsx"),
            Map.entry(MediaType.application("vnd.ms-excel"), "xls"),
            Map.entry(MediaType.application("vnd.oasis.opendocument.text"), "odt"),
            Map.entry(MediaType.application("vnd.oasis.opendocument.spreadsheet"), "ods"),
            Map.entry(MediaType.application("vnd.oasis.opendocument.presentation"), "odp"),
            Map.entry(MediaType.application("epub+zip"), "epub"),
            Map.entry(MediaType.application("vnd.ms-outlook"), "email"));

    /** Images Tesseract reads; the scanner lets them in only when OCR can run (see {@link ScanOptions}). */
    private static final Set<MediaType> OCR_IMAGES = Set.of(
            MediaType.image("png"), MediaType.image("jpeg"), MediaType.image("tiff"), MediaType.image("webp"),
            MediaType.image("bmp"), MediaType.image("x-ms-bmp"), MediaType.image("gif"));

    /** Labels for the text family where the extension would be less clear than the kind. */
    private static final Map<MediaType, String> TEXT_LABELS = Map.ofEntries(
            Map.entry(MediaType.TEXT_PLAIN, "text"),
            Map.entry(HTML, "html"),
            Map.entry(MediaType.application("xhtml+xml"), "html"),
            Map.entry(XML, "xml"),
            Map.entry(MediaType.text("markdown"), "markdown"),
            Map.entry(MediaType.text("x-web-markdown"), "markdown"),
            Map.entry(MediaType.text("csv"), "csv"),
            Map.entry(MediaType.text("tab-separated-values"), "csv"),
            Map.entry(MediaType.application("json"), "json"),
            Map.entry(RTF, "rtf"),
            Map.entry(MediaType.parse("message/rfc822"), "email"),
            Map.entry(MediaType.application("mbox"), "email"));

    private FileTypes() {
    }

    /** Whether the file is a kind we extract text from. Reads at most 4 KB, and only for names Tika does not know. */
    public static boolean isSupported(Path file) {
        return classify(file).supported();
    }

    /** A short label for the kind of file, such as "pdf", "docx", "markdown", "text" or "java", for the user. */
    public static String describe(Path file) {
        return classify(file).label();
    }

    /** The verdict for one file; the scanner uses the media type to say why it skipped something. */
    record Verdict(boolean supported, MediaType mediaType, String label) {
    }

    static Verdict classify(Path file) {
        MediaType byName = detectByName(file);
        if (!MediaType.OCTET_STREAM.equals(byName)) {
            return verdictFor(byName, extension(file));
        }
        String extension = extension(file);
        if (!KNOWN_BINARY_EXTENSIONS.contains(extension) && looksLikeText(file)) {
            return new Verdict(true, MediaType.TEXT_PLAIN, extension.isEmpty() || extension.length() > 8 ? "text" : extension);
        }
        return new Verdict(false, MediaType.OCTET_STREAM, "binary");
    }

    /** The media type Tika gives the file's name, with our corrections; never reads the file. */
    static MediaType detectByName(Path file) {
        MediaType override = NAME_OVERRIDES.get(extension(file));
        if (override != null) {
            return override;
        }
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName(file));
        try {
            return SharedTika.mimeTypes().detect(null, metadata);
        } catch (IOException e) {
            // Cannot happen without a stream; name-only detection does no I/O.
            return MediaType.OCTET_STREAM;
        }
    }

    /** Web pages: the types labelled "html", whose {@code <title>} Tika reports as text before the body. */
    static boolean isHtml(MediaType type) {
        return "html".equals(TEXT_LABELS.get(type.getBaseType()));
    }

    /** Pictures of text that OCR reads as a whole: png, jpeg, tiff (every page), webp, bmp, gif. */
    static boolean isOcrImage(MediaType type) {
        return OCR_IMAGES.contains(type.getBaseType());
    }

    static boolean isPdf(MediaType type) {
        return "pdf".equals(DOCUMENT_LABELS.get(type.getBaseType()));
    }

    /** Markdown, which is read as the text it shows rather than as written. */
    static boolean isMarkdown(MediaType type) {
        return "markdown".equals(TEXT_LABELS.get(type.getBaseType()));
    }

    /**
     * Text we decode ourselves rather than hand to a Tika parser, so its lines stay as they are: source code, markdown
     * (then read as the text it shows), CSV, logs, JSON. Markup (HTML, XML, RTF) and e-mail still need a parser to
     * drop their tags and headers.
     */
    static boolean isPlainText(MediaType type) {
        MediaType base = type.getBaseType();
        return isTextFamily(base)
                && !isA(base, HTML)
                && !isA(base, XML)
                && !isA(base, RTF)
                && !isA(base, TEXT_BASED_MESSAGE);
    }

    /** Any text, plain or marked up: source code, Markdown, web pages, XML, CSV, JSON. */
    static boolean isText(MediaType type) {
        return isTextFamily(type.getBaseType());
    }

    /** The label {@link #describe} would give a file of this type with no telling extension. */
    static String labelFor(MediaType type) {
        return verdictFor(type, "").label();
    }

    static String extension(Path file) {
        String name = fileName(file);
        int dot = name.lastIndexOf('.');
        return dot <= 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static Verdict verdictFor(MediaType type, String extension) {
        MediaType base = type.getBaseType();
        String top = base.getType();
        if (OCR_IMAGES.contains(base)) {
            return new Verdict(true, base, "image");
        }
        if (top.equals("image") || top.equals("audio") || top.equals("video")) {
            return new Verdict(false, base, top);
        }
        for (Map.Entry<MediaType, String> document : DOCUMENT_LABELS.entrySet()) {
            if (isA(base, document.getKey())) {
                return new Verdict(true, base, document.getValue());
            }
        }
        if (isTextFamily(base) || NAME_OVERRIDES.containsValue(base)) {
            return new Verdict(true, base, textLabel(base, extension));
        }
        return new Verdict(false, base, base.getSubtype());
    }

    private static String textLabel(MediaType base, String extension) {
        String label = TEXT_LABELS.get(base);
        if (label == null && isA(base, XML)) {
            label = "xml";
        }
        if (label == null) {
            label = extension.isEmpty() || extension.length() > 8 ? "text" : extension;
        }
        return label;
    }

    private static boolean isTextFamily(MediaType base) {
        return base.getType().equals("text") || isA(base, MediaType.TEXT_PLAIN)
                || NAME_OVERRIDES.containsValue(base);
    }

    private static boolean isA(MediaType type, MediaType ancestor) {
        return type.equals(ancestor)
                || SharedTika.mimeTypes().getMediaTypeRegistry().isSpecializationOf(type, ancestor);
    }

    /**
     * Plain text without an extension Tika knows: no NUL byte and valid UTF-8 (a sequence cut by the 4 KB window is
     * fine), or a UTF-16 byte-order mark. Unreadable files count as not text; the scanner checks readability first.
     */
    static boolean looksLikeText(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            return false;
        }
        if (head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            return true;
        }
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        return isUtf8(head, head.length == SNIFF_BYTES);
    }

    private static boolean isUtf8(byte[] bytes, boolean mayBeCut) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, !mayBeCut);
        // With endOfInput=false a multi-byte sequence cut at the window's end is left unread rather than an error.
        return !result.isError() && in.remaining() < 4;
    }

    private static String fileName(Path file) {
        Path name = file.getFileName();
        return name == null ? "" : name.toString();
    }
}
