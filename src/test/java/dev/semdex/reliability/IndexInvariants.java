package dev.semdex.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.semdex.store.Database;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/** What must hold in an index after any crash: a consistent file, and every document complete or absent. */
final class IndexInvariants {

    private IndexInvariants() {}

    /** Checks the invariants and returns the paths of the documents the model has completely indexed. */
    static Set<String> check(Path dbFile, String modelId) {
        try (Database db = Database.open(dbFile)) {
            return db.read(c -> {
                try (Statement st = c.createStatement()) {
                    try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                        rs.next();
                        assertThat(rs.getString(1)).as("integrity_check").isEqualTo("ok");
                    }
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM (SELECT document_id, profile, ord "
                            + "FROM chunks GROUP BY 1, 2, 3 HAVING count(*) > 1)")) {
                        rs.next();
                        assertThat(rs.getInt(1)).as("duplicated chunks").isZero();
                    }
                    // A document the model has done has a vector for every one of its chunks.
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM document_models dm "
                            + "JOIN models m ON m.id = dm.model_id "
                            + "JOIN chunks c ON c.document_id = dm.document_id AND c.profile = m.profile "
                            + "LEFT JOIN embeddings e ON e.model_id = dm.model_id AND e.text_hash = c.text_hash "
                            + "WHERE e.text_hash IS NULL")) {
                        rs.next();
                        assertThat(rs.getInt(1)).as("chunks of finished documents without a vector").isZero();
                    }
                    // A file's text is written whole or not at all: its passages of a profile have no gap, and only
                    // indexed files have passages. Its vectors may come later (the run's second phase).
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM (SELECT document_id, profile FROM chunks "
                            + "GROUP BY 1, 2 HAVING max(ord) - min(ord) + 1 != count(*))")) {
                        rs.next();
                        assertThat(rs.getInt(1)).as("files with part of their passages").isZero();
                    }
                    try (ResultSet rs = st.executeQuery("SELECT count(DISTINCT c.document_id) FROM chunks c "
                            + "JOIN documents d ON d.id = c.document_id WHERE d.status != 'indexed'")) {
                        rs.next();
                        assertThat(rs.getInt(1)).as("passages of files not indexed").isZero();
                    }
                    // FTS5 compares its index with the chunks table and fails if they disagree.
                    st.execute("INSERT INTO chunks_fts(chunks_fts) VALUES('integrity-check')");
                    Set<String> done = new HashSet<>();
                    try (ResultSet rs = st.executeQuery("SELECT d.path FROM documents d JOIN document_models dm "
                            + "ON dm.document_id = d.id WHERE dm.model_id = '" + modelId + "'")) {
                        while (rs.next()) {
                            done.add(rs.getString(1));
                        }
                    }
                    return done;
                }
            });
        }
    }

    /** How many files have their text stored (finished or waiting for their vectors). */
    static int withText(Path dbFile) {
        try (Database db = Database.open(dbFile)) {
            return db.read(c -> {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT count(DISTINCT document_id) FROM chunks")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
        }
    }
}
