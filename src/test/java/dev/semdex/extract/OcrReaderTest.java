package dev.semdex.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.semdex.lab.bench.ScannedDocuments;
import dev.semdex.lab.bench.ScannedDocuments.Scan;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading images and scanned PDF pages with the Tesseract installed here (Debian's tesseract-ocr, English). */
class OcrReaderTest {

    private static final Scan CLEAN = new Scan(200, 0, 0);
    private static final String HERONS = "Grey herons wade through the shallow marsh";
    private static final String GLACIERS = "Glaciers carve deep valleys into the mountains";

    @TempDir
    Path dir;

    private static TextExtractor extractor;
    private static OcrReader ocr;

    @BeforeAll
    static void open() {
        extractor = new TextExtractor();
        ocr = OcrReader.open(OcrOptions.defaults());
        assumeThat(ocr.available()).as("Tesseract installed (apt-get install tesseract-ocr tesseract-ocr-eng)")
                .isTrue();
    }

    @AfterAll
    static void close() {
        extractor.close();
    }

    private OcrReader.Result read(Path file) {
        Extraction extraction = extractor.read(file);
        return ocr.read(file, extraction, OcrReader.PageListener.NONE);
    }

    private static String words(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "bmp", "gif", "tiff"})
    void readsEachImageType(String format) throws IOException {
        Path image = dir.resolve("herons." + format);
        ScannedDocuments.write(image, format, "Birds", HERONS + ".", CLEAN, 1);

        OcrReader.Result result = read(image);

        assertThat(words(result.text().text())).contains(HERONS);
        assertThat(result.pagesRead()).isEqualTo(1);
        assertThat(result.text().pageCount()).isZero();
    }

    @Test
    void readsWebp() throws IOException {
        Path image = dir.resolve("hummingbirds.webp");
        try (InputStream in = OcrReaderTest.class.getResourceAsStream("/ocr/hummingbirds.webp")) {
            Files.copy(in, image);
        }
        assertThat(extractor.read(image).text().mediaType()).isEqualTo("image/webp");

        assertThat(words(read(image).text().text())).contains("Hummingbirds hover over the orchard at dawn.");
    }

    @Test
    void readsEveryPageOfATiffWithItsPageNumber() throws IOException {
        Path tiff = dir.resolve("fax.tiff");
        ScannedDocuments.writeTiff(tiff, List.of(page(HERONS), page(GLACIERS), page("Nothing else follows here")));

        OcrReader.Result result = read(tiff);

        ExtractedText text = result.text();
        assertThat(result.pagesRead()).isEqualTo(3);
        assertThat(text.pageCount()).isEqualTo(3);
        assertThat(text.pageAt(text.text().indexOf("Glaciers"))).isEqualTo(2);
        assertThat(text.pageAt(text.text().indexOf("Grey herons"))).isEqualTo(1);
        assertThat(text.pageAt(text.text().indexOf("Nothing else"))).isEqualTo(3);
    }

    @Test
    void readsAScannedPdfPageByPageAndKeepsPageNumbers() throws IOException {
        Path pdf = dir.resolve("scan.pdf");
        ScannedDocuments.writePdf(pdf, List.of(page(HERONS), page(GLACIERS)), CLEAN.dpi());
        Extraction extraction = extractor.read(pdf);
        assertThat(extraction.text().text()).isEmpty();
        assertThat(extraction.scans().pdfPages()).containsExactly(1, 2);
        List<String> progress = new ArrayList<>();

        OcrReader.Result result = ocr.read(pdf, extraction, (page, pages) -> progress.add(page + "/" + pages));

        ExtractedText text = result.text();
        assertThat(progress).containsExactly("1/2", "2/2");
        assertThat(text.mediaType()).isEqualTo("application/pdf");
        assertThat(text.pageAt(text.text().indexOf("Grey herons"))).isEqualTo(1);
        assertThat(text.pageAt(text.text().indexOf("Glaciers"))).isEqualTo(2);
    }

    @Test
    void leavesThePagesWithTextAloneInAMixedPdf() throws IOException {
        Path pdf = dir.resolve("mixed.pdf");
        String typed = "This first page was typed in a word processor and keeps its own text layer, "
                + "which is read as it is without any OCR at all.";
        try (PDDocument doc = new PDDocument()) {
            PDPage first = new PDPage(PDRectangle.LETTER);
            doc.addPage(first);
            try (PDPageContentStream content = new PDPageContentStream(doc, first)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 9);
                content.newLineAtOffset(50, 700);
                content.showText(typed);
                content.endText();
            }
            PDPage blank = new PDPage(PDRectangle.LETTER);
            doc.addPage(blank); // no text and no picture: nothing to read
            PDPage scanned = new PDPage(PDRectangle.LETTER);
            doc.addPage(scanned);
            BufferedImage picture = page(GLACIERS);
            try (PDPageContentStream content = new PDPageContentStream(doc, scanned)) {
                content.drawImage(LosslessFactory.createFromImage(doc, picture), 0, 500,
                        picture.getWidth() * 72f / CLEAN.dpi(), picture.getHeight() * 72f / CLEAN.dpi());
            }
            doc.save(pdf.toFile());
        }
        Extraction extraction = extractor.read(pdf);
        assertThat(extraction.scans().pdfPages()).containsExactly(2, 3);

        OcrReader.Result result = ocr.read(pdf, extraction, OcrReader.PageListener.NONE);

        assertThat(result.pagesRead()).as("only the page with a picture is read").isEqualTo(1);
        ExtractedText text = result.text();
        assertThat(text.text()).startsWith(typed);
        assertThat(text.pageCount()).isEqualTo(3);
        assertThat(text.pageAt(text.text().indexOf("Glaciers"))).isEqualTo(3);
    }

    @Test
    void withoutTesseractImagesAreRefusedWithTheFix() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("no-tesseract-here"));
        OcrReader missing = OcrReader.open(OcrOptions.defaults().withTesseractFolder(empty.toString()));

        assertThat(missing.available()).isFalse();
        assertThat(missing.unavailableReason()).isEqualTo("install tesseract-ocr to search the text in images");
        Path image = dir.resolve("herons.png");
        ScannedDocuments.write(image, "png", "Birds", HERONS, CLEAN, 1);
        assertThatThrownBy(() -> missing.read(image, extractor.read(image), OcrReader.PageListener.NONE))
                .isInstanceOf(ExtractionException.class)
                .hasMessage("install tesseract-ocr to search the text in images");
        assertThat(OcrReader.open(OcrOptions.off()).unavailableReason()).isEqualTo("OCR is turned off in the settings");
    }

    @Test
    void aCorruptImageIsRefusedWithAReason() throws IOException {
        Path image = dir.resolve("cut.png");
        ScannedDocuments.write(image, "png", "Birds", HERONS, CLEAN, 1);
        byte[] whole = Files.readAllBytes(image);
        Files.write(image, java.util.Arrays.copyOf(whole, whole.length / 3));

        assertThatThrownBy(() -> read(image)).isInstanceOf(ExtractionException.class)
                .hasMessage("corrupt or unreadable image");
    }

    @Test
    void anImageTooLargeToHoldIsRefusedBeforeItIsDecoded() throws IOException {
        Path image = dir.resolve("poster.png");
        Files.write(image, pngHeader(40_000, 40_000));

        assertThatThrownBy(() -> read(image)).isInstanceOf(ExtractionException.class)
                .hasMessage("image too large to read with OCR (40,000 × 40,000 pixels)");
    }

    @Test
    void aPageOverItsBudgetIsGivenUpAndTheProcessStopped() throws IOException {
        Path image = dir.resolve("wall-of-text.png");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            text.append(HERONS).append(" and ").append(GLACIERS).append(". ");
        }
        ScannedDocuments.write(image, "png", "Long", text.toString(), new Scan(300, 0, 0), 1);
        OcrReader impatient = OcrReader.open(OcrOptions.defaults().withPageTimeout(Duration.ofMillis(300)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.read(image, extractor.read(image), OcrReader.PageListener.NONE))
                .isInstanceOf(ExtractionException.class).hasMessage("OCR timed out after 0.3 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(tesseractChildren()).isZero();
    }

    @Test
    void joinsTheLinesOfAParagraphAndMendsHyphenatedWords() {
        assertThat(OcrText.paragraphs("The inter-\nleukin signal\nrises.\n\n\nNew block\f"))
                .isEqualTo("The interleukin signal rises.\n\nNew block");
        assertThat(OcrText.paragraphs("well-\nKnown")).isEqualTo("well- Known");
    }

    static long tesseractChildren() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().orElse("").endsWith("tesseract")).count();
    }

    private static BufferedImage page(String sentence) {
        return ScannedDocuments.render("", sentence + ".", CLEAN, 1).get(0);
    }

    /** A PNG's signature and header chunk, claiming the size given: enough for a reader to ask its size. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        out.writeBytes(ByteBuffer.allocate(4).putInt(13).array());
        out.writeBytes(ihdr.array());
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.writeBytes(new byte[64]);
        return out.toByteArray();
    }
}
