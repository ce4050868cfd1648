package org.ztfclass.server.auth;

/** A request about accounts that cannot be done (unknown user, name taken, bad password, ...); the message says why. */
public final class AccountException extends Exception {

    public AccountException(String message) {
        super(message);
    }
}
