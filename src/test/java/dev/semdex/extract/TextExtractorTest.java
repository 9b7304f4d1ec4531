package dev.semdex.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ContentHandler;

class TextExtractorTest {

    private static TextExtractor extractor;

    @TempDir
    Path dir;

    @BeforeAll
    static void startExtractor() {
        extractor = new TextExtractor();
    }

    @AfterAll
    static void closeExtractor() {
        extractor.close();
    }

    @Test
    void readsUtf8TextAndKeepsItsLines() throws Exception {
        Path file = write("notes.txt", "Grüße aus Köln\n\n  indented line\r\nlast line\n");

        ExtractedText text = extractor.extract(file);

        assertThat(text.text()).isEqualTo("Grüße aus Köln\n\n  indented line\nlast line");
        assertThat(text.mediaType()).isEqualTo("text/plain");
        assertThat(text.pageStarts()).isEmpty();
        assertThat(text.pageAt(3)).isZero();
    }

    @Test
    void readsAnEmailWithTheDocumentsAttachedToIt() throws Exception {
        String attached = Base64.getMimeEncoder().encodeToString(
                "<html><body><h1>Minutes</h1><p>The committee approved the heron survey.</p></body></html>"
                        .getBytes(StandardCharsets.UTF_8));
        Path file = write("minutes.eml", """
                From: clerk@example.org
                To: board@example.org
                Subject: Minutes of the meeting
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                Please find the minutes attached.
                --b1
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename="minutes.html"
                Content-Transfer-Encoding: base64

                %s
                --b1--
                """.formatted(attached));

        ExtractedText text = extractor.extract(file);

        assertThat(text.mediaType()).isEqualTo("message/rfc822");
        assertThat(text.text()).contains("Please find the minutes attached.")
                .as("the attachment is detected as a web page by its own content and read as text")
                .contains("The committee approved the heron survey.").doesNotContain("<p>");
    }

    @Test
    void readsUtf16WithByteOrderMark() throws Exception {
        Path file = dir.resolve("windows.txt");
        byte[] body = "Hello from UTF-16, naïve café".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        Files.write(file, bytes);

        assertThat(extractor.extract(file).text()).isEqualTo("Hello from UTF-16, naïve café");
    }

    @Test
    void survivesInvalidUtf8() throws Exception {
        Path file = dir.resolve("broken.txt");
        byte[] start = "valid start ".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[start.length + 3];
        System.arraycopy(start, 0, bytes, 0, start.length);
        bytes[start.length] = (byte) 0xC3;
        bytes[start.length + 1] = (byte) 0x28;
        bytes[start.length + 2] = (byte) 0xFF;
        Files.write(file, bytes);

        assertThat(extractor.extract(file).text()).startsWith("valid start");
    }

    @Test
    void readsMarkdownAsTheTextItShows() throws Exception {
        Path file = write("readme.md", """
                # Title

                Some *emphasis* and a [link](https://example.com/a/very/long/address?with=query), wrapped
                over two lines.

                - item one
                - item `two`

                | name | size |
                |------|------|
                | a    | 1    |

                ```
                code  line one
                    line two
                ```
                """);

        ExtractedText text = extractor.extract(file);

        assertThat(text.text()).isEqualTo("Title\n\nSome emphasis and a link, wrapped over two lines.\n\n"
                + "item one\nitem two\n\nname\tsize\na\t1\n\ncode  line one\n    line two");
        assertThat(text.mediaType()).isEqualTo("text/markdown");
    }

    @Test
    void aNoteKeptAsMarkdownAndAsTextReadsTheSame() throws Exception {
        Path markdown = write("note.md", "# Sourdough\n\nFeed the starter, then knead\nthe dough.\n\n## Baking\n\n"
                + "A very **hot** oven.\n");
        Path text = write("note.txt",
                "Sourdough\n\nFeed the starter, then knead the dough.\n\nBaking\n\nA very hot oven.\n");

        assertThat(extractor.extract(markdown).text()).isEqualTo(extractor.extract(text).text());
    }

    @Test
    void aMarkdownFileTooLongToParseIsReadAsWritten() throws Exception {
        String line = "# Log line with **marks**\n";
        Path file = write("dump.md", line.repeat(MarkdownText.MAX_CHARS / line.length() + 1));

        String text = extractor.extract(file).text();

        assertThat(text).startsWith("# Log line with **marks**\n# Log line").hasSizeGreaterThan(MarkdownText.MAX_CHARS);
    }

    @Test
    void markdownWithNothingButMarkupKeepsItsText() throws Exception {
        Path file = write("comment.md", "<!-- draft: nothing here yet -->\n");

        assertThat(extractor.extract(file).text()).isEqualTo("<!-- draft: nothing here yet -->");
    }

