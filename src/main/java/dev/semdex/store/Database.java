package dev.semdex.store;

import dev.semdex.SemdexException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite file that holds the whole index. WAL lets searches read while indexing writes, and every file is
 * written in one transaction, so a crash loses at most the file being written and never leaves half of it.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private static final String ANOTHER_WRITER = "Another Semdex (a window or an 'index' command) is updating the "
            + "index %s. Searching works; to change the index, wait for it to finish or close it.";

    private final Path file;
    private final Connection connection;
    private final WriterLock writerLock;
    private final String readOnlyReason;

    private Database(Path file, Connection connection, WriterLock writerLock, String readOnlyReason) {
        this.file = file;
        this.connection = connection;
        this.writerLock = writerLock;
        this.readOnlyReason = readOnlyReason;
    }

    /**
     * Opens the index for writing, or read-only when another Semdex (a window or an {@code index} command) already
     * writes to it or when the data folder cannot be written (a read-only mount, permissions taken away): two
     * writers on one index are never allowed, but searching beside a running indexer, or in an index the user may
     * only read, is.
     */
    public static Database open(Path file) {
        WriterLock lock = null;
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            boolean created = !Files.exists(file);
            String notWritable = DataFolderAccess.notWritable(file);
            if (notWritable == null) {
                lock = WriterLock.tryAcquire(file.resolveSibling(file.getFileName() + ".lock"));
            }
            String reason = notWritable != null ? notWritable : lock == null ? ANOTHER_WRITER.formatted(file) : null;
            if (created && notWritable != null) {
                throw new SemdexException(notWritable + " It holds no index yet, so there is nothing to search.");
            }
            if (created && lock == null) {
                throw new SemdexException("Another Semdex is creating the index " + file + "; try again in a moment.");
            }
            SqliteLibrary.preferUnpacked();
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(reason != null);
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(10_000);
            String url = notWritable == null ? "jdbc:sqlite:" + file.toAbsolutePath()
                    : DataFolderAccess.readOnlyUrl(file);
            Connection connection = DriverManager.getConnection(url, config.toProperties());
            if (created && Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            Database db = new Database(file, connection, lock, reason);
            if (reason == null) {
                Migrations.apply(connection);
            } else if (notWritable != null) {
                LOG.info("Opened {} read-only: the data folder cannot be written", file);
            }
            return db;
        } catch (SQLException | java.io.IOException e) {
            if (lock != null) {
                lock.release();
            }
            throw new SemdexException("Cannot open the index " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * True when another process holds the writer lock or the data folder cannot be written: searches work, changes
     * are refused with {@link #readOnlyReason()}.
     */
    public boolean readOnly() {
        return readOnlyReason != null;
    }

    /** Why changes are refused, in words for the user; empty when the index can be changed. */
    public Optional<String> readOnlyReason() {
        return Optional.ofNullable(readOnlyReason);
    }

    /**
     * Refuses, with the reason, before work that would change the index: a run should not load a model and scan a
     * folder only to find it cannot store anything.
     */
    public void requireWritable() {
        if (readOnlyReason != null) {
            throw new SemdexException(readOnlyReason);
        }
    }

    public Path file() {
        return file;
    }

    public Connection connection() {
        return connection;
    }

    /** Runs {@code work} in one transaction: all of it is stored, or none of it. */
    public synchronized <T> T inTransaction(SqlWork<T> work) {
        requireWritable();
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw failure(e);
        }
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollBack(e);
            throw failure(e);
        } catch (RuntimeException e) {
            rollBack(e);
            throw e;
        } finally {
            endTransactionMode();
        }
    }

    /**
     * Undoes a failed transaction. SQLite may already have rolled it back by itself (it does on a full disk), so
     * a failing rollback must not hide the error that caused it.
     */
    private void rollBack(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Back to auto-commit. The driver commits when switching, which fails with "no transaction is active" once
     * SQLite has rolled the transaction back itself; an empty transaction is then opened so the switch succeeds.
     */
    private void endTransactionMode() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException first) {
            try (Statement st = connection.createStatement()) {
                st.execute("BEGIN");
                connection.setAutoCommit(true);
            } catch (SQLException second) {
                LOG.warn("Could not return the index connection to auto-commit: {}", second.getMessage());
            }
        }
    }

    /** Runs a read or a single statement outside an explicit transaction. */
    public synchronized <T> T read(SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private SemdexException failure(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("SQLITE_FULL")) {
            return new SemdexException("The disk holding the index is full (" + file + "). Free some space; the "
                    + "index keeps everything written so far.", e);
        }
        if (message.contains("SQLITE_READONLY")) {
            return new SemdexException("The index " + file + " is read-only. Check the folder's permissions.", e);
        }
        return new SemdexException("Index error in " + file + ": " + message, e);
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Closes the index. Refreshing the query planner's statistics is a courtesy that may fail (for instance on a
     * full disk) without keeping the file open or the writer lock held.
     */
    @Override
    public synchronized void close() {
        try {
            if (!readOnly()) {
                try (Statement st = connection.createStatement()) {
                    st.execute("PRAGMA optimize");
                } catch (SQLException e) {
                    LOG.debug("Skipped PRAGMA optimize on close of {}: {}", file, e.getMessage());
                }
            }
            connection.close();
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            if (writerLock != null) {
                writerLock.release();
            }
        }
    }

    static void executeAll(Connection connection, List<String> statements) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }
}
