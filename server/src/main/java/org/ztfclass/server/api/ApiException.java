package org.ztfclass.server.api;

/**
 * A request that cannot be answered, with the HTTP status to answer it with and a message that
 * says what was wrong (naming the parameter or object at fault).
 */
public class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** @return 400 for a malformed parameter */
    public static ApiException badParameter(String name, String value, String expected) {
        return new ApiException(400, "parameter " + name + ": '" + value + "' is not " + expected);
    }

    /** @return 404 for an object the store does not know */
    public static ApiException unknownObject(String objectId) {
        return new ApiException(404, "unknown objectId '" + objectId + "': no such object in this store");
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }
}
