package org.ztfclass.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreContents;
import org.ztfclass.server.store.StoreLocation;

/**
 * Backup and restore of a PostgreSQL store with PostgreSQL's own programs. A backup is
 * {@code pg_dump --format=custom} (one snapshot: consistent while servers keep writing; compressed).
 * A restore is {@code pg_restore --single-transaction --exit-on-error --no-owner --no-privileges}
 * into the existing database named by {@code --db}, with {@code --clean --if-exists} when it already
 * has tables, so it either replaces the contents whole or changes nothing; the objects restored
 * belong to the user restoring (on RDS, the database's owner rather than a superuser). Then the
 * store is opened to migrate it to the current schema. The programs are given the database's
 * address only ({@code postgresql://HOST:PORT/DB}); user and password reach them through the
 * environment ({@code PGUSER}, {@code PGPASSWORD}, {@code PGPASSFILE}). Serve processes may keep
 * running during a backup; stop them for a restore.
 */
final class PostgresBackup implements StoreBackup {

    private static final byte[] MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);

    private final StoreLocation location;

    PostgresBackup(StoreLocation location) {
        this.location = location;
    }

    /** @return true when {@code file} starts as a pg_dump custom-format archive */
    static boolean isDump(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public StoreContents backup(Path out) throws BackupException {
        Path pgDump = PostgresTools.find("pg_dump");
        StoreContents contents = contents();
        if (contents.isBlank()) {
            throw new BackupException("the database " + location + " has no tables: nothing to back up (is --db right?)");
        }
        Path target = out.toAbsolutePath().normalize();
        BackupFiles.refuseExisting(target);
        Path partial = BackupFiles.partial(target);
        try {
            PostgresTools.run("pg_dump of " + location, List.of(pgDump.toString(), "--format=custom", "--file=" + partial,
                    "--dbname=" + address()));
        } catch (BackupException e) {
            BackupFiles.deleteQuietly(partial);
            throw e;
        }
        BackupFiles.publish(partial, target);
        return contents;
    }

    @Override
    public StoreContents restore(Path in, boolean force) throws BackupException {
        Path backup = in.toAbsolutePath().normalize();
        if (!Files.isRegularFile(backup)) {
            throw new BackupException("no backup file " + backup);
        }
        if (!isDump(backup)) {
            throw new BackupException(backup + " is not a PostgreSQL backup (pg_dump custom format)"
                    + (isSqlite(backup) ? " but an SQLite store: restore it with --db FILE" : ""));
        }
        Path pgRestore = PostgresTools.find("pg_restore");
        StoreContents target = contents();
        StoreBackup.checkReplaceable(location, target, force);
        List<String> command = new ArrayList<>(List.of(pgRestore.toString(), "--single-transaction", "--exit-on-error",
                "--no-owner", "--no-privileges"));
        if (!target.isBlank()) {
            command.addAll(List.of("--clean", "--if-exists"));
        }
        command.add("--dbname=" + address());
        command.add(backup.toString());
        PostgresTools.run("pg_restore of " + backup + " into " + location, command);
        try (Database db = Database.open(location)) {
            // migrated to the current schema
        } catch (SQLException e) {
            throw new BackupException("restored " + backup + " into " + location + ", but it cannot be migrated to this version's schema: "
                    + e.getMessage(), e);
        }
        return contents();
    }

    /** @return the connection address for libpq programs: host, port, database and parameters, no credentials */
    String address() {
        String host = location.host().contains(":") && !location.host().startsWith("[") ? "[" + location.host() + "]" : location.host();
        return "postgresql://" + host + ":" + location.port() + "/" + URLEncoder.encode(location.database(), StandardCharsets.UTF_8).replace("+", "%20")
                + (location.params().isEmpty() ? "" : "?" + location.params());
    }

    private StoreContents contents() throws BackupException {
        try {
            return StoreContents.read(location);
        } catch (SQLException e) {
            throw new BackupException(e.getMessage() + (e.getMessage() != null && e.getMessage().contains("does not exist")
                    ? " (a restore needs the database to exist: createdb it first)" : ""), e);
        }
    }

    private static boolean isSqlite(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(15), StandardCharsets.US_ASCII).equals("SQLite format 3");
        } catch (IOException e) {
            return false;
        }
    }
}
