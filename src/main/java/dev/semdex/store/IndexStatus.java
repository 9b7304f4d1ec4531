package dev.semdex.store;

import dev.semdex.extract.SkipReasons;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;

/** How much the index holds, overall, per folder and per model: counted by SQLite, without loading any rows. */
public final class IndexStatus {

    private final Database db;

    IndexStatus(Database db) {
        this.db = db;
    }

    /** Skipped files worth telling the user about: not the site and build assets, which are only counted. */
    static final String PROBLEM = "error NOT LIKE '" + SkipReasons.NOT_A_DOCUMENT + "%'";

    public IndexCounts counts() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT (SELECT count(*) FROM documents WHERE status = 'indexed'), "
                            + "(SELECT count(*) FROM documents WHERE status = 'skipped' AND " + PROBLEM + "), (SELECT count(*) FROM chunks)");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new IndexCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        });
    }

    /**
     * A folder's files, skipped files and passages. Each chunking profile (a model's tokenizer and length) cuts the
     * files into passages of its own, so the passages are those of the profile that cut the most, not the sum over
     * every model: adding a model does not make a folder look bigger.
     */
    public FolderCounts folderCounts(long folderId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT (SELECT count(*) FROM documents WHERE folder_id = ?1 AND status = 'indexed'), "
                            + "(SELECT count(*) FROM documents WHERE folder_id = ?1 AND status = 'skipped' AND " + PROBLEM + "), "
                            + "(SELECT max(n) FROM (SELECT count(*) n FROM chunks c JOIN documents d "
                            + "ON d.id = c.document_id WHERE d.folder_id = ?1 GROUP BY c.profile))")) {
                ps.setLong(1, folderId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new FolderCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), passagesByProfile(c,
                            folderId));
                }
            }
        });
    }

    private static Map<String, Long> passagesByProfile(Connection c, long folderId) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT c.profile, count(*) FROM chunks c JOIN documents d "
                + "ON d.id = c.document_id WHERE d.folder_id = ? GROUP BY c.profile ORDER BY c.profile")) {
            ps.setLong(1, folderId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    /** Vectors per model: how many chunks and files each model covers. */
    public Map<String, Long> vectorCounts() {
        return db.read(c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT m.id, (SELECT count(*) FROM chunks c JOIN embeddings e ON e.text_hash = c.text_hash "
                            + "AND e.model_id = m.id WHERE c.profile = m.profile) FROM models m ORDER BY m.id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /**
     * Bytes the model's vectors take in the index file (the stored floats, without SQLite's page overhead). Every
     * vector of a model has its dimension, so counting the keys gives it without reading the vectors themselves.
     */
    public long vectorBytes(String modelId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) * 4 * (SELECT dimension FROM models "
                    + "WHERE id = ?1) FROM embeddings WHERE model_id = ?1")) {
                ps.setString(1, modelId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /**
     * Files a model's search covers: by words, every indexed file with passages cut the model's way; by meaning,
     * those of them the model has embedded. Between the two phases of a run the first is ahead.
     */
    public SearchableFiles searchable(String modelId, String profile) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*), count(m.document_id) FROM documents d "
                    + "LEFT JOIN document_models m ON m.document_id = d.id AND m.model_id = ?1 "
                    + "WHERE d.status = 'indexed' AND EXISTS (SELECT 1 FROM chunks c WHERE c.document_id = d.id "
                    + "AND c.profile = ?2)")) {
                ps.setString(1, modelId);
                ps.setString(2, profile);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new SearchableFiles(rs.getLong(1), rs.getLong(2));
                }
            }
        });
    }
}