    @Test
    void keepsRustSourceThatTikaWouldTakeForXml() throws Exception {
        Path file = write("main.rs", "fn main() {\n    println!(\"hi\");\n}\n");

        assertThat(extractor.extract(file).text()).isEqualTo("fn main() {\n    println!(\"hi\");\n}");
    }

    @Test
    void htmlLosesTagsAndKeepsParagraphs() throws Exception {
        Path file = write("page.html", "<html><head><title>The title</title><style>p{color:red}</style></head>"
                + "<body><h1>Heading</h1><p>First <b>bold</b> paragraph.</p><p>Second paragraph.</p>"
                + "<ul><li>one</li><li>two</li></ul><script>var x = 1;</script></body></html>");

        String text = extractor.extract(file).text();

        assertThat(text).doesNotContain("<", "color:red", "var x")
                .contains("Heading\n\nFirst bold paragraph.\n\nSecond paragraph.\n\none\ntwo");
    }

    @Test
    void aPageTitleIsTheTitleNotPartOfTheText() throws Exception {
        Path page = write("page.html", "<html><head><title>Soup recipes</title></head><body><h1>Soup recipes</h1>"
                + "<p>Leek and potato.</p></body></html>");
        Path other = write("other.html", "<html><head><title>Kitchen</title></head><body><h1>Soup recipes</h1>"
                + "<p>Leek and potato.</p></body></html>");
        Path plain = write("page.txt", "Soup recipes\n\nLeek and potato.\n");

        assertThat(extractor.extract(page).text()).isEqualTo("Soup recipes\n\nLeek and potato.")
                .isEqualTo(extractor.extract(plain).text())
                .isEqualTo(extractor.extract(other).text());
        assertThat(extractor.extract(page).title()).isEqualTo("Soup recipes");
        assertThat(extractor.extract(other).title()).as("a title that does not contain the heading is the page's own")
                .isEqualTo("Kitchen");
        assertThat(extractor.extract(plain).title()).as("a text file's short first line").isEqualTo("Soup recipes");
    }

    @Test
    void csvKeepsRowsAndCommas() throws Exception {
        Path file = write("data.csv", "name,city\nAda,London\nGrace,New York\n");

        ExtractedText text = extractor.extract(file);

        assertThat(text.text()).isEqualTo("name,city\nAda,London\nGrace,New York");
        assertThat(text.mediaType()).isEqualTo("text/csv");
    }

    @Test
    void pdfRecordsWhereEachPageStarts() throws Exception {
        Path file = Fixtures.pdf(dir.resolve("two-pages.pdf"), List.of(
                List.of("Alpha paragraph on the first page.", "It has two lines."),
                List.of("Bravo text lives on page two.")));

        ExtractedText text = extractor.extract(file);

        assertThat(text.mediaType()).isEqualTo("application/pdf");
        assertThat(text.pageStarts()).hasSize(2);
        int alpha = text.text().indexOf("Alpha paragraph");
        int bravo = text.text().indexOf("Bravo text");
        assertThat(alpha).isNotNegative();
        assertThat(bravo).isGreaterThan(alpha);
        assertThat(text.pageStarts()[1]).isEqualTo(bravo);
        assertThat(text.pageAt(alpha)).isEqualTo(1);
        assertThat(text.pageAt(bravo)).isEqualTo(2);
        assertThat(text.pageAt(text.text().length() - 1)).isEqualTo(2);
        assertThat(text.text().substring(0, bravo)).endsWith("\n\n");
    }

    @Test
    void wrappedPdfLinesKeepTheSpaceBetweenTheirWords() throws Exception {
        Path file = Fixtures.pdf(dir.resolve("wrapped.pdf"), List.of(
                List.of("Folic acid improves endothelial function via", "mechanisms largely independent of",
                        "homocysteine lowering.")));

        ExtractedText text = extractor.extract(file);

        assertThat(text.text()).contains("function via mechanisms largely independent of homocysteine lowering.");
    }

    @Test
    void docxParagraphsAreSeparatedByBlankLines() throws Exception {
        Path file = Fixtures.docx(dir.resolve("letter.docx"), List.of("Dear reader,", "This is the body."));

        ExtractedText text = extractor.extract(file);

        assertThat(text.text()).contains("Dear reader,\n\nThis is the body.");
        assertThat(text.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(text.pageStarts()).isEmpty();
    }

    @Test
    void corruptPdfFailsWithAReadableReason() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, garbage, 0, header.length);
        Path file = Files.write(dir.resolve("corrupt.pdf"), garbage);

