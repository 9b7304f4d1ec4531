package dev.semdex.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @TempDir
    Path dir;

    /**
     * An index written before vectors moved to a rowid table opens with every vector kept, and its vectors then take
     * half the pages or less: 1.5 kB vectors no longer spill into an overflow page each.
     */
    @Test
    void vectorsOfAnOlderIndexAreKeptAndStoredCompactly() throws Exception {
        Path file = dir.resolve("index.db");
        int vectors = 2000;
        byte[][] written = new byte[vectors][];
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Migrations.apply(c, 2);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO models(id, dimension, profile, created_at) VALUES ('m', 384, 'p', 0)");
            }
            c.setAutoCommit(false);
            Random random = new Random(1);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO embeddings(model_id, text_hash, vector) VALUES ('m', ?, ?)")) {
                for (int i = 0; i < vectors; i++) {
                    byte[] hash = Hashes.ofText("text " + i);
                    written[i] = new byte[384 * 4];
                    random.nextBytes(written[i]);
                    ps.setBytes(1, hash);
                    ps.setBytes(2, written[i]);
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
        long pagesBefore = embeddingPages(file);

        try (Database db = Database.open(file)) {
            try (Statement st = db.connection().createStatement();
                    ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(Migrations.latest());
            }
            for (int i : List.of(0, 777, vectors - 1)) {
                try (PreparedStatement ps = db.connection().prepareStatement(
                        "SELECT vector FROM embeddings WHERE model_id = 'm' AND text_hash = ?")) {
                    ps.setBytes(1, Hashes.ofText("text " + i));
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getBytes(1)).isEqualTo(written[i]);
                    }
                }
            }
            try (Statement st = db.connection().createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM embeddings")) {
                assertThat(rs.getInt(1)).isEqualTo(vectors);
            }
        }
        long pagesAfter = embeddingPages(file);
        assertThat(pagesBefore).isGreaterThan(vectors * 11L / 10);
        assertThat(pagesAfter).isLessThan(vectors * 3L / 5);
        assertThat(Files.size(file)).isPositive();
    }

    /**
     * An index from before titles and headings keeps answering keyword search after the upgrade (its full-text
     * index is rebuilt with the new fields), and its files are marked for reading again.
     */
    @Test
    void anIndexWithoutTitlesKeepsItsKeywordSearchAndIsMarkedForReadingAgain() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Migrations.apply(c, 3);
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO folders(id, path, added_at) VALUES (1, '/notes', 0)");
                st.execute("INSERT INTO documents(id, folder_id, path, size, mtime, content_hash, media_type, status, "
                        + "indexed_at) VALUES (1, 1, '/notes/trip.md', 10, 1, 'h', 'text/markdown', 'indexed', 0)");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO chunks(document_id, profile, ord, text, "
                    + "start, end, page, text_hash) VALUES (1, 'p', 0, ?, 0, 40, 0, ?)")) {
                ps.setString(1, "Tram 28 climbs to the castle over red roofs.");
                ps.setBytes(2, Hashes.ofText("Tram 28 climbs to the castle over red roofs."));
                ps.executeUpdate();
            }
        }

        try (Database db = Database.open(file)) {
            IndexStore store = new IndexStore(db);
            assertThat(store.chunks().keywordSearch("\"castle\"", "p", 10)).hasSize(1);
            assertThat(store.documents().find("/notes/trip.md")).get()
                    .extracting(StoredDocument::extraction).isEqualTo(0);
            try (Statement st = db.connection().createStatement();
                    ResultSet rs = st.executeQuery("SELECT title, heading FROM chunks")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEmpty();
                assertThat(rs.getString(2)).isEmpty();
            }
        }
    }

    /** Pages of the embeddings table and its index, counted by SQLite's own page statistics. */
    private static long embeddingPages(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM dbstat WHERE name = 'embeddings' "
                        + "OR name LIKE 'sqlite_autoindex_embeddings%'")) {
            return rs.getLong(1);
        }
    }
}
