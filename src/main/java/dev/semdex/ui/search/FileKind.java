package dev.semdex.ui.search;

import java.util.Locale;
import java.util.Map;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.IkonResolver;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * The family of a file as the result list draws it: one icon and one colour per family, so a PDF, a spreadsheet and
 * a source file are told apart at a glance. Decided from the extension only (the list must not read files).
 */
public enum FileKind {
    PDF(MaterialDesignF.FILE_PDF_BOX),
    DOC(MaterialDesignF.FILE_WORD_BOX),
    TEXT(MaterialDesignF.FILE_DOCUMENT_OUTLINE),
    MARKDOWN(MaterialDesignL.LANGUAGE_MARKDOWN_OUTLINE),
    CODE(MaterialDesignF.FILE_CODE_OUTLINE),
    HTML(MaterialDesignL.LANGUAGE_HTML5),
    SHEET(MaterialDesignF.FILE_EXCEL_BOX),
    SLIDES(MaterialDesignF.FILE_POWERPOINT_BOX),
    EBOOK(MaterialDesignB.BOOK_OPEN_PAGE_VARIANT_OUTLINE),
    IMAGE(MaterialDesignF.FILE_IMAGE_OUTLINE),
    OTHER(MaterialDesignF.FILE_OUTLINE);

    private static final Map<String, FileKind> BY_EXTENSION = Map.ofEntries(
            Map.entry("pdf", PDF),
            Map.entry("doc", DOC), Map.entry("docx", DOC), Map.entry("docm", DOC), Map.entry("dotx", DOC),
            Map.entry("odt", DOC), Map.entry("rtf", DOC), Map.entry("pages", DOC),
            Map.entry("txt", TEXT), Map.entry("text", TEXT), Map.entry("log", TEXT), Map.entry("rst", TEXT),
            Map.entry("org", TEXT), Map.entry("adoc", TEXT), Map.entry("tex", TEXT), Map.entry("eml", TEXT),
            Map.entry("msg", TEXT), Map.entry("mbox", TEXT),
            Map.entry("md", MARKDOWN), Map.entry("markdown", MARKDOWN), Map.entry("mdx", MARKDOWN),
            Map.entry("html", HTML), Map.entry("htm", HTML), Map.entry("xhtml", HTML), Map.entry("mht", HTML),
            Map.entry("xls", SHEET), Map.entry("xlsx", SHEET), Map.entry("xlsm", SHEET), Map.entry("ods", SHEET),
            Map.entry("csv", SHEET), Map.entry("tsv", SHEET), Map.entry("numbers", SHEET),
            Map.entry("ppt", SLIDES), Map.entry("pptx", SLIDES), Map.entry("pptm", SLIDES), Map.entry("odp", SLIDES),
            Map.entry("key", SLIDES),
            Map.entry("epub", EBOOK), Map.entry("mobi", EBOOK), Map.entry("fb2", EBOOK), Map.entry("azw3", EBOOK),
            Map.entry("java", CODE), Map.entry("kt", CODE), Map.entry("scala", CODE), Map.entry("groovy", CODE),
            Map.entry("py", CODE), Map.entry("rb", CODE), Map.entry("js", CODE), Map.entry("mjs", CODE),
            Map.entry("ts", CODE), Map.entry("tsx", CODE), Map.entry("jsx", CODE), Map.entry("c", CODE),
            Map.entry("h", CODE), Map.entry("cpp", CODE), Map.entry("cc", CODE), Map.entry("hpp", CODE),
            Map.entry("cs", CODE), Map.entry("go", CODE), Map.entry("rs", CODE), Map.entry("swift", CODE),
            Map.entry("php", CODE), Map.entry("sh", CODE), Map.entry("bash", CODE), Map.entry("ps1", CODE),
            Map.entry("sql", CODE), Map.entry("r", CODE), Map.entry("lua", CODE), Map.entry("pl", CODE),
            Map.entry("json", CODE), Map.entry("yaml", CODE), Map.entry("yml", CODE), Map.entry("toml", CODE),
            Map.entry("xml", CODE), Map.entry("css", CODE), Map.entry("scss", CODE), Map.entry("gradle", CODE),
            Map.entry("ini", CODE), Map.entry("properties", CODE),
            Map.entry("png", IMAGE), Map.entry("jpg", IMAGE), Map.entry("jpeg", IMAGE), Map.entry("tif", IMAGE),
            Map.entry("tiff", IMAGE), Map.entry("webp", IMAGE), Map.entry("bmp", IMAGE), Map.entry("gif", IMAGE));

    private final Ikon icon;

    FileKind(Ikon icon) {
        this.icon = icon;
    }

    public Ikon icon() {
        return icon;
    }

    /**
     * Loads the icon font (about 1 MB) now, on the calling thread; otherwise the first result shown would load it
     * on the UI thread and stall the window for a moment.
     */
    public static Boolean loadIconFont() {
        return IkonResolver.getInstance().resolve(PDF.icon.getDescription()) != null;
    }

    /** The CSS class that colours this family's icon, e.g. {@code kind-pdf}. */
    public String styleClass() {
        return "kind-" + name().toLowerCase(Locale.ROOT);
    }

    public static FileKind of(String fileName) {
        String ext = extension(fileName);
        return ext.isEmpty() ? OTHER : BY_EXTENSION.getOrDefault(ext, OTHER);
    }

    /** The short label under the icon: "PDF", "DOCX", "FILE" for a name without an extension. */
    public static String label(String fileName) {
        String ext = extension(fileName);
        return ext.isEmpty() ? "FILE" : ext.substring(0, Math.min(5, ext.length())).toUpperCase(Locale.ROOT);
    }

    /** "pdf" for "Report.PDF"; "" for names without one (".bashrc" has none either). */
    public static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 || dot == fileName.length() - 1 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
