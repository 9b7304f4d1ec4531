package dev.semdex.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semdex.SemdexException;
import dev.semdex.TestModels;
import dev.semdex.embed.ModelCatalog;
import dev.semdex.extract.FolderScanner;
import dev.semdex.extract.ScanOptions;
import dev.semdex.extract.TextExtractor;
import dev.semdex.index.IndexListener;
import dev.semdex.index.Indexer;
import dev.semdex.search.SearchMode;
import dev.semdex.search.SearchRequest;
import dev.semdex.search.SearchService;
import dev.semdex.store.Database;
import dev.semdex.store.IndexStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk in the middle of indexing: SQLite is capped at its current size plus a little ({@code PRAGMA
 * max_page_count}, which fails exactly as a full disk does), so a run stops with a clear message and the index
 * keeps every file finished before, still searchable and intact.
 */
@Tag("reliability")
class DiskFullTest {

    @TempDir
    Path tmp;

    @Test
    void aFullDiskStopsIndexingWithAClearMessageAndKeepsTheIndexUsable() throws Exception {
        Path docs = tmp.resolve("docs");
        Corpora.write(docs, 300);
        Path dbFile = tmp.resolve("data").resolve("index.db");
        try (Database db = Database.open(dbFile); TextExtractor extractor = new TextExtractor()) {
            IndexStore store = new IndexStore(db);
            int pages = db.read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA page_count")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            // About 40 files' worth of room.
            db.read(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA max_page_count = " + (pages + 60));
                }
                return null;
            });
            Indexer indexer = new Indexer(store, extractor, new FolderScanner(), ScanOptions.defaults());
            assertThatThrownBy(() -> indexer.index(List.of(docs), TestModels.minilm(), IndexListener.NONE))
                    .isInstanceOf(SemdexException.class).hasMessageContaining("disk holding the index is full");

            // The disk fills while the files' text is stored, before the model embeds any: what was stored
            // answers keyword search, and hybrid search falls back to it.
            long searchable = store.status().searchable(TestModels.minilm().model().id(),
                    TestModels.minilm().model().chunkProfile()).byWords();
            assertThat(searchable).isBetween(1L, 299L);
            SearchService search = new SearchService(store, id -> TestModels.minilm(), new ModelCatalog());
            assertThat(search.search(new SearchRequest("protein expression in cells", TestModels.minilm().model().id(),
                    SearchMode.HYBRID, 5, null))).isNotEmpty();
        }
        IndexInvariants.check(dbFile, TestModels.minilm().model().id());
        assertThat(Files.size(dbFile)).isPositive();
    }
}
