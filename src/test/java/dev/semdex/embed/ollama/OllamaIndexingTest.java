package dev.semdex.embed.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semdex.Semdex;
import dev.semdex.SemdexException;
import dev.semdex.TestModels;
import dev.semdex.cli.CliRunner;
import dev.semdex.embed.BundledModelFiles;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.extract.FolderScanner;
import dev.semdex.extract.ScanOptions;
import dev.semdex.extract.TextExtractor;
import dev.semdex.index.IndexListener;
import dev.semdex.index.IndexSummary;
import dev.semdex.index.Indexer;
import dev.semdex.models.EmbedderFactory;
import dev.semdex.search.SearchMode;
import dev.semdex.search.SearchRequest;
import dev.semdex.search.SearchService;
import dev.semdex.settings.AppDirs;
import dev.semdex.settings.Settings;
import dev.semdex.store.Database;
import dev.semdex.store.IndexStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder indexed through the fake Ollama server ranks like the same folder indexed with the local model. */
class OllamaIndexingTest {

    private static final List<String> QUERIES = List.of("molten rock from a mountain", "how to make bread",
            "when do I have to submit my tax declaration", "watering plants in the morning",
            "moving a piece on the chessboard", "why satellites stay in orbit", "ecology of rivers");

    @TempDir
    Path tmp;

    private Path folder;
    private FakeOllama server;
    private TextExtractor extractor;
    private OllamaEmbedder remote;

    @BeforeEach
    void setUp() throws Exception {
        folder = Files.createDirectories(tmp.resolve("docs"));
        write("volcano.txt", "Volcanoes erupt when magma rises through the crust. Lava flows and ash clouds "
                + "threaten nearby villages.");
        write("baking.md", "# Sourdough\n\nFeed the starter, knead the dough and bake the bread in a hot oven "
                + "until the crust is golden.");
        write("orbit.txt", "Satellites circle the Earth because gravity bends their path into an ellipse.");
        write("taxes.txt", "Income tax returns must be filed before the April deadline to avoid penalties.");
        write("garden.txt", "Tomatoes need full sun. Water the vegetable garden early in the morning.");
        write("chess.txt", "The knight moves in an L shape across the chessboard; the bishop moves diagonally.");
        write("long.txt", "A long report on river ecology. ".repeat(400));
        server = new FakeOllama();
        extractor = new TextExtractor();
    }

    @AfterEach
    void tearDown() {
        if (remote != null) {
            remote.close();
        }
        extractor.close();
        server.close();
    }

    private void write(String name, String text) throws Exception {
        Files.writeString(folder.resolve(name), text);
    }

    private OllamaEmbedder openRemote() {
        remote = OllamaEmbedder.open(OllamaConfig.of(server.url()).withBatching(4, 2)
                .withRetries(0, Duration.ofMillis(10)), new ModelCatalog().require("ollama:all-minilm"));
        return remote;
    }

    private List<List<String>> indexAndSearch(Embedder embedder, String dbName) {
        try (Database db = Database.open(tmp.resolve(dbName))) {
            IndexStore store = new IndexStore(db);
            new Indexer(store, extractor, new FolderScanner(), ScanOptions.defaults())
                    .index(List.of(folder), embedder, IndexListener.NONE);
            SearchService search = new SearchService(store, id -> embedder, new ModelCatalog());
            return QUERIES.stream().map(q -> search.search(new SearchRequest(q, embedder.model().id(),
                    SearchMode.VECTOR, 10)).stream().map(r -> Path.of(r.path()).getFileName().toString()).toList())
                    .toList();
        }
    }

    @Test
    void remoteAndLocalIndexRankAlike() {
        List<List<String>> local = indexAndSearch(TestModels.minilm(), "local.db");
        List<List<String>> viaOllama = indexAndSearch(openRemote(), "ollama.db");

        assertThat(viaOllama).hasSize(QUERIES.size());
        for (int i = 0; i < QUERIES.size(); i++) {
            assertThat(viaOllama.get(i)).as(QUERIES.get(i)).isNotEmpty();
            assertThat(viaOllama.get(i).get(0)).as(QUERIES.get(i)).isEqualTo(local.get(i).get(0));
            assertThat(viaOllama.get(i).subList(0, 3)).as(QUERIES.get(i)).isEqualTo(local.get(i).subList(0, 3));
            // long.txt is cut into chunks by a different tokenizer (the estimate vs MiniLM's WordPiece), so its
            // score may differ slightly; every single-chunk file gets the same vector and the same place
            assertThat(withoutLong(viaOllama.get(i))).as("top-10 for " + QUERIES.get(i))
                    .isEqualTo(withoutLong(local.get(i)));
        }
        assertThat(viaOllama.get(0).get(0)).isEqualTo("volcano.txt");
        assertThat(viaOllama.get(1).get(0)).isEqualTo("baking.md");
        assertThat(viaOllama.get(6).get(0)).isEqualTo("long.txt");
    }

