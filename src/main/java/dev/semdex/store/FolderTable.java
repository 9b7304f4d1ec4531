package dev.semdex.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The folders the user added, with their exclusion patterns. A folder is known by its absolute, normalised path,
 * so adding it again only changes its exclusions and keeps what was indexed from it.
 */
public final class FolderTable {

    private final Database db;
    private final VectorTable vectors;

    FolderTable(Database db, VectorTable vectors) {
        this.db = db;
        this.vectors = vectors;
    }

    public StoredFolder add(Path path, List<String> exclusions) {
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
        return find(path).orElseThrow();
    }

    public Optional<StoredFolder> find(Path path) {
        String key = path.toAbsolutePath().normalize().toString();
        return all().stream().filter(f -> f.path().toString().equals(key)).findFirst();
    }

    public List<StoredFolder> all() {
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

    public void markIndexed(long folderId) {
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
    public void remove(long folderId) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM folders WHERE id = ?")) {
                ps.setLong(1, folderId);
                ps.executeUpdate();
            }
            return null;
        });
        vectors.deleteUnused();
    }
}
