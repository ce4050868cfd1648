package org.ztfclass.server.backup;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How a backup file comes to be: never over an existing file, written under a {@code .partial}
 * name beside it and renamed when complete, so a file with the final name is always a whole backup.
 */
final class BackupFiles {

    private BackupFiles() {
    }

    /** @throws BackupException if {@code target} exists, or its folder cannot be made */
    static void refuseExisting(Path target) throws BackupException {
        if (Files.exists(target)) {
            throw new BackupException(target + " exists: a backup never overwrites a file; choose another name or remove it");
        }
        try {
            Path parent = target.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new BackupException("cannot create the folder of " + target + ": " + e.getMessage(), e);
        }
    }

    /** @return the name the backup is written under until complete (removed first if a failed run left it) */
    static Path partial(Path target) throws BackupException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new BackupException("cannot remove the leftover " + partial + ": " + e.getMessage(), e);
        }
        return partial;
    }

    /** Gives the complete backup its final name. */
    static void publish(Path partial, Path target) throws BackupException {
        try {
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target);
            }
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new BackupException("cannot name the backup " + target + ": " + e.getMessage(), e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing more to do: the caller reports the first failure
        }
    }
}
