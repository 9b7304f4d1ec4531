package dev.semdex.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Schema versions, applied in order and recorded in {@code PRAGMA user_version}. Add a step, never edit one that
 * has shipped: users' indexes were created by it.
 */
final class Migrations {

    private static final List<List<String>> STEPS = List.of(List.of(
            """
            CREATE TABLE folders(
                id INTEGER PRIMARY KEY,
                path TEXT NOT NULL UNIQUE,
                exclusions TEXT NOT NULL DEFAULT '',
                added_at INTEGER NOT NULL,
                last_indexed_at INTEGER)""",
            """
            CREATE TABLE documents(
                id INTEGER PRIMARY KEY,
                folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
                path TEXT NOT NULL UNIQUE,
                size INTEGER NOT NULL,
                mtime INTEGER NOT NULL,
                content_hash TEXT,
                media_type TEXT,
                status TEXT NOT NULL CHECK (status IN ('indexed', 'skipped')),
                error TEXT,
                indexed_at INTEGER NOT NULL)""",
            "CREATE INDEX documents_folder ON documents(folder_id)",
            """
            CREATE TABLE chunks(
                id INTEGER PRIMARY KEY,
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                profile TEXT NOT NULL,
                ord INTEGER NOT NULL,
                text TEXT NOT NULL,
                start INTEGER NOT NULL,
                end INTEGER NOT NULL,
                page INTEGER NOT NULL DEFAULT 0,
                text_hash BLOB NOT NULL,
                UNIQUE(document_id, profile, ord))""",
            "CREATE INDEX chunks_profile ON chunks(profile, text_hash)",
            "CREATE INDEX chunks_hash ON chunks(text_hash)",
            """
            CREATE VIRTUAL TABLE chunks_fts USING fts5(
                text, content='chunks', content_rowid='id', tokenize='porter unicode61')""",
            """
            CREATE TRIGGER chunks_ai AFTER INSERT ON chunks BEGIN
                INSERT INTO chunks_fts(rowid, text) VALUES (new.id, new.text);
            END""",
            """
            CREATE TRIGGER chunks_ad AFTER DELETE ON chunks BEGIN
                INSERT INTO chunks_fts(chunks_fts, rowid, text) VALUES ('delete', old.id, old.text);
            END""",
            """
            CREATE TABLE models(
                id TEXT PRIMARY KEY,
                dimension INTEGER NOT NULL,
                profile TEXT NOT NULL,
                created_at INTEGER NOT NULL)""",
            """
            CREATE TABLE embeddings(
                model_id TEXT NOT NULL REFERENCES models(id) ON DELETE CASCADE,
                text_hash BLOB NOT NULL,
                vector BLOB NOT NULL,
                PRIMARY KEY(model_id, text_hash)) WITHOUT ROWID""",
            """
            CREATE TABLE document_models(
                document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                model_id TEXT NOT NULL REFERENCES models(id) ON DELETE CASCADE,
                indexed_at INTEGER NOT NULL,
                PRIMARY KEY(document_id, model_id)) WITHOUT ROWID""",
            "CREATE INDEX document_models_model ON document_models(model_id)"),
            List.of("""
            CREATE TABLE judgements(
                query TEXT NOT NULL,
                path TEXT NOT NULL,
                relevant INTEGER NOT NULL,
                judged_at INTEGER NOT NULL,
                PRIMARY KEY(query, path)) WITHOUT ROWID"""),
            // Vectors move to a rowid table: in a WITHOUT ROWID table a row longer than about 1 kB spills into an
            // overflow page of its own, so each 1.5 kB vector took two 4 kB pages, far more disk than
            // the vectors themselves; a rowid table keeps rows up to 4 kB inside its pages.
            List.of("""
            CREATE TABLE embeddings_rows(
                model_id TEXT NOT NULL REFERENCES models(id) ON DELETE CASCADE,
                text_hash BLOB NOT NULL,
                vector BLOB NOT NULL,
                UNIQUE(model_id, text_hash))""",
            "INSERT INTO embeddings_rows(model_id, text_hash, vector) "
                    + "SELECT model_id, text_hash, vector FROM embeddings",
            "DROP TABLE embeddings",
            "ALTER TABLE embeddings_rows RENAME TO embeddings"),
            // Titles and heading paths: searchable in fields of their own, so a page whose title answers the query
            // can win without repeating the title in every passage. Each chunk keeps its document's title because an
            // FTS5 table indexes the columns of one table. Files read by an older extraction (extraction 0) are read
            // again by the next run; their passages' vectors are kept wherever the passage text is unchanged.
            List.of("ALTER TABLE documents ADD COLUMN title TEXT NOT NULL DEFAULT ''",
                    "ALTER TABLE documents ADD COLUMN extraction INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE documents ADD COLUMN listing INTEGER NOT NULL DEFAULT 0",
                    "ALTER TABLE chunks ADD COLUMN title TEXT NOT NULL DEFAULT ''",
                    "ALTER TABLE chunks ADD COLUMN heading TEXT NOT NULL DEFAULT ''",
                    "DROP TRIGGER chunks_ai",
                    "DROP TRIGGER chunks_ad",
                    "DROP TABLE chunks_fts",
                    """
                    CREATE VIRTUAL TABLE chunks_fts USING fts5(
                        text, title, heading, content='chunks', content_rowid='id', tokenize='porter unicode61')""",
                    """
                    CREATE TRIGGER chunks_ai AFTER INSERT ON chunks BEGIN
                        INSERT INTO chunks_fts(rowid, text, title, heading)
                        VALUES (new.id, new.text, new.title, new.heading);
                    END""",
                    """
                    CREATE TRIGGER chunks_ad AFTER DELETE ON chunks BEGIN
                        INSERT INTO chunks_fts(chunks_fts, rowid, text, title, heading)
                        VALUES ('delete', old.id, old.text, old.title, old.heading);
                    END""",
                    "INSERT INTO chunks_fts(chunks_fts) VALUES ('rebuild')"),
            // Labels: the user's categories, and what they said about files (this file is that label, or is not).
            // Files are kept by path, as judgements are, so what a user taught survives re-indexing.
            List.of("""
                    CREATE TABLE labels(
                        name TEXT PRIMARY KEY COLLATE NOCASE,
                        words TEXT NOT NULL,
                        created_at INTEGER NOT NULL)""",
                    """
                    CREATE TABLE label_feedback(
                        path TEXT NOT NULL,
                        label TEXT NOT NULL REFERENCES labels(name) ON DELETE CASCADE ON UPDATE CASCADE,
                        belongs INTEGER NOT NULL,
                        judged_at INTEGER NOT NULL,
                        PRIMARY KEY(path, label)) WITHOUT ROWID""",
                    "CREATE INDEX label_feedback_label ON label_feedback(label)"),
            // Pictures embedded by a two-tower (CLIP-style) model's image tower: one vector per image file and
            // model, with the content hash it was made from, so a changed image is embedded again. Apart from the
            // passages' vectors because a picture is no passage: it has no text to key it by.
            List.of("""
                    CREATE TABLE pictures(
                        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                        model_id TEXT NOT NULL,
                        content_hash TEXT NOT NULL,
                        vector BLOB NOT NULL,
                        PRIMARY KEY(document_id, model_id)) WITHOUT ROWID""",
                    "CREATE INDEX pictures_model ON pictures(model_id)"));

    private Migrations() {}

    static int latest() {
        return STEPS.size();
    }

    static void apply(Connection connection) throws SQLException {
        apply(connection, STEPS.size());
    }

    /** Brings the schema up to {@code target} (tests build older indexes with it). */
    static void apply(Connection connection, int target) throws SQLException {
        int version;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > STEPS.size()) {
            throw new SQLException("This index was written by a newer Semdex (schema " + version + ").");
        }
        for (int v = version; v < target; v++) {
            connection.setAutoCommit(false);
            try {
                Database.executeAll(connection, STEPS.get(v));
                Database.executeAll(connection, List.of("PRAGMA user_version = " + (v + 1)));
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
