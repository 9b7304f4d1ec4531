package dev.semdex.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's labels and what they said about files: a file confirmed as a label, or rejected from one. Files are
 * kept by path, as {@link Judgements} keep them, so feedback outlives re-indexing. Renaming a label carries its
 * feedback along; removing it forgets its feedback.
 */
public final class LabelTable {

    private final Database db;

    LabelTable(Database db) {
        this.db = db;
    }

    /** A label as stored: its name and the words that describe it. */
    public record StoredLabel(String name, String words) {}

    /** What the user said about one file and one label. */
    public record Feedback(String path, String label, boolean belongs) {}

    /** Labels in the order they were added. */
    public List<StoredLabel> all() {
        return db.read(c -> {
            List<StoredLabel> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, words FROM labels ORDER BY created_at, rowid"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredLabel(rs.getString(1), rs.getString(2)));
                }
            }
            return out;
        });
    }

    /** Adds a label; false when one of that name (in any case) exists. */
    public boolean add(String name, String words) {
        return add(name, words, List.of());
    }

    /**
     * Adds a label with files confirmed as it, in one transaction; false (and nothing stored) when one of that name
     * exists. Each file's earlier confirmation as another label is forgotten, as {@link #confirm} does.
     */
    public boolean add(String name, String words, List<String> confirmed) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO labels(name, words, created_at) "
                    + "VALUES(?, ?, ?) ON CONFLICT(name) DO NOTHING");
                    PreparedStatement clear = c.prepareStatement(
                            "DELETE FROM label_feedback WHERE path = ? AND belongs = 1");
                    PreparedStatement put = c.prepareStatement("INSERT INTO label_feedback(path, label, belongs, "
                            + "judged_at) VALUES(?, ?, 1, ?)")) {
                ps.setString(1, name);
                ps.setString(2, words);
                long now = System.currentTimeMillis();
                ps.setLong(3, now);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
                for (String path : confirmed) {
                    clear.setString(1, path);
                    clear.executeUpdate();
                    put.setString(1, path);
                    put.setString(2, name);
                    put.setLong(3, now);
                    put.executeUpdate();
                }
                return true;
            }
        });
    }

    /** Renames and redescribes a label, keeping its feedback; false when there is no label {@code name}. */
    public boolean update(String name, String newName, String words) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE labels SET name = ?, words = ? WHERE name = ?")) {
                ps.setString(1, newName);
                ps.setString(2, words);
                ps.setString(3, name);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** Removes a label and its feedback; false when there was none. */
    public boolean remove(String name) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM labels WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /**
     * Records that a file is {@code confirmed} and, in the same transaction, that it is none of {@code rejected}; a
     * file has one label, so any other label it was confirmed as is forgotten.
     */
    public void confirm(String path, String confirmed, List<String> rejected) {
        db.inTransaction(c -> {
            try (PreparedStatement clear = c.prepareStatement(
                    "DELETE FROM label_feedback WHERE path = ? AND belongs = 1");
                    PreparedStatement put = c.prepareStatement("INSERT INTO label_feedback(path, label, belongs, "
                            + "judged_at) VALUES(?, ?, ?, ?) ON CONFLICT(path, label) DO UPDATE SET "
                            + "belongs = excluded.belongs, judged_at = excluded.judged_at")) {
                clear.setString(1, path);
                clear.executeUpdate();
                long now = System.currentTimeMillis();
                for (String label : rejected) {
                    put.setString(1, path);
                    put.setString(2, label);
                    put.setInt(3, 0);
                    put.setLong(4, now);
                    put.executeUpdate();
                }
                put.setString(1, path);
                put.setString(2, confirmed);
                put.setInt(3, 1);
                put.setLong(4, now);
                put.executeUpdate();
            }
            return null;
        });
    }

    public List<Feedback> feedback() {
        return db.read(c -> {
            List<Feedback> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT path, label, belongs FROM label_feedback ORDER BY judged_at, path");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Feedback(rs.getString(1), rs.getString(2), rs.getInt(3) != 0));
                }
            }
            return out;
        });
    }
}
