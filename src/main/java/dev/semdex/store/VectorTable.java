package dev.semdex.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The vectors of the chunks, one per model and chunk text rather than per chunk: identical passages are embedded
 * once, and a vector stays when its chunk goes, until {@link #deleteUnused()} finds no chunk of that text left.
 */
public final class VectorTable {

    private final Database db;

    VectorTable(Database db) {
        this.db = db;
    }

    /** Hashes among {@code hashes} that already have a vector for the model, so that they are not embedded again. */
    public Set<HashKey> alreadyStored(String modelId, Collection<byte[]> hashes) {
        return db.read(c -> {
            Set<HashKey> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM embeddings WHERE model_id = ? AND text_hash = ?")) {
                for (byte[] hash : hashes) {
                    ps.setString(1, modelId);
                    ps.setBytes(2, hash);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.add(new HashKey(hash));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Drops vectors no chunk refers to any more (after deletions and edits). */
    public int deleteUnused() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM embeddings WHERE NOT EXISTS "
                            + "(SELECT 1 FROM chunks c WHERE c.text_hash = embeddings.text_hash)")) {
                return ps.executeUpdate();
            }
        });
    }

    /** Streams (chunk id, document id, vector) of every chunk the model has a vector for, in chunk order. */
    public void forEach(String modelId, String profile, VectorRowConsumer consumer) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT c.id, c.document_id, e.vector FROM chunks c JOIN embeddings e "
                            + "ON e.model_id = ? AND e.text_hash = c.text_hash WHERE c.profile = ? ORDER BY c.id")) {
                ps.setString(1, modelId);
                ps.setString(2, profile);
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(rs.getLong(1), rs.getLong(2), rs.getBytes(3));
                    }
                }
            }
            return null;
        });
    }

    /**
     * The stored vectors of some chunks, by chunk id; chunks deleted since they were ranked are absent. Large indexes
     * keep only int8 codes in memory and fetch the floats of their best candidates here.
     */
    public Map<Long, byte[]> ofChunks(String modelId, long[] chunkIds) {
        Map<Long, byte[]> out = new HashMap<>(chunkIds.length * 2);
        int batch = 500;
        for (int from = 0; from < chunkIds.length; from += batch) {
            int to = Math.min(chunkIds.length, from + batch);
            String marks = String.join(",", Collections.nCopies(to - from, "?"));
            int start = from;
            db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        // CROSS JOIN keeps chunks the outer loop: otherwise SQLite may walk all the model's
                        // embeddings and look each one's chunks up, a full scan per query.
                        "SELECT c.id, e.vector FROM chunks c CROSS JOIN embeddings e ON e.model_id = ? "
                                + "AND e.text_hash = c.text_hash WHERE c.id IN (" + marks + ")")) {
                    ps.setString(1, modelId);
                    for (int i = start; i < to; i++) {
                        ps.setLong(2 + i - start, chunkIds[i]);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getLong(1), rs.getBytes(2));
                        }
                    }
                }
                return null;
            });
        }
        return out;
    }

    public int count(String modelId, String profile) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM chunks c JOIN embeddings e ON e.model_id = ? AND e.text_hash = c.text_hash "
                            + "WHERE c.profile = ?")) {
                ps.setString(1, modelId);
                ps.setString(2, profile);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }
}
