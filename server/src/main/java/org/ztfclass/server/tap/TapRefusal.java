package org.ztfclass.server.tap;

/**
 * A TAP request refused for a limit or a right, with the HTTP status to answer: 403 (another
 * user's job), 411 (a chunked multipart body), 413 (body or job parameters too large), 429 (too
 * many unfinished jobs of one client), 503 (the service holds as many jobs as it may). The message
 * says which limit and what to do; it is answered as a {@code QUERY_STATUS=ERROR} VOTable.
 */
final class TapRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;

    /**
     * @param status  the HTTP status, 4xx or 503
     * @param message what was refused and why, naming the limit
     */
    TapRefusal(int status, String message) {
        super(message);
        this.status = status;
    }

    /** @return the HTTP status to answer */
    int status() {
        return status;
    }
}
