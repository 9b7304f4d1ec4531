package dev.semdex.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The stored chunks of the files, for keyword search and for showing a result in its context. */
public final class ChunkTable {

    /**
     * BM25 weights of the passage text, the file's title and the passage's heading path: a query's words in the title
     * or a heading say more about a passage than the same words in its text (README, "Real folders").
     */
    private static final String WEIGHTS = "1.0, 2.0, 2.0";

    private final Database db;

    ChunkTable(Database db) {
        this.db = db;
    }

    /**
     * Best keyword (BM25) chunk matches for an FTS5 query, best first; scores are positive, larger is better. Fewer
     * than {@code limit} hits means there are no more. FTS5 ranks first and only the best rows are joined to their
     * chunks to keep the model's chunk profile: joining every match before sorting would join rows that are never
     * returned. Other profiles' chunks among the best rows are made up for by asking FTS5 for more.
     */
    public List<ChunkHit> keywordSearch(String ftsQuery, String profile, int limit) {
        return db.read(c -> {
            int ask = limit * 2;
            while (true) {
                List<ChunkHit> out = new ArrayList<>();
                int ranked = 0;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT c.id, c.document_id, best.score, c.profile FROM (SELECT rowid, -bm25(chunks_fts, " + WEIGHTS + ") "
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

    /** How many passages a file has in a chunk profile: how much it holds, next to another file. */
    public int passageCount(String path, String profile) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM chunks c JOIN documents d "
                    + "ON d.id = c.document_id WHERE d.path = ? AND c.profile = ?")) {
                ps.setString(1, path);
                ps.setString(2, profile);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /** The stored chunk with its document's path, for showing a result. */
    public Optional<StoredChunk> find(long chunkId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT c.id, c.document_id, d.path, c.ord, c.text, c.start, c.end, c.page, c.profile, c.title, c.heading, "
                            + "d.listing "
                            + "FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.id = ?")) {
                ps.setLong(1, chunkId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredChunk(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getInt(12) != 0));
                }
            }
        });
    }

    /**
     * The chunks just before and after {@code chunk} in its file and profile, in file order; one or none at the
     * file's edges. Chunks overlap, so a passage shown in context needs its neighbours' offsets as well as their text.
     */
    public List<StoredChunk> neighbours(StoredChunk chunk) {
        return db.read(c -> {
            List<StoredChunk> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, ord, text, start, end, page, title, heading FROM chunks WHERE document_id = ? AND profile = ? "
                            + "AND ord IN (?, ?) ORDER BY ord")) {
                ps.setLong(1, chunk.documentId());
                ps.setString(2, chunk.profile());
                ps.setInt(3, chunk.ordinal() - 1);
                ps.setInt(4, chunk.ordinal() + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new StoredChunk(rs.getLong(1), chunk.documentId(), chunk.path(),
                                rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6),
                                chunk.profile(), rs.getString(7), rs.getString(8), chunk.listing()));
                    }
                }
            }
            return rows;
        });
    }

    /** The texts of the first stored chunks of a profile, in the order they were written: passages for benchmarks. */
    public List<String> texts(String profile, int limit) {
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
}
