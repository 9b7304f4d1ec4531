package dev.semdex.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.semdex.TestModels;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.extract.FolderScanner;
import dev.semdex.extract.ScanOptions;
import dev.semdex.extract.TextExtractor;
import dev.semdex.search.SearchMode;
import dev.semdex.search.SearchRequest;
import dev.semdex.search.SearchService;
import dev.semdex.store.Database;
import dev.semdex.store.IndexStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A git checkout of real code nobody here wrote (the {@code json} package of Debian's Python standard library, with
 * the library's licence and the {@code email} package's design notes) indexed as a user would: by default its prose
 * is searchable and its code is counted as not documents, never listed as skipped; opting in indexes the code;
 * opting out again takes it out of the results.
 */
class SourceCodeIndexingTest {

    @TempDir
    Path tmp;

    private final Embedder embedder = TestModels.minilm();
    private Path checkout;
    private Database db;
    private IndexStore store;
    private TextExtractor extractor;
    private SearchService search;

    @BeforeEach
    void setUp() throws Exception {
        Path lib = pythonLib();
        assumeThat(lib).as("Debian's python3 standard library under /usr/lib/python3.*").isNotNull();
        checkout = Files.createDirectories(tmp.resolve("json-project"));
        Files.createDirectories(checkout.resolve("json"));
        for (String module : List.of("__init__.py", "decoder.py", "encoder.py", "scanner.py", "tool.py")) {
            Files.copy(lib.resolve("json").resolve(module), checkout.resolve("json").resolve(module));
        }
        Files.copy(lib.resolve("LICENSE.txt"), checkout.resolve("LICENSE.txt"));
        Files.copy(lib.resolve("email/architecture.rst"), checkout.resolve("architecture.rst"));
        Git.init().setDirectory(checkout.toFile()).call().close();
        Path module = Files.createDirectories(checkout.resolve("node_modules/json5"));
        Files.copy(lib.resolve("json/decoder.py"), module.resolve("decoder.py"));
        Files.copy(lib.resolve("LICENSE.txt"), module.resolve("README.md"));
        db = Database.open(tmp.resolve("index.db"));
        store = new IndexStore(db);
        extractor = new TextExtractor();
        search = new SearchService(store, id -> embedder, new ModelCatalog());
    }

    @AfterEach
    void tearDown() {
        if (extractor != null) {
            extractor.close();
            db.close();
        }
    }

    @Test
    void aCheckoutGivesItsProseByDefaultItsCodeOnRequestAndItsDependenciesNever() {
        IndexSummary prose = index(false);

        assertThat(prose.filesIndexed()).as("LICENSE.txt and architecture.rst").isEqualTo(2);
        assertThat(prose.notDocuments()).as("the five modules").isEqualTo(5);
        assertThat(prose.skipped()).as("nothing listed as a problem").isEmpty();
        assertThat(files("how are JSON strings decoded into Python objects")).doesNotContain("decoder.py")
                .allMatch(f -> f.equals("LICENSE.txt") || f.equals("architecture.rst"));

        IndexSummary code = index(true);

        assertThat(code.filesIndexed()).as("the modules, read now although they did not change").isEqualTo(5);
        assertThat(code.skipped()).isEmpty();
        assertThat(files("scanstring decode a JSON string with escape sequences")).first().isEqualTo("decoder.py");
        assertThat(files("JSON")).noneMatch(f -> f.equals("README.md"));

        IndexSummary back = index(false);

        assertThat(back.notDocuments()).isEqualTo(5);
        assertThat(files("scanstring decode a JSON string with escape sequences")).doesNotContain("decoder.py",
                "encoder.py", "scanner.py");
        assertThat(index(false).filesIndexed()).as("settled").isZero();
    }

    private IndexSummary index(boolean sourceCode) {
        Indexer indexer = new Indexer(store, extractor, new FolderScanner(),
                ScanOptions.defaults().withSourceCode(sourceCode));
        IndexSummary summary = indexer.index(List.of(checkout), embedder, IndexListener.NONE);
        search.invalidateAll();
        return summary;
    }

    private List<String> files(String query) {
        return search.search(new SearchRequest(query, embedder.model().id(), SearchMode.HYBRID, 10)).stream()
                .map(r -> Path.of(r.path()).getFileName().toString()).toList();
    }

    private static Path pythonLib() throws Exception {
        try (Stream<Path> dirs = Files.list(Path.of("/usr/lib"))) {
            return dirs.filter(d -> d.getFileName().toString().matches("python3\\.\\d+"))
                    .filter(d -> Files.isRegularFile(d.resolve("json/decoder.py"))
                            && Files.isRegularFile(d.resolve("email/architecture.rst")))
                    .findFirst().orElse(null);
        }
    }
}
