package dev.semdex.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Semdex may write its index, and how to read it when it may not. A data folder can become read-only (a
 * read-only mount, a backup restored without write permission, permissions taken away): the index must then stay
 * searchable and every change must be refused with one clear sentence, not with SQLite's error codes.
 *
 * <p>SQLite keeps a WAL database's readers in step through the {@code -shm} file next to it, which it creates on
 * open and removes on the last clean close. In a folder that cannot be written it cannot create it, so a plain
 * read-only open fails. When no {@code -shm} exists, no process has the index open, and the file is opened as
 * {@code immutable}: nothing can change it while the folder stays read-only. When one exists (a writer still runs,
 * or one was killed), the ordinary read-only open works and also sees what the {@code -wal} file holds.
 */
final class DataFolderAccess {

    private static final Logger LOG = LoggerFactory.getLogger(DataFolderAccess.class);

    private DataFolderAccess() {}

    /** Why the index cannot be written, in words for the user; null when it can. */
    static String notWritable(Path index) {
        Path file = index.toAbsolutePath();
        Path dir = file.getParent();
        Path blocked = null;
        if (!Files.isWritable(dir)) {
            blocked = dir;
        } else {
            for (String suffix : new String[] {"", "-wal", "-shm", ".lock"}) {
                Path f = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(f) && !Files.isWritable(f)) {
                    blocked = f;
                    break;
                }
            }
        }
        if (blocked == null) {
            return null;
        }
        String which = blocked.equals(dir) ? "" : " (" + blocked.getFileName() + " cannot be written)";
        return "The data folder " + dir + " is read-only" + which + ": searching works, but the index cannot be "
                + "changed. Make the folder and its files writable again, or use another data folder.";
    }

    /** The JDBC address that reads the index when this process may not write it (see the class comment). */
    static String readOnlyUrl(Path index) {
        Path file = index.toAbsolutePath();
        if (Files.isWritable(file.getParent()) || Files.exists(file.resolveSibling(file.getFileName() + "-shm"))) {
            return "jdbc:sqlite:" + file;
        }
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try {
            if (Files.exists(wal) && Files.size(wal) > 0) {
                LOG.warn("{} is read-only and its last changes are still in {} without its -shm file; searching "
                        + "shows the index as it was before them until the folder is writable again", file, wal);
            }
        } catch (IOException e) {
            LOG.debug("Cannot read the size of {}: {}", wal, e.getMessage());
        }
        // A URI, so that SQLite takes the parameter; toUri() escapes spaces, '?', '#' and non-ASCII names.
        return "jdbc:sqlite:" + file.toUri().toASCIIString() + "?immutable=1";
    }
}
