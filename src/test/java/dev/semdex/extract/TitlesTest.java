package dev.semdex.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/** Every document gets a title, and passages the headings they sit under, whatever the format. */
class TitlesTest {

    private static TextExtractor extractor;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        extractor = new TextExtractor();
    }

    @AfterAll
    static void stop() {
        extractor.close();
    }

    @Test
    void markdownIsTitledByItsFirstHeadingAndKeepsItsSections() throws IOException {
        Path note = dir.resolve("trip.md");
        Files.writeString(note, "# Trip to Lisbon\n\nWe land on Friday.\n\n## Day one\n\nTram 28 to the castle.\n\n"
                + "### Lunch\n\nGrilled sardines near the river.\n\n## Day two\n\nBelém and its tower.\n");

        ExtractedText text = extractor.extract(note);

        assertThat(text.title()).isEqualTo("Trip to Lisbon");
        assertThat(text.headingPathAt(text.text().indexOf("Grilled sardines"))).isEqualTo("Day one \u203A Lunch");
        assertThat(text.headingPathAt(text.text().indexOf("Belém"))).isEqualTo("Day two");
        assertThat(text.headingPathAt(text.text().indexOf("We land"))).isEmpty();
    }

    @Test
    void wordTakesItsTitlePropertyAndHeadingStyles() throws IOException {
        Path file = dir.resolve("report.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            XWPFStyles styles = doc.createStyles();
            styles.addStyle(headingStyle("Heading1", "heading 1"));
            styles.addStyle(headingStyle("Heading2", "heading 2"));
            doc.getProperties().getCoreProperties().setTitle("Annual report of the rowing club");
            paragraph(doc, "Heading1", "Finances");
            paragraph(doc, null, "The club spent most of its money on a new boat.");
            paragraph(doc, "Heading2", "Boats");
            paragraph(doc, null, "The eight is made of carbon fibre and weighs ninety kilograms.");
            doc.write(out);
        }

        ExtractedText text = extractor.extract(file);

        assertThat(text.title()).isEqualTo("Annual report of the rowing club");
        assertThat(text.headingPathAt(text.text().indexOf("The eight"))).isEqualTo("Finances \u203A Boats");
    }

    @Test
    void wordWithoutTitlePropertyIsTitledByItsFirstHeading() throws IOException {
        Path file = dir.resolve("minutes.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.createStyles().addStyle(headingStyle("Heading1", "heading 1"));
            paragraph(doc, "Heading1", "Minutes of the March meeting");
            paragraph(doc, null, "Present: the whole committee except the treasurer.");
            doc.write(out);
        }

        assertThat(extractor.extract(file).title()).isEqualTo("Minutes of the March meeting");
    }

    @Test
    void pdfTakesItsTitlePropertyUnlessAProgramFilledItIn() throws IOException {
        Path titled = pdf("titled.pdf", "Glacier retreat in the Alps", "Measurements of ice loss since 1850");
        Path filledIn = pdf("filled.pdf", "Microsoft Word - draft3.docx", "Measurements of ice loss since 1850");
        Path untitled = pdf("untitled.pdf", null, "Measurements of ice loss since 1850");

        assertThat(extractor.extract(titled).title()).isEqualTo("Glacier retreat in the Alps");
        assertThat(extractor.extract(filledIn).title()).as("the first line, as a reader names it")
                .isEqualTo("Measurements of ice loss since 1850");
        assertThat(extractor.extract(untitled).title()).isEqualTo("Measurements of ice loss since 1850");
    }

    @Test
    void epubTakesItsBookTitle() throws IOException {
        Path book = dir.resolve("book.epub");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(book))) {
            entry(zip, "mimetype", "application/epub+zip");
            entry(zip, "META-INF/container.xml", "<?xml version=\"1.0\"?><container version=\"1.0\" "
                    + "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile "
                    + "full-path=\"content.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>");
            entry(zip, "content.opf", "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" "
                    + "version=\"2.0\" unique-identifier=\"id\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                    + "<dc:title>The Orchard Keeper's Year</dc:title><dc:identifier id=\"id\">x1</dc:identifier>"
                    + "<dc:language>en</dc:language></metadata><manifest><item id=\"c1\" href=\"c1.xhtml\" "
                    + "media-type=\"application/xhtml+xml\"/></manifest><spine><itemref idref=\"c1\"/></spine></package>");
            entry(zip, "c1.xhtml", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
                    + "<title>c1</title></head><body><h2>Pruning in winter</h2><p>Cut above an outward bud on a dry "
                    + "day, and never more than a third of the tree.</p></body></html>");
        }

        ExtractedText text = extractor.extract(book);

        assertThat(text.title()).isEqualTo("The Orchard Keeper's Year");
        assertThat(text.headingPathAt(text.text().indexOf("Cut above"))).isEqualTo("Pruning in winter");
    }

    @Test
    void aTextFileIsTitledByAShortFirstLineAsNotesAppsDo() throws IOException {
        Path todo = dir.resolve("todo.txt");
        Files.writeString(todo, "Things to do this weekend\n\nBuy apples\nCall the plumber\n");
        Path prose = dir.resolve("letter.txt");
        Files.writeString(prose, "Thank you for the flowers you sent last week.\nThey still look lovely.\n");
        Path code = dir.resolve("build.sh");
        Files.writeString(code, "#!/bin/sh\nmake all\n");

        assertThat(extractor.extract(todo).title()).isEqualTo("Things to do this weekend");
        assertThat(extractor.extract(prose).title()).as("a sentence is no title").isEmpty();
        assertThat(extractor.extract(code).title()).as("source code's first line is no title").isEmpty();
    }

    private static XWPFStyle headingStyle(String id, String name) {
        CTStyle style = CTStyle.Factory.newInstance();
        style.setStyleId(id);
        CTString styleName = CTString.Factory.newInstance();
        styleName.setVal(name);
        style.setName(styleName);
        style.setType(STStyleType.PARAGRAPH);
        return new XWPFStyle(style);
    }

    private static void paragraph(XWPFDocument doc, String style, String text) {
        var paragraph = doc.createParagraph();
        if (style != null) {
            paragraph.setStyle(style);
        }
        paragraph.createRun().setText(text);
    }

    private Path pdf(String name, String titleProperty, String firstLine) throws IOException {
        Path file = dir.resolve(name);
        try (PDDocument doc = new PDDocument();
                InputStream ttf = getClass().getResourceAsStream(
                        "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
            PDType0Font font = PDType0Font.load(doc, ttf);
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(font, 12);
                content.setLeading(16);
                content.newLineAtOffset(50, 700);
                content.showText(firstLine);
                content.newLine();
                content.newLine();
                content.showText("The glaciers lost a third of their volume, most of it after 1980, as the");
                content.newLine();
                content.showText("summers grew warmer and the winters brought less snow to the high valleys.");
                content.endText();
            }
            if (titleProperty != null) {
                doc.getDocumentInformation().setTitle(titleProperty);
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
