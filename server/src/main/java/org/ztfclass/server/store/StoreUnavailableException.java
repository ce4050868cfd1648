package org.ztfclass.server.store;

import java.sql.SQLException;

/**
 * The store named by {@code --db} cannot be used: its address is malformed or carries credentials,
 * the PostgreSQL server cannot be reached or refuses the user, or the SQLite file's folder cannot be
 * made. The message is written for the person who typed {@code --db} (what is wrong, what to do);
 * it never holds a password.
 */
public final class StoreUnavailableException extends SQLException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what to do */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
