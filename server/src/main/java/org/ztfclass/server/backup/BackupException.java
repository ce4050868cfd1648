package org.ztfclass.server.backup;

/** A backup or restore that could not be done, with a message for the operator that says what to do. */
public final class BackupException extends Exception {

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
