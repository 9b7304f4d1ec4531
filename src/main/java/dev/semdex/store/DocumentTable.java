package dev.semdex.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The indexed and skipped files. An indexed file is written whole in one transaction, its chunks and new vectors
 * with it, so a crash loses at most that file; a file is marked complete per model, so a re-run knows which files
 * it may skip on size and time.
 */
public final class DocumentTable {

    private final Database db;

    DocumentTable(Database db) {
        this.db = db;
    }

    public Optional<StoredDocument> find(String path) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, folder_id, path, size, mtime, content_hash, status, error, extraction FROM documents WHERE path = ?")) {
                ps.setString(1, path);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(document(rs)) : Optional.empty();
                }
            }
        });
    }

    private static StoredDocument document(ResultSet rs) throws SQLException {
        return new StoredDocument(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9));
    }

    /** Streams the documents of a folder (bounded memory for large trees). */
    public void forEach(long folderId, Consumer<StoredDocument> action) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, folder_id, path, size, mtime, content_hash, status, error, extraction FROM documents "
                            + "WHERE folder_id = ?")) {
                ps.setLong(1, folderId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        action.accept(document(rs));
                    }
                }
            }
            return null;
        });
    }

    /** Path of every indexed document by id, for filtering results. */
    public Map<Long, String> paths() {
        return db.read(c -> {
            Map<Long, String> out = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, path FROM documents WHERE status = 'indexed'");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /** Extensions of the indexed files, most common first, for the file-type filter. */
    public List<String> fileExtensions() {
        Map<String, Integer> counts = new java.util.HashMap<>();
        paths().values().forEach(p -> counts.merge(StoredDocument.extensionOf(p), 1,
                Integer::sum));
        counts.remove("");
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** Paths of documents in a folder already complete for a model: the set a re-run may skip on size and time. */
    public Set<String> indexedPaths(long folderId, String modelId) {
        return db.read(c -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT d.path FROM documents d JOIN document_models m ON m.document_id = d.id "
                            + "WHERE d.folder_id = ? AND m.model_id = ?")) {
                ps.setLong(1, folderId);
                ps.setString(2, modelId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    public boolean isIndexedFor(long documentId, String modelId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM document_models WHERE document_id = ? AND model_id = ?")) {
                ps.setLong(1, documentId);
                ps.setString(2, modelId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Records a new size and time for a file whose content is unchanged. */
    public void touch(long documentId, long size, long modifiedMillis) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE documents SET size = ?, mtime = ? WHERE id = ?")) {
                ps.setLong(1, size);
                ps.setLong(2, modifiedMillis);
                ps.setLong(3, documentId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public void delete(long documentId) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM documents WHERE id = ?")) {
                ps.setLong(1, documentId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Records a file that could not be indexed, with the reason, replacing whatever was indexed from it before. */
    public void saveSkipped(long folderId, String path, long size, long modifiedMillis, String reason) {
        db.inTransaction(c -> {
            long id = upsertDocument(c, folderId, path, size, modifiedMillis, null, null, "skipped", reason);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM chunks WHERE document_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM document_models WHERE document_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Stores one indexed file: its row, its chunks for the model's profile, the new vectors and the mark that it
     * is complete for the model, all in one transaction. A changed file loses its chunks of every profile first,
     * since they describe the old content.
     */
    public void saveIndexed(DocumentWrite w) {
        db.inTransaction(c -> {
            long id = writeText(c, w);
            insertVectors(c, w.modelId(), w.newVectors());
            markComplete(c, id, w.modelId());
            return null;
        });
    }

    /**
     * Stores one file's row and passages without vectors, in one transaction, so it answers keyword search at once;
     * the models that cut passages the same way lose their mark of completeness for it until
     * {@link #saveVectors} gives them vectors of the new passages.
     */
    public void saveText(DocumentWrite w) {
        db.inTransaction(c -> {
            long id = writeText(c, w);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM document_models WHERE document_id = ? "
                    + "AND model_id IN (SELECT id FROM models WHERE profile = ?)")) {
                ps.setLong(1, id);
                ps.setString(2, w.profile());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Stores the vectors a file's passages lacked for the model and marks it complete, in one transaction. */
    public void saveVectors(long documentId, String modelId, Map<HashKey, float[]> vectors) {
        db.inTransaction(c -> {
            insertVectors(c, modelId, vectors);
            markComplete(c, documentId, modelId);
            return null;
        });
    }

    /** Whether the file has passages cut by the profile (stored by a run that may not have embedded them yet). */
    public boolean hasPassages(long documentId, String profile) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM chunks WHERE document_id = ? AND profile = ? LIMIT 1")) {
                ps.setLong(1, documentId);
                ps.setString(2, profile);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The folder's files whose passages of the profile are stored but not yet complete for the model, by id. */
    public List<Long> waitingForVectors(long folderId, String modelId, String profile) {
        return db.read(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT d.id FROM documents d WHERE d.folder_id = ? "
                    + "AND d.status = 'indexed' AND NOT EXISTS (SELECT 1 FROM document_models m "
                    + "WHERE m.document_id = d.id AND m.model_id = ?) AND EXISTS (SELECT 1 FROM chunks c "
                    + "WHERE c.document_id = d.id AND c.profile = ?) ORDER BY d.id")) {
                ps.setLong(1, folderId);
                ps.setString(2, modelId);
                ps.setString(3, profile);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    /** A stored file's passages of the profile, in order, as they were cut, with the hashes their vectors go by. */
    public StoredPassages passages(long documentId, String profile) {
        return db.read(c -> {
            List<dev.semdex.chunk.Chunk> chunks = new ArrayList<>();
            List<byte[]> hashes = new ArrayList<>();
            String path = "";
            String title = "";
            try (PreparedStatement ps = c.prepareStatement("SELECT d.path, d.title, c.ord, c.text, c.start, c.end, "
                    + "c.page, c.heading, c.text_hash FROM documents d JOIN chunks c ON c.document_id = d.id "
                    + "WHERE d.id = ? AND c.profile = ? ORDER BY c.ord")) {
                ps.setLong(1, documentId);
                ps.setString(2, profile);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        path = rs.getString(1);
                        title = rs.getString(2);
                        chunks.add(new dev.semdex.chunk.Chunk(rs.getInt(3), rs.getString(4), rs.getInt(5),
                                rs.getInt(6), rs.getInt(7), 0, rs.getString(8)));
                        hashes.add(rs.getBytes(9));
                    }
                }
            }
            return new StoredPassages(documentId, path, title, chunks, hashes);
        });
    }

    private static void markComplete(Connection c, long documentId, String modelId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR REPLACE INTO document_models(document_id, model_id, indexed_at) VALUES (?, ?, ?)")) {
            ps.setLong(1, documentId);
            ps.setString(2, modelId);
            ps.setLong(3, System.currentTimeMillis());
            ps.executeUpdate();
        }
    }

    /** The file's row and its passages of the write's profile; the caller's transaction commits them. */
    private static long writeText(Connection c, DocumentWrite w) throws SQLException {
        Optional<String> previousHash = previousHash(c, w.path());
        long id = upsertDocument(c, w.folderId(), w.path(), w.size(), w.modifiedMillis(), w.contentHash(),
                w.mediaType(), "indexed", null);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE documents SET title = ?, extraction = ?, listing = ? WHERE id = ?")) {
            ps.setString(1, w.title());
            ps.setInt(2, w.extraction());
            ps.setInt(3, w.listing() ? 1 : 0);
            ps.setLong(4, id);
            ps.executeUpdate();
        }
        boolean changed = previousHash.isPresent() && !previousHash.get().equals(w.contentHash());
        try (PreparedStatement ps = c.prepareStatement(changed
                ? "DELETE FROM chunks WHERE document_id = ?"
                : "DELETE FROM chunks WHERE document_id = ? AND profile = ?")) {
            ps.setLong(1, id);
            if (!changed) {
                ps.setString(2, w.profile());
            }
            ps.executeUpdate();
        }
        if (changed) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM document_models WHERE document_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        }
        insertChunks(c, id, w);
        return id;
    }

    private static Optional<String> previousHash(Connection c, String path) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT content_hash FROM documents WHERE path = ?")) {
            ps.setString(1, path);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static long upsertDocument(Connection c, long folderId, String path, long size, long mtime,
            String contentHash, String mediaType, String status, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO documents(folder_id, path, size, mtime, content_hash, media_type, status, error, indexed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET folder_id = excluded.folder_id, "
                        + "size = excluded.size, mtime = excluded.mtime, content_hash = excluded.content_hash, "
                        + "media_type = excluded.media_type, status = excluded.status, error = excluded.error, "
                        + "indexed_at = excluded.indexed_at RETURNING id")) {
            ps.setLong(1, folderId);
            ps.setString(2, path);
            ps.setLong(3, size);
            ps.setLong(4, mtime);
            setNullable(ps, 5, contentHash);
            setNullable(ps, 6, mediaType);
            ps.setString(7, status);
            setNullable(ps, 8, error);
            ps.setLong(9, System.currentTimeMillis());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void setNullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    private static void insertChunks(Connection c, long documentId, DocumentWrite w) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO chunks(document_id, profile, ord, text, start, end, page, text_hash, title, heading) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < w.chunks().size(); i++) {
                var chunk = w.chunks().get(i);
                ps.setLong(1, documentId);
                ps.setString(2, w.profile());
                ps.setInt(3, chunk.ordinal());
                ps.setString(4, chunk.text());
                ps.setInt(5, chunk.start());
                ps.setInt(6, chunk.end());
                ps.setInt(7, chunk.page());
                ps.setBytes(8, w.textHashes().get(i).clone());
                ps.setString(9, w.title());
                ps.setString(10, chunk.heading());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertVectors(Connection c, String modelId, Map<HashKey, float[]> vectors)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR IGNORE INTO embeddings(model_id, text_hash, vector) VALUES (?, ?, ?)")) {
            for (Map.Entry<HashKey, float[]> e : vectors.entrySet()) {
                ps.setString(1, modelId);
                ps.setBytes(2, e.getKey().bytes().clone());
                ps.setBytes(3, VectorCodec.encode(e.getValue()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The skipped files the user may want to act on; files that are not documents are left out. */
    public List<StoredDocument> skipped() {
        return db.read(c -> {
            List<StoredDocument> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, folder_id, path, size, mtime, content_hash, status, error, extraction FROM documents "
                            + "WHERE status = 'skipped' AND " + IndexStatus.PROBLEM + " ORDER BY path");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(document(rs));
                }
            }
            return out;
        });
    }
}
