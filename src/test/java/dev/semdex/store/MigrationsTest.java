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
