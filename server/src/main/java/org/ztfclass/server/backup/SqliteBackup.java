package org.ztfclass.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreContents;
import org.ztfclass.server.store.StoreLocation;

/**
 * Backup and restore of an SQLite store. A backup is SQLite's {@code VACUUM INTO}: one read
 * transaction, so a consistent copy (the WAL's committed pages included) while servers and ingests
 * keep running; the copy is a single self-contained file. A restore checks the file (an SQLite
 * database that passes {@code PRAGMA quick_check} and has ztfclass's schema history), copies it
 * beside the store, removes the store's {@code -wal} and {@code -shm} files and moves the copy over
 * the store in one rename, then opens it to migrate it to the current schema. <b>No process may
 * have the store open during a restore</b> (stop the server, ingests and stream consumers first):
 * SQLite cannot tell, and a process that still has the old file open would keep writing to it.
 */
final class SqliteBackup implements StoreBackup {

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final StoreLocation location;

    SqliteBackup(StoreLocation location) {
        this.location = location;
    }

    @Override
    public StoreContents backup(Path out) throws BackupException {
        Path store = location.file();
        if (!Files.isRegularFile(store)) {
            throw new BackupException("no SQLite store at " + store + ": nothing to back up");
        }
        Path target = out.toAbsolutePath().normalize();
        BackupFiles.refuseExisting(target);
        Path partial = BackupFiles.partial(target);
        try (Connection c = DriverManager.getConnection(location.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=30000");
            s.execute("VACUUM INTO '" + partial.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            BackupFiles.deleteQuietly(partial);
            throw new BackupException("cannot back up " + store + " to " + target + ": " + e.getMessage(), e);
        }
        BackupFiles.publish(partial, target);
        return contents(StoreLocation.sqlite(target));
    }

    @Override
    public StoreContents restore(Path in, boolean force) throws BackupException {
        Path backup = in.toAbsolutePath().normalize();
        check(backup);
        Path store = location.file();
        StoreBackup.checkReplaceable(location, contents(location), force);
        Path copy = store.resolveSibling(store.getFileName() + ".restoring");
        try {
            Files.createDirectories(store.toAbsolutePath().getParent());
            Files.copy(backup, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(store.resolveSibling(store.getFileName() + "-wal"));
            Files.deleteIfExists(store.resolveSibling(store.getFileName() + "-shm"));
            Files.move(copy, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            BackupFiles.deleteQuietly(copy);
            throw new BackupException("cannot restore " + backup + " to " + store + ": " + e.getMessage(), e);
        }
        try (Database db = Database.open(location)) {
            // migrated to the current schema
        } catch (SQLException e) {
            throw new BackupException("restored " + backup + " to " + store + ", but it cannot be migrated to this version's schema: "
                    + e.getMessage(), e);
        }
        return contents(location);
    }

    /** Refuses a file that is not an intact SQLite ztfclass store (a PostgreSQL dump, a truncated copy). */
    private static void check(Path backup) throws BackupException {
        if (!Files.isRegularFile(backup)) {
            throw new BackupException("no backup file " + backup);
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(backup)) {
            head = in.readNBytes(MAGIC.length);
        } catch (IOException e) {
            throw new BackupException("cannot read " + backup + ": " + e.getMessage(), e);
        }
        if (!Arrays.equals(head, MAGIC)) {
            throw new BackupException(backup + " is not an SQLite backup" + (PostgresBackup.isDump(backup)
                    ? " but a PostgreSQL dump: restore it with --db postgresql://HOST[:PORT]/DB" : ""));
        }
        Properties readOnly = new Properties();
        readOnly.setProperty("open_mode", "1");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup, readOnly); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
                String result = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(result)) {
                    throw new BackupException(backup + " is damaged (SQLite quick_check: " + result + ")");
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'")) {
                if (!rs.next() || rs.getLong(1) == 0) {
                    throw new BackupException(backup + " is an SQLite database but not a ztfclass store (no schema history)");
                }
            }
        } catch (SQLException e) {
            throw new BackupException(backup + " cannot be read as an SQLite database: " + e.getMessage(), e);
        }
    }

    private static StoreContents contents(StoreLocation where) throws BackupException {
        try {
            return StoreContents.read(where);
        } catch (SQLException e) {
            throw new BackupException("cannot read the store " + where + ": " + e.getMessage(), e);
        }
    }
}
