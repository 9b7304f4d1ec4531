package dev.semdex.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headings from a PDF's outline, on a real PDF nobody here wrote: the Shared MIME-info specification as Debian's
 * shared-mime-info package ships it (17 pages, 24 bookmarks in two levels, several sections a page).
 */
class PdfOutlineTest {

    private static final String MIME_CACHE = "2. Unified system › 2.9. The mime.cache files";

    private static TextExtractor extractor;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() {
        extractor = new TextExtractor();
    }

    @AfterAll
    static void close() {
        extractor.close();
    }

    @Test
    void everyBookmarkBecomesAHeadingOnItsPageWhereItsTitleIsPrinted() throws IOException {
        Path pdf = spec();
        PdfOutline outline = PdfOutline.read(pdf);
        ExtractedText text = extractor.extract(pdf);

        assertThat(outline.entries()).hasSize(24);
        assertThat(text.headings()).extracting(Heading::text)
                .containsExactlyElementsOf(outline.entries().stream().map(PdfOutline.Entry::title).toList());
        Map<String, Integer> pages = outline.entries().stream()
                .collect(Collectors.toMap(PdfOutline.Entry::title, PdfOutline.Entry::page));
        for (Heading heading : text.headings()) {
            assertThat(text.pageAt(heading.offset())).as(heading.text()).isEqualTo(pages.get(heading.text()));
            String line = text.text().substring(heading.offset()).lines().findFirst().orElseThrow();
            assertThat(line.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase())
                    .as("printed where the heading is").startsWith(heading.text().replaceAll("[^\\p{L}\\p{N}]", "")
                            .toLowerCase());
        }
        assertThat(text.headings()).filteredOn(h -> h.text().startsWith("2.13."))
                .as("the outline spells it \"Nonregular\", the page \"Non-regular\"").singleElement()
                .satisfies(h -> assertThat(text.text().substring(h.offset())).startsWith("2.13. Non-regular files"));
    }

    @Test
    void passagesOnAPageCarryThePathOfTheSectionCoveringIt() throws IOException {
        ExtractedText text = extractor.extract(spec());
        int[] starts = text.pageStarts();

        // 2.9 begins on page 11 and 2.10 on page 14: pages 12 and 13 are all mime.cache.
        for (int page = 12; page <= 13; page++) {
            int start = starts[page - 1];
            int end = starts[page];
            assertThat(text.headingPathOf(start, end)).as("page %d", page).isEqualTo(MIME_CACHE);
            assertThat(text.headingPathAt((start + end) / 2)).isEqualTo(MIME_CACHE);
        }
        int page14 = starts[13];
        int subclassing = text.text().indexOf("2.11. Subclassing", page14);
        assertThat(text.headingPathAt(subclassing + 100)).isEqualTo("2. Unified system › 2.11. Subclassing");
        assertThat(text.headingPathAt(page14 + 20)).as("the top of page 14, before 2.10 begins lower down")
                .isEqualTo(MIME_CACHE);
        assertThat(text.headingPathAt(text.text().indexOf("The key words \"MUST\"")))
                .isEqualTo("1. Introduction › 1.3. Language used in this specification");
    }

    @Test
    void theOutlineIsNotAlsoTextAtTheEndOfTheLastPage() throws IOException {
        String text = extractor.extract(spec()).text();

        assertThat(text).containsOnlyOnce("2.9. The mime.cache files");
        assertThat(text.strip()).doesNotEndWith("References");
    }

    @Test
    void aPdfWithoutOutlineHasNoHeadings() throws IOException {
        Path pdf = Fixtures.pdf(dir.resolve("plain.pdf"), List.of(List.of("Quarterly figures",
                "Revenue grew in every region during the third quarter of the year.")));

        assertThat(PdfOutline.read(pdf).isEmpty()).isTrue();
        assertThat(extractor.extract(pdf).headings()).isEmpty();
    }

    /** Outlines written by careless programs: a loop among siblings, a bookmark to a page the file lacks. */
    @Test
    void aBrokenOutlineCostsTheHeadingsItCannotPlaceNeverTheText() throws IOException {
        Path pdf = dir.resolve("looped.pdf");
        try (PDDocument doc = Loader.loadPDF(spec().toFile())) {
            PDDocumentOutline outline = doc.getDocumentCatalog().getDocumentOutline();
            PDOutlineItem first = outline.getFirstChild();
            PDOutlineItem second = first.getNextSibling();
            second.getCOSObject().setItem(COSName.NEXT, first); // 1 → 2 → 1 → …
            PDOutlineItem nowhere = new PDOutlineItem();
            nowhere.setTitle("Appendix that was never printed");
            PDPageXYZDestination missing = new PDPageXYZDestination();
            missing.setPage(new PDPage()); // a page that is not in the document
            nowhere.setDestination(missing);
            first.addLast(nowhere);
            doc.save(pdf.toFile());
        }

        ExtractedText text = extractor.extract(pdf);

        assertThat(text.text()).contains("The mime.cache files", "Subclassing");
        assertThat(text.headings()).extracting(Heading::text).contains("1. Introduction", "2. Unified system")
                .doesNotContain("Appendix that was never printed");
    }

