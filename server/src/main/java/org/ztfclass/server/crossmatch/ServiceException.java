package org.ztfclass.server.crossmatch;

/**
 * A catalogue service could not be asked or did not answer usefully; the message names the
 * service and the request. {@link #unreachable()} tells "no answer at all" (timeouts, I/O errors,
 * server errors after the retries) from an answer that refused the request (HTTP 4xx).
 */
public final class ServiceException extends Exception {

    private final boolean unreachable;

    public ServiceException(String message, boolean unreachable) {
        super(message);
        this.unreachable = unreachable;
    }

    public ServiceException(String message, Throwable cause) {
        super(message, cause);
        this.unreachable = false;
    }

    /** @return true when the service gave no answer at all */
    public boolean unreachable() {
        return unreachable;
    }
}
