package org.ztfclass.server.crossmatch;

/** A catalogue service could not be asked or did not answer usefully; the message names the service and the request. */
public final class ServiceException extends Exception {

    public ServiceException(String message) {
        super(message);
    }

    public ServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
