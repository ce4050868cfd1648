package org.ztfclass.server.backup;

import java.nio.file.Path;
import org.ztfclass.server.store.StoreContents;
import org.ztfclass.server.store.StoreLocation;

/**
 * Saves a whole store to one file and puts it back: {@link SqliteBackup} for an SQLite file,
 * {@link PostgresBackup} (PostgreSQL's own {@code pg_dump}/{@code pg_restore}) for a PostgreSQL
 * database. A backup is consistent while the store is in use; a restore replaces the store's
 * contents, refuses a store that holds objects, labels or users unless forced, and leaves the
 * store migrated to the current schema. Each backup kind restores only into a store of its engine.
 */
public interface StoreBackup {

    /** @return the backup of the engine {@code location} names */
    static StoreBackup of(StoreLocation location) {
        return location.isPostgres() ? new PostgresBackup(location) : new SqliteBackup(location);
    }

    /**
     * Writes a consistent copy of the store to {@code out}, which must not exist (it appears only
     * when complete).
     *
     * @return what the copy holds
     * @throws BackupException if the store is missing or unreadable, or {@code out} exists or cannot be written
     */
    StoreContents backup(Path out) throws BackupException;

    /**
     * Replaces the store's contents with the backup in {@code in}.
     *
     * @param force replace a store that holds data (otherwise refused)
     * @return what the store holds afterwards (migrated to the current schema)
     * @throws BackupException if the file is not a backup of this engine, the store holds data and
     *     {@code force} is false, or the restore fails (the store is then as it was)
     */
    StoreContents restore(Path in, boolean force) throws BackupException;

    /** Refuses a restore over data unless forced (the same rule for both engines). */
    static void checkReplaceable(StoreLocation location, StoreContents target, boolean force) throws BackupException {
        if (target.holdsData() && !force) {
            throw new BackupException("the store " + location + " already holds " + target.summary()
                    + "; restoring replaces all of it. Stop every server on it, then add --force to replace it");
        }
    }
}
