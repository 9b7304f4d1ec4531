package dev.semdex.lab.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Writes benchmark documents as the kinds of files people keep, so a benchmark or test indexes real PDF, Word, HTML
 * and Markdown files rather than plain strings, and pays the extraction cost a user's folder costs.
 */
public final class DocumentFiles {

    /** The formats {@link #write} knows. */
    public static final List<String> FORMATS = List.of("txt", "md", "html", "docx", "pdf");

    /** A font PDFBox ships for its own fallback, so every machine can write any Latin, Greek or Cyrillic text. */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final int LINES_PER_PAGE = 48;

    private DocumentFiles() {}

    /** Writes one document as {@code format} (txt, md, html, docx or pdf), the title first as a heading. */
    public static void write(Path file, String format, String title, String text) throws IOException {
        switch (format) {
            case "txt" -> Files.writeString(file, title + "\n\n" + text + "\n");
            case "md" -> Files.writeString(file, "# " + title + "\n\n" + text + "\n");
            case "html" -> Files.writeString(file, "<!DOCTYPE html><html><head><title>" + escape(title)
                    + "</title></head><body><h1>" + escape(title) + "</h1><p>" + escape(text) + "</p></body></html>");
            case "docx" -> docx(file, title, text);
            case "pdf" -> pdf(file, title, text);
            default -> throw new IllegalArgumentException("Unknown format " + format);
        }
    }

    private static void docx(Path file, String title, String text) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            var heading = doc.createParagraph().createRun();
            heading.setBold(true);
            heading.setText(title);
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
        }
    }

    /**
     * Wrapped lines as a printed page holds them (48 lines of 10-point text on a Letter page) in an embedded Unicode
     * font, as a word processor's "save as PDF" makes them: a one-page abstract extracts to the same words as its
     * text file, Greek letters and symbols included, and longer texts run over pages.
     */
    private static void pdf(Path file, String title, String text) throws IOException {
        List<String> lines = new ArrayList<>(wrap(title, 80));
        lines.add("");
        lines.addAll(wrap(text, 95));
        try (PDDocument doc = new PDDocument(); InputStream ttf = DocumentFiles.class.getResourceAsStream(FONT)) {
            PDType0Font font = PDType0Font.load(doc, ttf);
            for (int from = 0; from < lines.size(); from += LINES_PER_PAGE) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(font, 10);
                    content.setLeading(14);
                    content.newLineAtOffset(50, 742);
                    for (String line : lines.subList(from, Math.min(lines.size(), from + LINES_PER_PAGE))) {
                        content.showText(printable(font, line));
                        content.newLine();
                    }
                    content.endText();
                }
            }
            doc.save(file.toFile());
        }
    }

    /** The line with each character the font has no glyph for replaced by "?", as a printer would show a box. */
    private static String printable(PDType0Font font, String line) {
        StringBuilder out = new StringBuilder(line.length());
        line.codePoints().forEach(cp -> {
            String ch = Character.toString(cp);
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IllegalArgumentException | IOException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() + word.length() + 1 > width && line.length() > 0) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    /** A file name from a title: its first six words, lower case, joined by hyphens. */
    public static String slug(String title) {
        String[] words = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").trim().split("\\s+");
        return String.join("-", List.of(words).subList(0, Math.min(6, words.length)));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