        assertThatThrownBy(() -> extractor.extract(file))
                .isInstanceOf(ExtractionException.class)
                .hasMessageStartingWith("corrupt or unreadable PDF")
                .hasMessageNotContaining("Exception")
                .hasMessageNotContaining("\n\tat ");
    }

    @Test
    void passwordProtectedPdfSaysSo() throws Exception {
        Path file = Fixtures.encryptedPdf(dir.resolve("locked.pdf"), "Secret text");

        assertThatThrownBy(() -> extractor.extract(file))
                .isInstanceOf(ExtractionException.class)
                .hasMessage("password-protected");
    }

    @Test
    void emptyFileHasNoText() throws Exception {
        Path file = write("empty.txt", "");

        assertThatThrownBy(() -> extractor.extract(file))
                .isInstanceOf(ExtractionException.class)
                .hasMessageStartingWith("no text found");
    }

    @Test
    void missingFileIsReported() {
        assertThatThrownBy(() -> extractor.extract(dir.resolve("gone.txt")))
                .isInstanceOf(ExtractionException.class)
                .hasMessage("file not found");
    }

    @Test
    void stripsNulAndControlCharactersAndCollapsesBlankLines() throws Exception {
        Path file = write("dirty.txt", "a\u0000b\u0007c\tTab\n\n\n\n\n\n\nafter   \nend\u001B");

        assertThat(extractor.extract(file).text()).isEqualTo("abc\tTab\n\n\nafter\nend");
    }

    @Test
    void stopsAtMaxCharsAndKeepsTheTextSoFar() throws Exception {
        Path plain = write("long.txt", "0123456789".repeat(1_000));
        Path html = write("long.html", "<html><body>" + "<p>paragraph text</p>".repeat(500) + "</body></html>");

        try (TextExtractor small = new TextExtractor(Duration.ofSeconds(30), 100)) {
            assertThat(small.extract(plain).text()).isEqualTo("0123456789".repeat(10));
            ExtractedText fromParser = small.extract(html);
            assertThat(fromParser.text()).hasSize(100).startsWith("paragraph text\n\nparagraph text");
        }
    }

    @Test
    void timesOutOnAParserThatHangs() throws Exception {
        Path file = Files.write(dir.resolve("slow.bin"), new byte[]{0, 1, 2, 3});
        CountDownLatch stopped = new CountDownLatch(1);
        Parser hanging = new TestParser((handler) -> {
            try {
                Thread.sleep(60_000);
            } finally {
                stopped.countDown();
            }
        });

        try (TextExtractor impatient = new TextExtractor(Duration.ofMillis(200), 1_000, hanging)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> impatient.extract(file))
                    .isInstanceOf(ExtractionException.class)
                    .hasMessage("timed out after 0.2 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(stopped.await(5, TimeUnit.SECONDS)).as("worker interrupted").isTrue();
        }
    }

    @Test
    void stopsAParserThatIgnoresInterruptsOnceItWritesAgain() throws Exception {
        Path file = Files.write(dir.resolve("stubborn.bin"), new byte[]{0, 1, 2, 3});
        CountDownLatch stopped = new CountDownLatch(1);
        Parser stubborn = new TestParser((handler) -> {
            try {
                char[] word = "word ".toCharArray();
                while (true) {
                    long until = System.nanoTime() + 1_000_000;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait(); // deaf to interrupts
                    }
                    handler.characters(word, 0, word.length);
                }
            } finally {
                stopped.countDown();
            }
        });

        try (TextExtractor impatient = new TextExtractor(Duration.ofMillis(200), 10_000_000, stubborn)) {
            assertThatThrownBy(() -> impatient.extract(file)).hasMessage("timed out after 0.2 s");
            assertThat(stopped.await(5, TimeUnit.SECONDS)).as("parser stopped").isTrue();
        }
    }

    @Test
    void callerInterruptCancelsAndKeepsTheFlag() throws Exception {
        Path file = Files.write(dir.resolve("slow.bin"), new byte[]{0, 1, 2, 3});
        Parser hanging = new TestParser((handler) -> Thread.sleep(60_000));

        try (TextExtractor patient = new TextExtractor(Duration.ofSeconds(60), 1_000, hanging)) {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> patient.extract(file)).isInstanceOf(CancellationException.class);
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void pageAtFindsTheLastPageStartingAtOrBeforeTheOffset() {
        ExtractedText text = new ExtractedText("title page1 page3", new int[]{6, 12, 12}, "application/pdf");

        assertThat(text.pageAt(0)).isEqualTo(1);
        assertThat(text.pageAt(6)).isEqualTo(1);
        assertThat(text.pageAt(11)).isEqualTo(1);
        assertThat(text.pageAt(12)).isEqualTo(3);
        assertThat(text.pageAt(100)).isEqualTo(3);
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface ParseBody {
        void run(ContentHandler handler) throws Exception;
    }

    /** A parser whose behaviour is the test's to choose; stands in for a pathological real one. */
    private record TestParser(ParseBody body) implements Parser {
        @Override
        public Set<MediaType> getSupportedTypes(ParseContext context) {
            return Set.of(MediaType.OCTET_STREAM);
        }

        @Override
        public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context) {
            try {
                body.run(handler);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
