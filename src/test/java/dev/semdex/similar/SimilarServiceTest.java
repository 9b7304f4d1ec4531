package dev.semdex.similar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semdex.SemdexException;
import dev.semdex.TestModels;
import dev.semdex.embed.Embedder;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.extract.FolderScanner;
import dev.semdex.extract.ScanOptions;
import dev.semdex.extract.TextExtractor;
import dev.semdex.index.IndexListener;
import dev.semdex.index.Indexer;
import dev.semdex.search.SearchService;
import dev.semdex.store.IndexStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** More like this on real abstracts, one of them cut into two files, with copies of both halves. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimilarServiceTest {

    @TempDir
    static Path tmp;

    private SplitDocuments docs;
    private IndexStore store;
    private TextExtractor extractor;
    private SimilarService similar;
    private final Embedder embedder = TestModels.minilm();
    private String model;

    @BeforeAll
    void index() throws Exception {
        docs = SplitDocuments.write(tmp.resolve("docs"));
        Files.copy(docs.firstHalf, docs.folder.resolve("part-1 (copy).txt"));
        Files.copy(docs.secondHalf, docs.folder.resolve("part-2 again.txt"));
        // the same passages in other bytes: a copy saved with Windows line ends
        Files.writeString(docs.folder.resolve("part-1 (windows).txt"),
                Files.readString(docs.firstHalf).replace("\n", "\r\n"));
        store = IndexStore.open(tmp.resolve("index.db"));
        extractor = new TextExtractor();
        new Indexer(store, extractor, new FolderScanner(), ScanOptions.defaults())
                .index(List.of(docs.folder), embedder, IndexListener.NONE);
        model = embedder.model().id();
        similar = new SimilarService(store, new SearchService(store, id -> embedder, new ModelCatalog()),
                () -> extractor, PassageModels.of(embedder));
    }

    @AfterAll
    void close() {
        extractor.close();
        store.close();
    }

    private static String name(String path) {
        return Path.of(path).getFileName().toString();
    }

    @Test
    void theOtherHalfOfADocumentComesFirst() throws Exception {
        SimilarAnswer answer = similar.similarToFile(docs.firstHalf, model, 5);

        assertThat(answer.source().fromIndex()).isTrue();
        assertThat(answer.files()).hasSize(5);
        SimilarFile first = answer.files().get(0);
        assertThat(name(first.path())).isIn("part-2.txt", "part-2 again.txt");
        assertThat(first.score()).isGreaterThan(answer.files().get(1).score());
        // the closest pair: a passage of this half next to a passage of the other
        assertThat(Files.readString(docs.firstHalf)).contains(first.closest().sourceText());
        assertThat(docs.secondHalfText).contains(first.closest().text().strip());
    }

    @Test
    void copiesOfTheSourceAreLeftOutAndCopiesOfAResultGrouped() {
        SimilarAnswer answer = similar.similarToFile(docs.firstHalf, model, 10);

        List<String> shown = answer.files().stream().map(f -> name(f.path())).toList();
        assertThat(shown).doesNotContain("part-1.txt", "part-1 (copy).txt");
        assertThat(answer.sourceCopies()).extracting(SimilarServiceTest::name)
                .containsExactlyInAnyOrder("part-1 (copy).txt", "part-1 (windows).txt");
        assertThat(shown).containsOnlyOnce(shown.get(0));
        assertThat(shown).filteredOn(n -> n.startsWith("part-2")).hasSize(1);
        assertThat(answer.files().get(0).copies()).extracting(SimilarServiceTest::name).hasSize(1)
                .allMatch(n -> n.startsWith("part-2") && !n.equals(shown.get(0)));
    }

    @Test
    void aFileFromOutsideTheIndexIsReadAndEmbeddedNow() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("elsewhere")).resolve("draft.txt");
        Files.copy(docs.secondHalf, outside);

        SimilarAnswer answer = similar.similarToFile(outside, model, 3);

        assertThat(answer.source().fromIndex()).isFalse();
        SimilarFile first = answer.files().get(0);
        assertThat(name(first.path())).startsWith("part-1");
        assertThat(first.copies()).extracting(SimilarServiceTest::name).hasSize(2)
                .allMatch(n -> n.startsWith("part-1") && !n.equals(name(first.path())));
        assertThat(answer.sourceCopies()).extracting(SimilarServiceTest::name)
                .containsExactlyInAnyOrder("part-2.txt", "part-2 again.txt");
    }

    @Test
    void aPieceOfTextFindsTheFileItComesFrom() {
        // a few sentences, as a reader selects them in the preview
        String selected = docs.secondHalfText.substring(docs.secondHalfText.length() / 3,
                docs.secondHalfText.lastIndexOf('.', docs.secondHalfText.length() * 2 / 3) + 1).strip();

        SimilarAnswer answer = similar.similarToText(selected, model, 3);

        assertThat(name(answer.files().get(0).path())).startsWith("part-2");
        assertThat(answer.files().get(0).closest().text()).contains(selected);
        assertThat(answer.sourceCopies()).isEmpty();
    }

    @Test
    void badSourcesGetOneClearLine() {
        assertThatThrownBy(() -> similar.similarToFile(tmp.resolve("missing.txt"), model, 3))
                .isInstanceOf(SemdexException.class).hasMessageContaining("missing.txt");
        assertThatThrownBy(() -> similar.similarToText("  ", model, 3))
                .isInstanceOf(SemdexException.class).hasMessage("Give some text to find files like it.");
        assertThatThrownBy(() -> similar.similarToText("anything", "bge-small-en-v1.5", 3))
                .isInstanceOf(SemdexException.class).hasMessageContaining("no passages of bge-small-en-v1.5");
    }
}
