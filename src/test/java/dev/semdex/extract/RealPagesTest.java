package dev.semdex.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction on pages of a real site (the Python manual as Debian ships it), not on pages written for the test. */
class RealPagesTest {

    /** Words of the site's sidebar and navigation bars, which every page of the manual carries. */
    private static final String[] FURNITURE = {"Previous topic", "Next topic", "Report a Bug", "Show Source",
            "This Page", "Navigation"};

    private static TextExtractor mainText;
    private static TextExtractor wholePage;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        mainText = new TextExtractor(TextExtractor.DEFAULT_TIMEOUT, TextExtractor.DEFAULT_MAX_CHARS, true);
        wholePage = new TextExtractor(TextExtractor.DEFAULT_TIMEOUT, TextExtractor.DEFAULT_MAX_CHARS, false);
    }

    @AfterAll
    static void stop() {
        mainText.close();
        wholePage.close();
    }

    @Test
    void aSphinxPageKeepsItsArticleAndLosesTheSiteNavigation() throws IOException {
        Path page = fixture("venv.html");

        String text = mainText.extract(page).text();
        String whole = wholePage.extract(page).text();

        assertThat(text).contains("The module used to create and manage virtual environments is called",
                "Managing Packages with pip", "requirements.txt");
        for (String furniture : FURNITURE) {
            assertThat(whole).contains(furniture); // the page does carry it ...
            assertThat(text).doesNotContain(furniture); // ... and the passages do not
        }
        assertThat(text.length()).isLessThan(whole.length() * 9 / 10);
    }

    @Test
    void aSphinxPageIsTitledByItsHeadingNotBySiteName() throws IOException {
        ExtractedText page = mainText.extract(fixture("venv.html"));

        assertThat(page.title()).isEqualTo("12. Virtual Environments and Packages");
        assertThat(page.headings()).extracting(Heading::text).startsWith("12. Virtual Environments and Packages",
                "12.1. Introduction", "12.2. Creating Virtual Environments", "12.3. Managing Packages with pip");
        assertThat(page.text()).doesNotContain("Python 3.11.2 documentation", "\u00B6");
    }

    @Test
    void aPassageCarriesTheHeadingsItSitsUnder() throws IOException {
        ExtractedText page = mainText.extract(fixture("venv.html"));

        int pip = page.text().indexOf("You can install, upgrade, and remove packages");
        int intro = page.text().indexOf("Python applications will often use packages");
        assertThat(page.headingPathAt(pip)).as("the chapter heading is the title, so only the section is named")
                .isEqualTo("12.3. Managing Packages with pip");
        assertThat(page.headingPathAt(intro)).isEqualTo("12.1. Introduction");
        assertThat(page.headingPathAt(0)).isEmpty();
    }

    @Test
    void aTableOfContentsIsAListingAndAChapterIsNot() throws IOException {
        assertThat(mainText.extract(fixture("tutorial-index.html")).listing()).isTrue();
        assertThat(mainText.extract(fixture("venv.html")).listing()).isFalse();
        assertThat(mainText.extract(fixture("design.html")).listing()).isFalse();
    }

    @Test
    void aRedirectStubIsAListing() throws IOException {
        Path stub = dir.resolve("old.html");
        Files.writeString(stub, "<html><head><meta http-equiv=\"refresh\" content=\"0; url=new.html\">"
                + "<title>Moved</title></head><body><p>This page has moved to <a href=\"new.html\">its new "
                + "place</a>; your browser should take you there.</p></body></html>");

        assertThat(mainText.extract(stub).listing()).isTrue();
    }

    @Test
    void aLongFaqPageKeepsEveryQuestion() throws IOException {
        String text = mainText.extract(fixture("design.html")).text();

        assertThat(text).contains("Why does Python use indentation for grouping of statements?",
                "Why isn’t there a switch or case statement in Python?", "How are dictionaries implemented in CPython?");
        for (String furniture : FURNITURE) {
            assertThat(text).doesNotContain(furniture);
        }
    }

    @Test
    void aPageThatIsAllNavigationIsReadWhole() throws IOException {
        Path page = dir.resolve("links.html");
        Files.writeString(page, "<html><head><title>Links</title></head><body><h1>Links</h1><nav><ul>"
                + "<li>Heating oil delivery schedule and the supplier's phone numbers</li>"
                + "<li>Chimney sweep appointments for the winter</li></ul></nav></body></html>");

        assertThat(mainText.extract(page).text()).contains("Heating oil delivery schedule", "Chimney sweep");
    }

    @Test
    void aScientificAbstractOnOneLineIsADocument() throws IOException {
        Path abstractText = dir.resolve("abstract.txt");
        Files.writeString(abstractText, ("In 1,204 patients (95% CI 1.12-1.43; p<0.001), IL-6 and TNF-α levels fell "
                + "by 23% after 12 weeks of treatment with 40 mg/day atorvastatin. ").repeat(30));

        assertThat(mainText.extract(abstractText).text()).startsWith("In 1,204 patients");
    }

    @Test
    void sparseUtf8IsNeverReadAsLatin1() throws IOException {
        Path text = dir.resolve("stable.txt");
        Files.copy(fixture("stable.rst.txt"), text);

        String extracted = mainText.extract(text).text();

        assertThat(extracted).contains("“unsafe”", "“platform”").doesNotContain("â€");
    }

    @Test
    void aSearchIndexOrMinifiedScriptIsNotADocument() throws IOException {
        Path index = dir.resolve("index-data.js");
        Files.writeString(index, "Search.setIndex({\"docnames\": [\"about\", \"bugs\"], \"terms\": {\"abc\": [0, 1]}})");
        StringBuilder minified = new StringBuilder("!function(e,t){\"use strict\";");
        for (int i = 0; i < 400; i++) {
            minified.append("a").append(i).append("=function(n){n.map(function(x){x*").append(i).append("})};");
        }
        Path bundle = dir.resolve("app.js");
        Files.writeString(bundle, minified + "}(window);\n");
        Path source = dir.resolve("Tax.java");
        Files.writeString(source, "/** Sums the year's receipts for the tax return. */\nfinal class Tax {\n"
                + "    long total(long[] receipts) {\n        long sum = 0;\n        for (long r : receipts) {\n"
                + "            sum += r;\n        }\n        return sum;\n    }\n}\n");

        assertThatThrownBy(() -> mainText.extract(index)).isInstanceOf(ExtractionException.class)
                .hasMessageStartingWith(SkipReasons.NOT_A_DOCUMENT);
        assertThatThrownBy(() -> mainText.extract(bundle)).isInstanceOf(ExtractionException.class)
                .hasMessageStartingWith(SkipReasons.NOT_A_DOCUMENT);
        assertThat(mainText.extract(source).text()).contains("receipts for the tax return");
        Path unwrapped = dir.resolve("letter.txt");
        Files.writeString(unwrapped, "Dear neighbours, the street party is on the first Saturday of June and everyone "
                .repeat(40) + "\n");
        assertThat(mainText.extract(unwrapped).text()).startsWith("Dear neighbours");
    }

    @Test
    void assetsAreKnownByNameWithoutReadingThem() {
        assertThat(NotDocuments.byName(Path.of("_static/fonts/Lato.woff2"), 90_000)).contains("font");
        assertThat(NotDocuments.byName(Path.of("favicon.png"), 2_000)).contains("icon");
        assertThat(NotDocuments.byName(Path.of("site/_static/minus.png"), 90)).contains("icon");
        assertThat(NotDocuments.byName(Path.of("photos/minus.png"), 90)).isNull();
        assertThat(NotDocuments.byName(Path.of("_static/pydoctheme.css"), 20_000)).contains("stylesheet");
        assertThat(NotDocuments.byName(Path.of("app.min.js.map"), 20_000)).contains("minified");
        assertThat(NotDocuments.byName(Path.of("Cargo.lock"), 20_000)).contains("lock file");
        assertThat(NotDocuments.byName(Path.of("searchindex.js"), 3_000_000)).contains("search index");
        assertThat(NotDocuments.byName(Path.of("html/_static/glossary.json"), 140_000)).contains("site asset");
        assertThat(NotDocuments.byName(Path.of("holiday-photo.jpg"), 2_000_000)).isNull();
        assertThat(NotDocuments.byName(Path.of("report.pdf"), 1_000)).isNull();
        assertThat(NotDocuments.byName(Path.of("notes.md"), 100)).isNull();
    }

    private static Path fixture(String name) throws IOException {
        try (InputStream in = RealPagesTest.class.getResourceAsStream("/realworld/python-docs/" + name)) {
            Path file = Files.createTempFile("semdex-real-", "-" + name);
            Files.write(file, in.readAllBytes());
            file.toFile().deleteOnExit();
            return file;
        }
    }
}
