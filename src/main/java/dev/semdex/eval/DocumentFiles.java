package dev.semdex.eval;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Writes benchmark documents as the kinds of files people keep, so a benchmark or test indexes real PDF, Word, HTML
 * and Markdown files rather than plain strings, and pays the extraction cost a user's folder costs.
 */
public final class DocumentFiles {

    /** The formats {@link #write} knows. */
    public static final List<String> FORMATS = List.of("txt", "md", "html", "docx", "pdf");

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

    /** Wrapped lines, 12 to a page, so most abstracts span two or three pages and page numbers show in results. */
    private static void pdf(Path file, String title, String text) throws IOException {
        List<String> lines = new ArrayList<>(wrap(title, 80));
        lines.add("");
        lines.addAll(wrap(text, 95));
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument doc = new PDDocument()) {
            for (int from = 0; from < lines.size(); from += 12) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(font, 10);
                    content.setLeading(14);
                    content.newLineAtOffset(50, 720);
                    for (String line : lines.subList(from, Math.min(lines.size(), from + 12))) {
                        content.showText(line.replaceAll("[^\\x20-\\x7E]", "?"));
                        content.newLine();
                    }
                    content.endText();
                }
            }
            doc.save(file.toFile());
        }
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
