package dev.semdex.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Reads and writes folders, documents, chunks and vectors. Every method is one statement or one transaction. */
public final class IndexStore {

    private final Database db;

    public IndexStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    // ---- folders

    public StoredFolder addFolder(Path path, List<String> exclusions) {
        String key = path.toAbsolutePath().normalize().toString();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO folders(path, exclusions, added_at) VALUES (?, ?, ?) "
                            + "ON CONFLICT(path) DO UPDATE SET exclusions = excluded.exclusions")) {
                ps.setString(1, key);
                ps.setString(2, String.join("\n", exclusions));
                ps.setLong(3, System.currentTimeMillis());
                ps.executeUpdate();
            }
            return null;
        });
        return folder(path).orElseThrow();
    }

    public Optional<StoredFolder> folder(Path path) {
        String key = path.toAbsolutePath().normalize().toString();
        return folders().stream().filter(f -> f.path().toString().equals(key)).findFirst();
    }

    public List<StoredFolder> folders() {
        return db.read(c -> {
            List<StoredFolder> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, path, exclusions, added_at, last_indexed_at FROM folders ORDER BY path");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String exclusions = rs.getString(3);
                    long last = rs.getLong(5);
                    out.add(new StoredFolder(rs.getLong(1), Path.of(rs.getString(2)),
                            exclusions.isEmpty() ? List.of() : List.of(exclusions.split("\n")),
                            Instant.ofEpochMilli(rs.getLong(4)), rs.wasNull() ? null : Instant.ofEpochMilli(last)));
                }
            }
            return out;
        });
    }

    public void markFolderIndexed(long folderId) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE folders SET last_indexed_at = ? WHERE id = ?")) {
                ps.setLong(1, System.currentTimeMillis());
                ps.setLong(2, folderId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Removes a folder and everything indexed from it; vectors no other chunk uses go too. */
    public void removeFolder(long folderId) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM folders WHERE id = ?")) {
                ps.setLong(1, folderId);
                ps.executeUpdate();
            }
            return null;
        });
        deleteUnusedEmbeddings();
    }

    // ---- models

    public void registerModel(String modelId, int dimension, String profile) {
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
    public Map<String, StoredModel> models() {
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

    public record StoredModel(String id, int dimension, String profile) {}

    /**
     * Removes one model from the index: its vectors and its record of which files it has embedded, in one
     * transaction. Chunks stay while another model of the same chunk profile uses them; the rest are dropped with
     * their keyword entries. Returns the number of vectors deleted.
     */
    public int deleteModel(String modelId) {
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

    // ---- documents

    public Optional<StoredDocument> document(String path) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, folder_id, path, size, mtime, content_hash, status, error FROM documents WHERE path = ?")) {
                ps.setString(1, path);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(document(rs)) : Optional.empty();
                }
            }
        });
    }

    private static StoredDocument document(ResultSet rs) throws SQLException {
        return new StoredDocument(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8));
    }

    /** Streams the documents of a folder (bounded memory for large trees). */
    public void forEachDocument(long folderId, Consumer<StoredDocument> action) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, folder_id, path, size, mtime, content_hash, status, error FROM documents "
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
    public Map<Long, String> documentPaths() {
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
        documentPaths().values().forEach(p -> counts.merge(StoredDocument.extensionOf(p), 1,
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
    public void touchDocument(long documentId, long size, long modifiedMillis) {
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

    public void deleteDocument(long documentId) {
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

    /** Hashes among {@code hashes} that already have a vector for the model, so that they are not embedded again. */
    public Set<HashKey> storedVectors(String modelId, Collection<byte[]> hashes) {
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

    /**
     * Stores one indexed file: its row, its chunks for the model's profile, the new vectors and the mark that it
     * is complete for the model, all in one transaction. A changed file loses its chunks of every profile first,
     * since they describe the old content.
     */
    public void saveIndexed(DocumentWrite w) {
        db.inTransaction(c -> {
            Optional<String> previousHash = previousHash(c, w.path());
            long id = upsertDocument(c, w.folderId(), w.path(), w.size(), w.modifiedMillis(), w.contentHash(),
                    w.mediaType(), "indexed", null);
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
            insertVectors(c, w.modelId(), w.newVectors());
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO document_models(document_id, model_id, indexed_at) VALUES (?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, w.modelId());
                ps.setLong(3, System.currentTimeMillis());
                ps.executeUpdate();
            }
            return null;
        });
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
                "INSERT INTO chunks(document_id, profile, ord, text, start, end, page, text_hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
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

    /** Drops vectors no chunk refers to any more (after deletions and edits). */
    public int deleteUnusedEmbeddings() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM embeddings WHERE NOT EXISTS "
                            + "(SELECT 1 FROM chunks c WHERE c.text_hash = embeddings.text_hash)")) {
                return ps.executeUpdate();
            }
        });
    }

    // ---- search support

    /** Streams (chunk id, document id, vector) of every chunk the model has a vector for, in chunk order. */
    public void forEachVector(String modelId, String profile, VectorRowConsumer consumer) {
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
    public Map<Long, byte[]> vectorsOf(String modelId, long[] chunkIds) {
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

    @FunctionalInterface
    public interface VectorRowConsumer {
        void accept(long chunkId, long documentId, byte[] vector);
    }

    public int countVectors(String modelId, String profile) {
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

    /**
     * Best keyword (BM25) chunk matches for an FTS5 query, best first; scores are positive, larger is better. Fewer
     * than {@code limit} hits means there are no more. FTS5 ranks first and only the best rows are joined to their
     * chunks to keep the model's chunk profile: joining every match before sorting took half the query time on a
     * 100,000-chunk index. Other profiles' chunks among the best rows are made up for by asking FTS5 for more.
     */
    public List<ChunkHit> keywordSearch(String ftsQuery, String profile, int limit) {
        return db.read(c -> {
            int ask = limit * 2;
            while (true) {
                List<ChunkHit> out = new ArrayList<>();
                int ranked = 0;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT c.id, c.document_id, best.score, c.profile FROM (SELECT rowid, -bm25(chunks_fts) "
                                + "AS score FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY score DESC LIMIT ?) best "
                                + "JOIN chunks c ON c.id = best.rowid ORDER BY best.score DESC")) {
                    ps.setString(1, ftsQuery);
                    ps.setInt(2, ask);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ranked++;
                            if (profile.equals(rs.getString(4)) && out.size() < limit) {
                                out.add(new ChunkHit(rs.getLong(1), rs.getLong(2), rs.getFloat(3)));
                            }
                        }
                    }
                }
                if (out.size() >= limit || ranked < ask) {
                    return out;
                }
                ask *= 4;
            }
        });
    }

    public record ChunkHit(long chunkId, long documentId, float score) {}

    /** The stored chunk with its document's path, for showing a result. */
    public Optional<StoredChunk> chunk(long chunkId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT c.id, c.document_id, d.path, c.ord, c.text, c.start, c.end, c.page, c.profile "
                            + "FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.id = ?")) {
                ps.setLong(1, chunkId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredChunk(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9)));
                }
            }
        });
    }

    public record StoredChunk(long id, long documentId, String path, int ordinal, String text, int start, int end,
            int page, String profile) {}

    /** The texts of the first stored chunks of a profile, in the order they were written: passages for benchmarks. */
    public List<String> chunkTexts(String profile, int limit) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT text FROM chunks WHERE profile = ? ORDER BY id LIMIT ?")) {
                ps.setString(1, profile);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    // ---- status

    public record Counts(long documents, long skipped, long chunks) {}

    public Counts counts() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT (SELECT count(*) FROM documents WHERE status = 'indexed'), "
                            + "(SELECT count(*) FROM documents WHERE status = 'skipped'), (SELECT count(*) FROM chunks)");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        });
    }

    public record FolderCounts(long files, long skipped, long chunks) {}

    public FolderCounts folderCounts(long folderId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT (SELECT count(*) FROM documents WHERE folder_id = ?1 AND status = 'indexed'), "
                            + "(SELECT count(*) FROM documents WHERE folder_id = ?1 AND status = 'skipped'), "
                            + "(SELECT count(*) FROM chunks c JOIN documents d ON d.id = c.document_id "
                            + "WHERE d.folder_id = ?1)")) {
                ps.setLong(1, folderId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new FolderCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
                }
            }
        });
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

    public List<StoredDocument> skippedDocuments() {
        return db.read(c -> {
            List<StoredDocument> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, folder_id, path, size, mtime, content_hash, status, error FROM documents "
                            + "WHERE status = 'skipped' ORDER BY path");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(document(rs));
                }
            }
            return out;
        });
    }

}
