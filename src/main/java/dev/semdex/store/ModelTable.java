package dev.semdex.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models with vectors in this index. A model's chunk profile says which chunks its vectors describe, so
 * chunks live as long as one model of their profile does.
 */
public final class ModelTable {

    private final Database db;

    ModelTable(Database db) {
        this.db = db;
    }

    public void register(String modelId, int dimension, String profile) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO models(id, dimension, profile, created_at) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT(id) DO NOTHING")) {
                ps.setString(1, modelId);
                ps.setInt(2, dimension);
                ps.setString(3, profile);
                ps.setLong(4, System.currentTimeMillis());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Models with vectors in this index, with their dimension and chunk profile. */
    public Map<String, StoredModel> all() {
        return db.read(c -> {
            Map<String, StoredModel> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, dimension, profile FROM models ORDER BY id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new StoredModel(rs.getString(1), rs.getInt(2), rs.getString(3)));
                }
            }
            return out;
        });
    }

    /**
     * Removes one model from the index: its vectors and its record of which files it has embedded, in one
     * transaction. Chunks stay while another model of the same chunk profile uses them; the rest are dropped with
     * their keyword entries. Returns the number of vectors deleted.
     */
    public int delete(String modelId) {
        return db.inTransaction(c -> {
            String profile = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT profile FROM models WHERE id = ?")) {
                ps.setString(1, modelId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        profile = rs.getString(1);
                    }
                }
            }
            if (profile == null) {
                return 0;
            }
            int vectors;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM embeddings WHERE model_id = ?")) {
                ps.setString(1, modelId);
                vectors = ps.executeUpdate();
            }
            for (String sql : List.of("DELETE FROM document_models WHERE model_id = ?",
                    "DELETE FROM models WHERE id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, modelId);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM chunks WHERE profile = ? "
                    + "AND NOT EXISTS (SELECT 1 FROM models WHERE profile = ?)")) {
                ps.setString(1, profile);
                ps.setString(2, profile);
                ps.executeUpdate();
            }
            return vectors;
        });
    }
}
