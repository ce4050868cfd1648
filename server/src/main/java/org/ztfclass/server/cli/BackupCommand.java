package org.ztfclass.server.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ztfclass.server.backup.BackupException;
import org.ztfclass.server.backup.StoreBackup;
import org.ztfclass.server.store.StoreContents;
import org.ztfclass.server.store.StoreLocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ztfclass backup --out FILE}: a consistent copy of the store in one file, while it is in use. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Save the whole store to one file while servers keep running: SQLite's VACUUM INTO for a file store, "
                + "pg_dump --format=custom for PostgreSQL (needs postgresql-client; credentials from PGUSER/PGPASSWORD or ~/.pgpass).",
                "Never overwrites FILE. Restore with 'ztfclass restore'."})
final class BackupCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the backup file to write (must not exist)")
    Path out;

    @Override
    public Integer call() {
        try {
            StoreLocation location = StoreLocation.parse(store.db);
            StoreContents saved = StoreBackup.of(location).backup(out);
            System.out.println("ztfclass backup: " + location + " -> " + out.toAbsolutePath().normalize() + " (" + saved.summary() + ")");
            return 0;
        } catch (BackupException | IllegalArgumentException e) {
            System.err.println("ztfclass backup: " + e.getMessage());
            return 1;
        }
    }
}
