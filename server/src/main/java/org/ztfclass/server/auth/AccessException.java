package org.ztfclass.server.auth;

/**
 * A request refused for who made it: 401 (not signed in, bad token), 403 (role too low,
 * missing or wrong CSRF token). The message says why and what would be accepted.
 */
public final class AccessException extends RuntimeException {

    private final int status;

    public AccessException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** @return 401 or 403 */
    public int status() {
        return status;
    }
}