    @Test
    void aDamagedFileHasNoOutlineAndNoError() throws IOException {
        Path cut = dir.resolve("cut.pdf");
        byte[] bytes = Files.readAllBytes(spec());
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 3));

        assertThat(PdfOutline.read(cut).entries()).allSatisfy(e -> assertThat(e.page()).isPositive());
        assertThat(PdfOutline.read(dir.resolve("absent.pdf"))).isEqualTo(PdfOutline.NONE);
    }

    /**
     * Pages 11 to 14 of the specification scanned (rendered to pictures, no text layer) with their bookmarks: once
     * OCR has read the pages, the headings are placed in the text it read.
     */
    @Test
    void aScannedPdfGetsItsOutlineHeadingsInTheTextOcrRead() throws IOException {
        OcrReader ocr = OcrReader.open(OcrOptions.defaults());
        assumeThat(ocr.available()).as("Tesseract installed (apt-get install tesseract-ocr tesseract-ocr-eng)")
                .isTrue();
        Path scan = dir.resolve("scanned.pdf");
        scanPages(spec(), 11, 14, scan);

        Extraction extraction = extractor.read(scan);
        assertThat(extraction.scans().pdfPages()).containsExactly(1, 2, 3, 4);
        ExtractedText text = ocr.read(scan, extraction, OcrReader.PageListener.NONE).text();

        assertThat(text.headings()).extracting(Heading::text).containsExactly("2.9. The mime.cache files",
                "2.10. Storing the MIME type using Extended Attributes", "2.11. Subclassing",
                "2.12. Recommended checking order");
        int[] starts = text.pageStarts();
        assertThat(text.headingPathOf(starts[1], starts[2])).isEqualTo("2.9. The mime.cache files");
        int storing = text.headings().get(1).offset();
        assertThat(text.pageAt(storing)).isEqualTo(4);
        assertThat(text.text().substring(storing)).startsWith("2.10. Storing the MIME type");
    }

    /** Renders pages {@code from}–{@code to} as 200 dpi JPEGs into a new PDF and copies their bookmarks over. */
    private static void scanPages(Path source, int from, int to, Path target) throws IOException {
        try (PDDocument original = Loader.loadPDF(source.toFile()); PDDocument scan = new PDDocument()) {
            PDFRenderer renderer = new PDFRenderer(original);
            for (int number = from; number <= to; number++) {
                PDPage page = original.getPage(number - 1);
                BufferedImage picture = renderer.renderImageWithDPI(number - 1, 200, ImageType.GRAY);
                PDPage copy = new PDPage(page.getMediaBox());
                scan.addPage(copy);
                PDImageXObject image = JPEGFactory.createFromImage(scan, picture, 0.85f);
                try (PDPageContentStream content = new PDPageContentStream(scan, copy)) {
                    content.drawImage(image, 0, 0, page.getMediaBox().getWidth(), page.getMediaBox().getHeight());
                }
            }
            PDDocumentOutline outline = new PDDocumentOutline();
            for (PdfOutline.Entry entry : PdfOutline.read(source).entries()) {
                if (entry.page() >= from && entry.page() <= to) {
                    PDOutlineItem item = new PDOutlineItem();
                    item.setTitle(entry.title());
                    PDPageXYZDestination destination = new PDPageXYZDestination();
                    PDPage page = scan.getPage(entry.page() - from);
                    destination.setPage(page);
                    destination.setTop((int) Math.round(page.getMediaBox().getHeight() * (1 - entry.fromTop())));
                    item.setDestination(destination);
                    outline.addLast(item);
                }
            }
            scan.getDocumentCatalog().setDocumentOutline(outline);
            scan.save(target.toFile());
        }
    }

    private Path spec() throws IOException {
        Path file = dir.resolve("shared-mime-info-spec.pdf");
        if (!Files.exists(file)) {
            try (InputStream in = PdfOutlineTest.class.getResourceAsStream(
                    "/realworld/pdf/shared-mime-info-spec.pdf")) {
                Files.write(file, in.readAllBytes());
            }
        }
        return file;
    }
}
