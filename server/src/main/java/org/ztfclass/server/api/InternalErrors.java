package org.ztfclass.server.api;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unexpected failures (issue 13, finding 6): the full detail goes to the log under a fresh request
 * id, the client gets only "internal error" and that id — never an exception's text, class name,
 * stack or SQL.
 */
public final class InternalErrors {

    private static final Logger LOG = LoggerFactory.getLogger(InternalErrors.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The message a client sees for an unexpected failure. */
    public static final String MESSAGE = "internal error";

    private InternalErrors() {
    }

    /**
     * Logs {@code failure} with a new request id.
     *
     * @param where what failed (method and path, a job id), for the log only
     * @return the request id to give the client
     */
    public static String log(String where, Throwable failure) {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        String id = HexFormat.of().formatHex(b);
        LOG.error("request {} failed: {}", id, where, failure);
        return id;
    }

    /** @return the message for a client, with the request id to quote when reporting it */
    public static String message(String requestId) {
        return MESSAGE + " (request id " + requestId + ")";
    }
}
