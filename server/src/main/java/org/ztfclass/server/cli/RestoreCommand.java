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
import picocli.CommandLine.Parameters;

/** {@code ztfclass restore FILE}: put a backup back into the store (servers stopped). */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replace the store's contents with a backup made by 'ztfclass backup' of the same engine, then migrate it "
                + "to this version's schema. Stop every server, ingest and stream on the store first.",
                "A store that holds objects, labels or users is replaced only with --force. PostgreSQL: the database must exist "
                        + "(createdb); needs postgresql-client."})
final class RestoreCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--force", description = "replace a store that already holds data")
    boolean force;

    @Parameters(index = "0", paramLabel = "FILE", description = "the backup file")
    Path file;

    @Override
    public Integer call() {
        try {
            StoreLocation location = StoreLocation.parse(store.db);
            StoreContents restored = StoreBackup.of(location).restore(file, force);
            System.out.println("ztfclass restore: " + file.toAbsolutePath().normalize() + " -> " + location + " (" + restored.summary() + ")");
            return 0;
        } catch (BackupException | IllegalArgumentException e) {
            System.err.println("ztfclass restore: " + e.getMessage());
            return 1;
        }
    }
}
