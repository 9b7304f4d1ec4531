package dev.semdex.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.semdex.TestModels;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.extract.FolderScanner;
import dev.semdex.extract.OcrOptions;
import dev.semdex.extract.OcrReader;
import dev.semdex.extract.ScanOptions;
import dev.semdex.extract.TextExtractor;
import dev.semdex.lab.bench.ScannedDocuments;
import dev.semdex.lab.bench.ScannedDocuments.Scan;
import dev.semdex.search.SearchMode;
import dev.semdex.search.SearchRequest;
import dev.semdex.search.SearchResult;
import dev.semdex.search.SearchService;
import dev.semdex.store.Database;
import dev.semdex.store.IndexStore;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images and scans through the whole indexing pipeline: the OCR stage, its progress, its time, cancel, re-runs. */
class OcrIndexingTest {

    private static final Scan SCAN = new Scan(200, 0.7, 0.002);

    @TempDir
    Path tmp;

    private Path folder;
    private Database db;
    private IndexStore store;
    private TextExtractor extractor;
    private final Embedder embedder = TestModels.embedder(ModelCatalog.DEFAULT_MODEL);
    private final OcrReader ocr = OcrReader.open(OcrOptions.defaults());

    @BeforeEach
    void setUp() throws Exception {
        assumeThat(ocr.available()).as("Tesseract installed").isTrue();
        folder = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(folder.resolve("volcano.txt"), "Volcanoes erupt when magma rises through the crust.");
        ScannedDocuments.write(folder.resolve("receipt.png"), "png", "Hardware store receipt",
                "Two litres of exterior paint, a roller and masking tape, paid by card.", SCAN, 1);
        ScannedDocuments.writePdf(folder.resolve("letter.pdf"), List.of(
                page("Dear tenant, the annual heating inspection takes place next month."),
                page("The plumber will replace the corroded radiator valves in the basement.")), SCAN.dpi());
        db = Database.open(tmp.resolve("index.db"));
        store = new IndexStore(db);
        extractor = new TextExtractor();
    }

    @AfterEach
    void tearDown() {
        if (extractor != null) {
            extractor.close();
            db.close();
        }
    }

    private Indexer indexer(OcrReader reader) {
        return new Indexer(store, extractor, new FolderScanner(), ScanOptions.defaults(), reader);
    }

    private static BufferedImage page(String text) {
        return ScannedDocuments.render("", text, SCAN, 2).get(0);
    }

    @Test
    void scansAreReadInTheirOwnStageAndFoundWithTheirPage() {
        List<IndexProgress> progress = new CopyOnWriteArrayList<>();
        IndexSummary summary = indexer(ocr).index(List.of(folder), embedder, new IndexListener() {
            @Override
            public void progress(IndexProgress p) {
                progress.add(p);
            }
        });

        assertThat(summary.skipped()).isEmpty();
        assertThat(summary.filesIndexed()).isEqualTo(3);
        assertThat(summary.stages().ocrPages()).isEqualTo(3);
        assertThat(summary.stages().ocr()).isPositive();
        assertThat(progress).filteredOn(p -> p.ocr() != null).extracting(p -> p.ocr().describe())
                .isSubsetOf("OCR page 1 of 1", "OCR page 1 of 2", "OCR page 2 of 2");
        assertThat(progress.get(progress.size() - 1).filesDone()).isEqualTo(3);

        SearchService search = new SearchService(store, id -> embedder, new ModelCatalog());
        SearchResult valves = search.search(new SearchRequest("who fixes the radiator valves", embedder.model().id(),
                SearchMode.HYBRID, 1)).get(0);
        assertThat(Path.of(valves.path()).getFileName()).hasToString("letter.pdf");
        assertThat(valves.page()).isEqualTo(2);
        SearchResult paint = search.search(new SearchRequest("paint roller", embedder.model().id(),
                SearchMode.KEYWORD, 1)).get(0);
        assertThat(Path.of(paint.path()).getFileName()).hasToString("receipt.png");
    }

    @Test
    void withoutTesseractImagesAreListedAsSkippedWithTheFix() throws Exception {
        Path nowhere = Files.createDirectories(tmp.resolve("no-tesseract"));
        OcrReader missing = OcrReader.open(OcrOptions.defaults().withTesseractFolder(nowhere.toString()));

        IndexSummary summary = indexer(missing).index(List.of(folder), embedder, IndexListener.NONE);

        Map<String, String> skipped = summary.skipped().stream().collect(Collectors.toMap(
                e -> Path.of(e.path()).getFileName().toString(), IndexSummary.SkippedEntry::reason));
        assertThat(skipped).containsEntry("receipt.png", "install tesseract-ocr to search the text in images")
                .containsEntry("letter.pdf", "no text found; install tesseract-ocr to search the text in images");
        assertThat(summary.filesIndexed()).isEqualTo(1);

        // Once Tesseract is there, the same unchanged files are read.
        IndexSummary again = indexer(ocr).index(List.of(folder), embedder, IndexListener.NONE);
        assertThat(again.skipped()).isEmpty();
        assertThat(again.filesIndexed()).isEqualTo(2);
    }

    @Test
    void anImageRewrittenWithTheSameTextIsReadAgainButNotEmbeddedAgain() throws Exception {
        indexer(ocr).index(List.of(folder), embedder, IndexListener.NONE);
        Path receipt = folder.resolve("receipt.png");
        BufferedImage same = ImageIO.read(receipt.toFile());
        Files.delete(receipt);
        ImageIO.write(same, "png", receipt.toFile()); // other bytes (no resolution chunk), same pixels

        IndexSummary again = indexer(ocr).index(List.of(folder), embedder, IndexListener.NONE);

        assertThat(again.filesIndexed()).isEqualTo(1);
        assertThat(again.stages().ocrPages()).isEqualTo(1);
        assertThat(again.chunks()).isPositive();
        assertThat(again.passagesEmbedded()).isZero();
        assertThat(again.reusedVectors()).isEqualTo(again.chunks());
    }

    @Test
    void cancellingStopsTesseractMidPage() throws Exception {
        StringBuilder wall = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            wall.append("The plumber will replace the corroded radiator valves in the basement. ");
        }
        ScannedDocuments.write(folder.resolve("wall.png"), "png", "Wall", wall.toString(), new Scan(300, 0, 0), 3);
        CountDownLatch reading = new CountDownLatch(1);
        AtomicReference<Thread> runner = new AtomicReference<>();
        CompletableFuture<IndexSummary> run = CompletableFuture.supplyAsync(() -> {
            runner.set(Thread.currentThread());
            return indexer(ocr).index(List.of(folder), embedder, new IndexListener() {
                @Override
                public void progress(IndexProgress p) {
                    if (p.ocr() != null && p.ocr().file().getFileName().toString().equals("wall.png")) {
                        reading.countDown();
                    }
                }
            });
        });
        assertThat(reading.await(60, TimeUnit.SECONDS)).isTrue();
        runner.get().interrupt();

        assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(CancellationException.class);
        Thread.sleep(200);
        assertThat(ProcessHandle.current().descendants()
                .filter(p -> p.info().command().orElse("").endsWith("tesseract")).count()).isZero();
    }
}