    private static List<String> withoutLong(List<String> files) {
        return files.stream().filter(f -> !f.equals("long.txt")).toList();
    }

    @Test
    void failedRunKeepsWhatWasStoredAndTheNextRunContinues() {
        OllamaEmbedder embedder = openRemote();
        server.fault(FakeOllama.Fault.BAD_REQUEST, -1); // from the first embedding call: the text is stored by then
        try (Database db = Database.open(tmp.resolve("index.db"))) {
            IndexStore store = new IndexStore(db);
            Indexer indexer = new Indexer(store, extractor, new FolderScanner(), ScanOptions.defaults());
            assertThatThrownBy(() -> indexer.index(List.of(folder), embedder, IndexListener.NONE))
                    .isInstanceOf(SemdexException.class).hasMessageContaining("HTTP 400");
            assertThat(store.status().searchable(embedder.model().id(), embedder.model().chunkProfile()))
                    .as("every file answers keyword search").isEqualTo(new dev.semdex.store.SearchableFiles(7, 0));

            server.fault(FakeOllama.Fault.NONE, 0);
            IndexSummary rerun = indexer.index(List.of(folder), embedder, IndexListener.NONE);
            // The failed run stored every file's text before embedding; the next reads none of them again and
            // embeds what is missing.
            assertThat(rerun.filesIndexed()).as("files read again").isZero();
            assertThat(rerun.filesUnchanged()).isEqualTo(7);
            assertThat(rerun.passagesEmbedded()).isPositive();
            var reach = store.status().searchable(embedder.model().id(), embedder.model().chunkProfile());
            assertThat(reach.byMeaning()).isEqualTo(reach.byWords());
        }
    }

    @Test
    void withTheModelsOwnTokenizerTheRemoteTop10EqualsTheLocalOne() {
        EmbedderFactory factory = new EmbedderFactory(new ModelCatalog(), new BundledModelFiles(tmp.resolve("cache")),
                1);
        factory.ollama(OllamaConfig.of(server.url()).withBatching(4, 2).withRetries(0, Duration.ofMillis(10)));
        try (Embedder viaFactory = factory.open("ollama:all-minilm")) {
            assertThat(viaFactory.model().id()).isEqualTo("ollama:all-minilm@" + server.url().substring(7));
            assertThat(viaFactory.model().chunkProfile()).as("chunks shared with the local MiniLM")
                    .isEqualTo(TestModels.minilm().model().chunkProfile());
            List<List<String>> local = indexAndSearch(TestModels.minilm(), "local.db");
            List<List<String>> viaOllama = indexAndSearch(viaFactory, "ollama.db");
            assertThat(viaOllama).isEqualTo(local);
            assertThat(viaFactory.warnings()).isEmpty();
        }
    }

    @Test
    void cliIndexesStoresTheServerInTheIdListsAndRemovesTheModel() throws Exception {
        Path data = tmp.resolve("data");
        String url = server.url();
        CliRunner.Result index = CliRunner.run("--data-dir", data.toString(), "index", folder.toString(), "--model",
                "ollama:all-minilm", "--ollama-url", url);
        assertThat(index.exitCode()).as(index.err()).isZero();
        String id = "ollama:all-minilm@" + url.substring("http://".length());
        try (Semdex semdex = Semdex.open(AppDirs.under(data), Settings.defaults().withEmbeddingThreads(1))) {
            assertThat(semdex.store().models().all()).containsOnlyKeys(id);
        }
        CliRunner.Result search = CliRunner.run("--data-dir", data.toString(), "search", "molten rock", "--model",
                "ollama:all-minilm", "--ollama-url", url, "--mode", "vector", "-k", "1", "--json");
        assertThat(search.exitCode()).as(search.err()).isZero();
        assertThat(search.out()).contains("volcano.txt");

        CliRunner.Result models = CliRunner.run("--data-dir", data.toString(), "models", "--ollama-url", url);
        assertThat(models.exitCode()).isZero();
        assertThat(models.out()).containsPattern("ollama:all-minilm:latest@127\\.0\\.0\\.1:\\d+ .*Ollama");
        CliRunner.Result down = CliRunner.run("--data-dir", data.toString(), "models", "--ollama-url",
                "http://127.0.0.1:9");
        assertThat(down.exitCode()).as("an unreachable server is a line, not a failure").isZero();
        assertThat(down.out()).contains("all-minilm-l6-v2").contains("Ollama server http://127.0.0.1:9 not reachable");

        CliRunner.Result removed = CliRunner.run("--data-dir", data.toString(), "models", "remove",
                "ollama:all-minilm", "--ollama-url", url);
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(removed.out()).contains("Removed " + id).doesNotContain(" 0 vectors");
        try (Semdex semdex = Semdex.open(AppDirs.under(data), Settings.defaults().withEmbeddingThreads(1))) {
            assertThat(semdex.store().models().all()).isEmpty();
        }
    }
}
