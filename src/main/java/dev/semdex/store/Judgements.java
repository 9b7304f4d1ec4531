package dev.semdex.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's relevance judgements: for a query, which files were what they were looking for. Kept in the index
 * so they survive restarts and can score every model on the user's own files. Files are kept by path, so a
 * judgement outlives re-indexing and removing and adding a folder again.
 */
public final class Judgements {

    private final Database db;

    Judgements(Database db) {
        this.db = db;
    }

    public record Judgement(String query, String path, boolean relevant, long judgedAtMillis) {}

    /** Records (or changes) whether a file answers a query. */
    public void judge(String query, String path, boolean relevant) {
        String q = normalise(query);
        if (q.isEmpty()) {
            throw new IllegalArgumentException("empty query");
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO judgements(query, path, relevant, judged_at) "
                    + "VALUES(?, ?, ?, ?) ON CONFLICT(query, path) DO UPDATE SET relevant = excluded.relevant, "
                    + "judged_at = excluded.judged_at")) {
                ps.setString(1, q);
                ps.setString(2, path);
                ps.setInt(3, relevant ? 1 : 0);
                ps.setLong(4, System.currentTimeMillis());
                return ps.executeUpdate();
            }
        });
    }

    /** Forgets a judgement; returns whether there was one. */
    public boolean forget(String query, String path) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM judgements WHERE query = ? AND path = ?")) {
                ps.setString(1, normalise(query));
                ps.setString(2, path);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public List<Judgement> all() {
        return db.read(c -> {
            List<Judgement> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT query, path, relevant, judged_at FROM judgements ORDER BY query, judged_at");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Judgement(rs.getString(1), rs.getString(2), rs.getInt(3) != 0, rs.getLong(4)));
                }
            }
            return out;
        });
    }

    /** The judgements of one query: path to relevant or not. */
    public Map<String, Boolean> of(String query) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        String q = normalise(query);
        all().stream().filter(j -> j.query().equals(q)).forEach(j -> out.put(j.path(), j.relevant()));
        return out;
    }

    /**
     * Queries with at least one relevant file, as graded judgements (path to 1 or 0) in the form the ranking
     * metrics take; a query with only negative judgements cannot be scored and is left out.
     */
    public Map<String, Map<String, Integer>> qrels() {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (Judgement j : all()) {
            out.computeIfAbsent(j.query(), q -> new LinkedHashMap<>()).put(j.path(), j.relevant() ? 1 : 0);
        }
        out.values().removeIf(m -> !m.containsValue(1));
        return out;
    }

    /** Queries that differ only in spacing are the same query. */
    public static String normalise(String query) {
        return query.strip().replaceAll("\\s+", " ");
    }
}
