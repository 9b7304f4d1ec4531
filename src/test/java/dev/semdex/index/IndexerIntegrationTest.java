package dev.semdex.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.TestModels;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ForwardingEmbedder;
import dev.semdex.lab.bench.DocumentFiles;
import dev.semdex.extract.FolderScanner;
import dev.semdex.extract.ScanOptions;
import dev.semdex.extract.TextExtractor;
import dev.semdex.search.SearchMode;
import dev.semdex.search.SearchRequest;
import dev.semdex.search.SearchResult;
import dev.semdex.search.SearchService;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.store.Database;
import dev.semdex.store.IndexStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path from a folder of mixed files to ranked results, and what a re-run does after edits. */
class IndexerIntegrationTest {

    @TempDir
    Path tmp;

    private Path folder;
    private Database db;
    private IndexStore store;
    private Indexer indexer;
    private SearchService search;
    private TextExtractor extractor;
    private final Embedder embedder = TestModels.minilm();

    @BeforeEach
    void setUp() throws Exception {
        folder = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(folder.resolve("volcano.txt"), "Volcanoes erupt when magma rises through the crust. "
                + "Lava flows and ash clouds threaten nearby villages.");
        Files.writeString(folder.resolve("baking.md"), "# Sourdough\n\nFeed the starter, knead the dough and bake "
                + "the bread in a hot oven until the crust is golden.");
        Files.writeString(folder.resolve("orbit.html"), "<html><body><h1>Orbits</h1><p>Satellites circle the Earth "
                + "because gravity bends their path into an ellipse.</p></body></html>");
        Fixtures.pdf(folder.resolve("taxes.pdf"), "Introduction to the annual report.",
                "Income tax returns must be filed before the April deadline to avoid penalties.");
        Fixtures.docx(folder.resolve("garden.docx"), "Tomatoes need full sun.",
                "Water the vegetable garden early in the morning.");
        Files.write(folder.resolve("broken.pdf"), "%PDF-1.7\nthis is not really a pdf".getBytes());
        Files.writeString(folder.resolve("empty.txt"), "");
        Files.write(folder.resolve("photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0});
        db = Database.open(tmp.resolve("index.db"));
        store = new IndexStore(db);
        extractor = new TextExtractor();
        indexer = new Indexer(store, extractor, new FolderScanner(), ScanOptions.defaults());
        search = new SearchService(store, id -> embedder, new ModelCatalog());
    }

    @AfterEach
    void tearDown() {
        extractor.close();
        db.close();
    }

    private List<String> top(String query, SearchMode mode) {
        search.invalidate(embedder.model().id());
        return search.search(new SearchRequest(query, embedder.model().id(), mode, 3)).stream()
                .map(r -> Path.of(r.path()).getFileName().toString()).toList();
    }

    @Test
    void indexesMixedFolderAndFindsFilesByMeaning() {
        IndexSummary summary = indexer.index(List.of(folder), embedder, IndexListener.NONE);

        assertThat(summary.filesIndexed()).isEqualTo(5);
        Map<String, String> skipped = summary.skipped().stream().collect(Collectors.toMap(
                e -> Path.of(e.path()).getFileName().toString(), IndexSummary.SkippedEntry::reason));
        assertThat(skipped).containsOnlyKeys("broken.pdf", "empty.txt", "photo.png");
        assertThat(skipped.values()).allSatisfy(reason -> assertThat(reason).isNotBlank());

        assertThat(top("when do I have to submit my tax declaration", SearchMode.VECTOR).get(0)).isEqualTo("taxes.pdf");
        assertThat(top("molten rock from a mountain", SearchMode.VECTOR).get(0)).isEqualTo("volcano.txt");
        assertThat(top("lava flowing towards villages", SearchMode.HYBRID).get(0)).isEqualTo("volcano.txt");
        assertThat(top("how to make bread", SearchMode.HYBRID).get(0)).isEqualTo("baking.md");
        assertThat(top("gravity ellipse", SearchMode.KEYWORD).get(0)).isEqualTo("orbit.html");
        assertThat(top("watering plants in the morning", SearchMode.VECTOR).get(0)).isEqualTo("garden.docx");

        SearchResult taxes = search.search(new SearchRequest("income tax deadline", embedder.model().id(),
                SearchMode.HYBRID, 1)).get(0);
        assertThat(taxes.page()).isEqualTo(2);
        assertThat(taxes.chunkText()).contains("April deadline");
        // First for both searches: the best hybrid score there is.
        assertThat(taxes.score()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(search.search(new SearchRequest("income tax deadline", embedder.model().id(), SearchMode.HYBRID,
                5))).extracting(SearchResult::score).allSatisfy(score -> assertThat(score).isBetween(0.0, 1.0));
    }

    @Test
    void aSearchHandsBackTheQueryVectorItRankedWithSoTheQueryIsEmbeddedOnce() {
        indexer.index(List.of(folder), embedder, IndexListener.NONE);
        java.util.concurrent.atomic.AtomicInteger queries = new java.util.concurrent.atomic.AtomicInteger();
        SearchService counting = new SearchService(store, id -> new ForwardingEmbedder(embedder) {
            @Override
            public float[] embedQuery(String text) {
                queries.incrementAndGet();
                return super.embedQuery(text);
            }
        }, new ModelCatalog());
        String query = "molten rock from a mountain";

        dev.semdex.search.SearchAnswer hybrid = counting.answer(new SearchRequest(query, embedder.model().id(),
                SearchMode.HYBRID, 3));
        var best = dev.semdex.search.BestSentence.forResults(hybrid.results(), query, SearchMode.HYBRID,
                embedder, hybrid.queryVector());

        assertThat(queries).hasValue(1);
        assertThat(hybrid.queryVector()).containsExactly(embedder.embedQuery(query),
                org.assertj.core.api.Assertions.within(1e-6f));
        assertThat(best).containsKey(hybrid.results().get(0).chunkId());
        assertThat(counting.answer(new SearchRequest("gravity ellipse", embedder.model().id(), SearchMode.KEYWORD,
                3)).queryVector()).as("keyword search embeds nothing").isNull();
        assertThat(queries).hasValue(1);
    }

    @Test
    void filtersNarrowResultsToAFolderOrAFileType() throws Exception {
        Path sub = Files.createDirectories(folder.resolve("sub"));
        Files.writeString(sub.resolve("magma.txt"), "Magma chambers feed the volcano beneath the island.");
        indexer.index(List.of(folder), embedder, IndexListener.NONE);
        for (SearchMode mode : SearchMode.values()) {
            List<SearchResult> inSub = search.search(new SearchRequest("volcano magma lava", embedder.model().id(),
                    mode, 10, new dev.semdex.search.SearchFilter(sub, null)));
            assertThat(inSub).as(mode.label()).extracting(r -> Path.of(r.path()).getFileName().toString())
                    .containsExactly("magma.txt");
            List<SearchResult> pdfs = search.search(new SearchRequest("volcano tax bread", embedder.model().id(),
                    mode, 10, new dev.semdex.search.SearchFilter(null, ".PDF")));
            assertThat(pdfs).as(mode.label()).extracting(r -> Path.of(r.path()).getFileName().toString())
                    .containsExactly("taxes.pdf");
        }
        assertThat(store.documents().fileExtensions()).contains("txt", "pdf", "md", "html", "docx")
                .doesNotContain("png");
    }

    @Test
    void aSitesAssetsAreCountedQuietlyAsNotDocuments() throws Exception {
        Path assets = Files.createDirectories(folder.resolve("_static"));
        Files.writeString(folder.resolve("searchindex.js"), "Search.setIndex({\"docnames\": [\"volcano\"]})");
        Files.writeString(assets.resolve("basic.css"), "body { margin: 0 }");
        Files.writeString(assets.resolve("menu.js"), "var m=function(){return 1};".repeat(200));
        Files.write(assets.resolve("Lato.woff2"), new byte[] {'w', 'O', 'F', '2', 0, 1});

        IndexSummary first = indexer.index(List.of(folder), embedder, IndexListener.NONE);
        IndexSummary again = indexer.index(List.of(folder), embedder, IndexListener.NONE);

        for (IndexSummary summary : List.of(first, again)) {
            assertThat(summary.notDocuments()).isEqualTo(4);
            assertThat(summary.skipped()).extracting(e -> Path.of(e.path()).getFileName().toString())
                    .containsExactlyInAnyOrder("broken.pdf", "empty.txt", "photo.png");
        }
        assertThat(store.documents().skipped()).hasSize(3);
        assertThat(store.status().counts().skipped()).isEqualTo(3);
    }

    @Test
    void rerunReadsOnlyWhatChangedAndForgetsDeletedFiles() throws Exception {
        indexer.index(List.of(folder), embedder, IndexListener.NONE);

        IndexSummary unchanged = indexer.index(List.of(folder), embedder, IndexListener.NONE);
        assertThat(unchanged.filesIndexed()).isZero();
        assertThat(unchanged.passagesEmbedded()).isZero();
        assertThat(unchanged.filesUnchanged()).isEqualTo(6);
        assertThat(unchanged.skipped()).hasSize(3);

        Path volcano = folder.resolve("volcano.txt");
        Files.writeString(volcano, "Glaciers carve valleys as the ice slowly moves downhill.");
        Files.setLastModifiedTime(volcano, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        Files.delete(folder.resolve("orbit.html"));
        Files.writeString(folder.resolve("chess.txt"), "The knight moves in an L shape across the chessboard.");
        Path baking = folder.resolve("baking.md");
        Files.setLastModifiedTime(baking, FileTime.fromMillis(System.currentTimeMillis() + 5_000));

        IndexSummary rerun = indexer.index(List.of(folder), embedder, IndexListener.NONE);
        assertThat(rerun.filesIndexed()).isEqualTo(2);
        assertThat(rerun.filesDeleted()).isEqualTo(1);
        assertThat(rerun.passagesEmbedded()).isEqualTo(2);

        assertThat(top("ice shaping the landscape", SearchMode.VECTOR).get(0)).isEqualTo("volcano.txt");
        assertThat(top("lava and magma", SearchMode.KEYWORD)).doesNotContain("volcano.txt");
        assertThat(top("chess pieces", SearchMode.HYBRID).get(0)).isEqualTo("chess.txt");
        assertThat(top("satellites orbiting the earth", SearchMode.HYBRID)).doesNotContain("orbit.html");
    }

    /**
     * A chmod makes an unreadable file readable without changing its size or time: such a file is read again on the
     * next run, while a file skipped for its content (the broken PDF) is not read again until it changes.
     */
    @Test
    void aFileSkippedBecauseItWasUnreadableIsTriedAgainButABrokenOneIsNot() throws Exception {
        indexer.index(List.of(folder), embedder, IndexListener.NONE);
        Path volcano = folder.resolve("volcano.txt");
        // What an earlier run stored while the file was chmod 000 (as root, permissions cannot be taken here).
        store.documents().saveSkipped(store.folders().all().get(0).id(), volcano.toString(), Files.size(volcano),
                Files.getLastModifiedTime(volcano).toMillis(), "permission denied");
        assertThat(top("lava and magma", SearchMode.KEYWORD)).doesNotContain("volcano.txt");

        IndexSummary rerun = indexer.index(List.of(folder), embedder, IndexListener.NONE);

        assertThat(rerun.filesIndexed()).isEqualTo(1);
        assertThat(rerun.filesUnchanged()).isEqualTo(5);
        assertThat(rerun.skipped()).extracting(e -> Path.of(e.path()).getFileName().toString())
                .containsExactlyInAnyOrder("broken.pdf", "empty.txt", "photo.png");
        assertThat(top("lava and magma", SearchMode.KEYWORD)).contains("volcano.txt");
    }

    @Test
    void editingOneParagraphReembedsOnlyItsPassagesAndCopiesAreEmbeddedOnce() throws Exception {
        Path reports = Files.createDirectories(tmp.resolve("reports"));
        String[] topics = {"glaciers", "volcanoes", "orchards", "harbours", "violins", "comets", "bridges", "bees"};
        StringBuilder text = new StringBuilder();
        for (String topic : topics) {
            for (int s = 0; s < 12; s++) {
                text.append("Sentence ").append(s).append(" of the report on ").append(topic)
                        .append(" notes a detail that only this part of the report mentions. ");
            }
            text.append("\n\n");
        }
        Path report = reports.resolve("report.txt");
        Files.writeString(report, text);
        Files.writeString(reports.resolve("copy of report.txt"), text);

        IndexSummary first = indexer.index(List.of(reports), embedder, IndexListener.NONE);
        assertThat(first.chunks()).as("a long file in several passages").isGreaterThan(8);
        assertThat(first.passagesEmbedded()).as("the copy's passages are the same texts")
                .isEqualTo(first.chunks() / 2);

        String edited = text.toString().replace("Sentence 5 of the report on comets", "A new finding about comets");
        Files.writeString(report, edited);
        Files.setLastModifiedTime(report, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        IndexSummary rerun = indexer.index(List.of(reports), embedder, IndexListener.NONE);
        assertThat(rerun.filesIndexed()).isEqualTo(1);
        assertThat(rerun.passagesEmbedded()).as("only the passages holding the edited sentence")
                .isBetween(1L, 2L);
        assertThat(rerun.reusedVectors()).isEqualTo(rerun.chunks() - rerun.passagesEmbedded());
        assertThat(rerun.stages().embedding()).isPositive();
        assertThat(rerun.stages().extracting()).isPositive();
    }

    /**
     * An index written before titles and headings (the migration leaves its files at extraction 0 with empty titles
     * and headings) is read again by the next run: titles and headings appear, and no passage is embedded again.
     */
    @Test
    void filesReadByAnOlderExtractionAreReadAgainWithoutEmbeddingAgain() throws Exception {
        Files.writeString(folder.resolve("trip.md"), "# Trip to Lisbon\n\n## Day one\n\nTram 28 climbs to the "
                + "castle, and the view over the red roofs is worth the queue.\n");
        IndexSummary first = indexer.index(List.of(folder), embedder, IndexListener.NONE);
        try (var st = db.connection().createStatement()) {
            st.executeUpdate("UPDATE documents SET extraction = 0, title = ''");
            st.executeUpdate("UPDATE chunks SET title = '', heading = ''");
        }
        search.invalidateAll();
        assertThat(search.search(new SearchRequest("tram to the castle", embedder.model().id(), SearchMode.VECTOR,
                1))).extracting(SearchResult::title).containsExactly("");

        IndexSummary again = indexer.index(List.of(folder), embedder, IndexListener.NONE);

        assertThat(again.filesIndexed()).as("every document read again").isEqualTo(first.filesIndexed());
        assertThat(again.passagesEmbedded()).as("no passage's text changed").isZero();
        assertThat(again.reusedVectors()).isEqualTo(again.chunks());
        search.invalidateAll();
        SearchResult trip = search.search(new SearchRequest("tram to the castle", embedder.model().id(),
                SearchMode.HYBRID, 1)).get(0);
        assertThat(trip.title()).isEqualTo("Trip to Lisbon");
        assertThat(trip.heading()).isEqualTo("Day one");
        assertThat(indexer.index(List.of(folder), embedder, IndexListener.NONE).filesIndexed())
                .as("read once, then unchanged").isZero();
    }

    /**
     * A real PDF with an outline (the Shared MIME-info specification as Debian ships it), indexed before outlines
     * were read (extraction 1, no headings): the next run reads it again, and only it, and its passages on pages 12
     * and 13 carry the section that covers those pages; no passage is embedded again for it.
     */
    @Test
    void pdfsReadBeforeOutlinesAreReadAgainAndTheirPassagesCarryTheOutlinesSections() throws Exception {
        try (var in = getClass().getResourceAsStream("/realworld/pdf/shared-mime-info-spec.pdf")) {
            Files.write(folder.resolve("shared-mime-info-spec.pdf"), in.readAllBytes());
        }
        indexer.index(List.of(folder), embedder, IndexListener.NONE);
        assertThat(headingsOnPages("shared-mime-info-spec.pdf", 12, 13))
                .containsOnly("2. Unified system \u203A 2.9. The mime.cache files");
        try (var st = db.connection().createStatement()) {
            st.executeUpdate("UPDATE documents SET extraction = 1");
            st.executeUpdate("UPDATE chunks SET heading = ''");
            st.executeUpdate("INSERT INTO chunks_fts(chunks_fts) VALUES('rebuild')");
        }
        assertThat(headingsOnPages("shared-mime-info-spec.pdf", 12, 13)).containsOnly("");

        IndexSummary again = indexer.index(List.of(folder), embedder, IndexListener.NONE);

        assertThat(again.filesIndexed()).as("the PDFs, not the text, Markdown, HTML or Word files")
                .isEqualTo(2); // taxes.pdf too; broken.pdf stays skipped
        assertThat(again.passagesEmbedded()).isZero();
        assertThat(headingsOnPages("shared-mime-info-spec.pdf", 12, 13))
                .containsOnly("2. Unified system \u203A 2.9. The mime.cache files");
        assertThat(headingsOnPages("shared-mime-info-spec.pdf", 1, 1)).as("above the first section: none")
                .allMatch(h -> h.isEmpty() || h.startsWith("1. Introduction \u203A 1.")).anyMatch(h -> !h.isEmpty());
        SearchResult cache = search.search(new SearchRequest("mime.cache file format hash table of globs",
                embedder.model().id(), SearchMode.HYBRID, 1)).get(0);
        assertThat(cache.heading()).startsWith("2. Unified system \u203A 2.");
    }

    private List<String> headingsOnPages(String file, int from, int to) throws Exception {
        List<String> headings = new java.util.ArrayList<>();
        try (var ps = db.connection().prepareStatement("SELECT c.heading FROM chunks c JOIN documents d "
                + "ON d.id = c.document_id WHERE d.path LIKE ? AND c.page BETWEEN ? AND ?")) {
            ps.setString(1, "%" + file);
            ps.setInt(2, from);
            ps.setInt(3, to);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    headings.add(rs.getString(1));
                }
            }
        }
        assertThat(headings).as("passages on pages %d-%d", from, to).isNotEmpty();
        return headings;
    }

    @Test
    void aPaperKeptAsTextAndAsPdfIsEmbeddedOnce() throws Exception {
        Path papers = Files.createDirectories(tmp.resolve("papers"));
        StringBuilder text = new StringBuilder();
        for (int s = 0; s < 30; s++) {
            text.append("Finding ").append(s).append(" links β-amyloid plaques and α-synuclein to a decline in memory ")
                    .append("that the cohort study followed over ").append(s + 2).append(" years. ");
        }
        String title = "Amyloid and synuclein in ageing brains";
        DocumentFiles.write(papers.resolve("paper.txt"), "txt", title, text.toString());
        DocumentFiles.write(papers.resolve("paper.pdf"), "pdf", title, text.toString());

        IndexSummary first = indexer.index(List.of(papers), embedder, IndexListener.NONE);
        assertThat(first.filesIndexed()).isEqualTo(2);
        assertThat(first.chunks()).as("an abstract of several passages in each file").isGreaterThanOrEqualTo(4);
        assertThat(first.passagesEmbedded()).as("the PDF's wrapped lines read as the text file's passages")
                .isEqualTo(first.chunks() / 2);
        assertThat(first.reusedVectors()).isEqualTo(first.chunks() / 2);
        for (SearchMode mode : SearchMode.values()) {
            List<SearchResult> results = search.search(new SearchRequest("β-amyloid plaques and memory decline",
                    embedder.model().id(), mode, 5));
            assertThat(results).as("one entry for the paper in %s mode", mode).hasSize(1);
            assertThat(List.of(Path.of(results.get(0).path()).getFileName().toString(),
                    Path.of(results.get(0).alsoIn().get(0)).getFileName().toString()))
                    .containsExactlyInAnyOrder("paper.txt", "paper.pdf");
        }
    }

    @Test
    void interruptedRunKeepsFinishedFilesAndResumes() throws Exception {
        for (int i = 0; i < 12; i++) {
            Files.writeString(folder.resolve("note" + i + ".txt"), "Note number " + i + " about topic " + i * 7);
        }
        Thread current = Thread.currentThread();
        IndexListener cancelAfterThree = new IndexListener() {
            @Override
            public void progress(IndexProgress p) {
                if (p.filesDone() == 3) {
                    current.interrupt();
                }
            }
        };
        try {
            indexer.index(List.of(folder), embedder, cancelAfterThree);
        } catch (java.util.concurrent.CancellationException expected) {
            Thread.interrupted();
        }
        long afterCancel = store.status().counts().documents();
        assertThat(afterCancel).isBetween(1L, 5L);

        IndexSummary resumed = indexer.index(List.of(folder), embedder, IndexListener.NONE);
        assertThat(resumed.filesIndexed()).isEqualTo(17 - (int) afterCancel);
        assertThat(store.status().counts().documents()).isEqualTo(17);
    }
}
