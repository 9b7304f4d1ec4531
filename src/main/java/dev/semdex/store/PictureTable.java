package dev.semdex.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * One vector per image file and two-tower model, made by the model's image tower. A picture is found by its
 * document; the file's passages (its OCR text, or one empty passage for a photo without text) show it in results.
 */
public final class PictureTable {

    /** An image file of the index whose picture the model has not embedded, or embedded from other content. */
    public record Waiting(long documentId, String path, String contentHash) {}

    private final Database db;

    PictureTable(Database db) {
        this.db = db;
    }

    /** Image files of the folder without a current vector of the model, in the order they were stored. */
    public List<Waiting> waiting(long folderId, String modelId) {
        return db.read(c -> {
            List<Waiting> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.path, d.content_hash FROM documents d "
                    + "WHERE d.folder_id = ? AND d.status = 'indexed' AND d.media_type LIKE 'image/%' "
                    + "AND d.content_hash IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pictures p "
                    + "WHERE p.document_id = d.id AND p.model_id = ? AND p.content_hash = d.content_hash) "
                    + "ORDER BY d.id")) {
                ps.setLong(1, folderId);
                ps.setString(2, modelId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Waiting(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    /** Stores (or replaces) a file's picture vector, in its own transaction. */
    public void save(long documentId, String modelId, String contentHash, float[] vector) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO pictures(document_id, model_id, "
                    + "content_hash, vector) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, documentId);
                ps.setString(2, modelId);
                ps.setString(3, contentHash);
                ps.setBytes(4, VectorCodec.encode(vector));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Whether any model embedded pictures in this index. */
    public boolean any() {
        return !models().isEmpty();
    }

    /** The models with picture vectors in this index. */
    public List<String> models() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT model_id FROM pictures ORDER BY model_id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Streams (document id, vector) of every picture the model embedded. */
    public void forEach(String modelId, ObjLongConsumer<float[]> consumer) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT document_id, vector FROM pictures WHERE model_id = ? ORDER BY document_id")) {
                ps.setString(1, modelId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(VectorCodec.decode(rs.getBytes(2)), rs.getLong(1));
                    }
                }
            }
            return null;
        });
    }

    public int count(String modelId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pictures WHERE model_id = ?")) {
                ps.setString(1, modelId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /**
     * The passage that shows a picture in the results: the file's first passage of the search's chunk profile, else
     * its first of any profile; -1 when it has none (not read for any model yet).
     */
    public long shownChunk(long documentId, String profile) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM chunks WHERE document_id = ? "
                    + "ORDER BY profile = ? DESC, ord LIMIT 1")) {
                ps.setLong(1, documentId);
                ps.setString(2, profile);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : -1L;
                }
            }
        });
    }

    /** Forgets a model's pictures (the model was removed); returns how many. */
    public int delete(String modelId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM pictures WHERE model_id = ?")) {
                ps.setString(1, modelId);
                return ps.executeUpdate();
            }
        });
    }
}
