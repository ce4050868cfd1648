package org.ztfclass.server.tap;

/**
 * A query the TAP service refuses: not ADQL, or outside the subset served, or naming something
 * not published. The message says what and why; it becomes the {@code QUERY_STATUS=ERROR} text.
 */
public final class AdqlException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the offending part of the query */
    public AdqlException(String message) {
        super(message);
    }
}
