package org.ztfclass.server.api;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.eclipse.jetty.http.BadMessageException;
import org.ztfclass.server.auth.WebAuth;

/**
 * How much of the server one request may hold (issue 13, finding 7: 260 anonymous connections
 * sending a body at one byte every 2 s held every request thread, so even {@code /api/status}
 * timed out):
 * <ul>
 *   <li>a request body must arrive at {@link #MIN_UPLOAD_BYTES_PER_SECOND} on average, measured
 *       by Jetty from its first byte, else the request ends with 408 and its thread is freed
 *       (small bodies are read at once, {@link #readSmallBodyNow}, so that a busy server does not
 *       mistake them for slow ones);</li>
 *   <li>a read or write of a request blocked for {@link #IDLE_TIMEOUT_MS} ends the request, and a
 *       connection silent that long is closed (Jetty's connector default, the same 30 s);</li>
 *   <li>a body may be at most {@link #ANONYMOUS_MAX_BODY_BYTES} without an account and
 *       {@link #SIGNED_IN_MAX_BODY_BYTES} with one (413 otherwise, before anything is read);</li>
 *   <li>a body must announce its length ({@code Content-Length}; chunked bodies are refused with
 *       411), so that the limit holds before reading; except on {@code /tap}, whose service reads
 *       any body only up to its own 64 KiB limit.</li>
 * </ul>
 */
final class RequestLimits {

    /** Largest body of a request without a signed-in user or API token: 16 MiB. */
    static final long ANONYMOUS_MAX_BODY_BYTES = 16L * 1024 * 1024;
    /** Largest body of a signed-in user's request (a big table sent for matching): 256 MiB. */
    static final long SIGNED_IN_MAX_BODY_BYTES = 256L * 1024 * 1024;
    /** Slowest average upload accepted, in bytes per second. */
    static final int MIN_UPLOAD_BYTES_PER_SECOND = 256;
    /** Bodies up to this size (forms, label batches, TAP parameters) are read as soon as the request is dispatched. */
    static final int READ_AT_ONCE_BYTES = 64 * 1024;
    /** Longest silence on a connection, and longest a read or write of a request may block: 30 s. */
    static final long IDLE_TIMEOUT_MS = 30_000;

    /** Routes of the TAP service, which bound every body themselves, chunked ones included. */
    private static final String TAP_PATH = "/tap";

    private RequestLimits() {
    }

    /** Sets the connection limits of the server {@code config} builds. */
    static void configure(JavalinConfig config) {
        config.http.maxRequestSize = SIGNED_IN_MAX_BODY_BYTES;
        config.jetty.clientAbortStatus = 400; // a body cut short by its client is the client's error, not the server's 500
        config.jetty.modifyHttpConfiguration(http -> {
            http.setMinRequestDataRate(MIN_UPLOAD_BYTES_PER_SECOND);
            http.setIdleTimeout(IDLE_TIMEOUT_MS);
        });
    }

    /**
     * Answers a request whose body Jetty refused while reading it (408 when it came too slowly,
     * or another bad-message status) with the reason, never as a server failure. A body cut short
     * by its client gets Javalin's client-abort status, 400, set in {@link #configure}.
     */
    static void answerFailedReads(Javalin app) {
        app.exception(BadMessageException.class, (e, ctx) -> ApiServer.error(ctx, e.getCode(),
                "the request body could not be read: " + (e.getCode() == 408
                        ? "it arrived slower than " + MIN_UPLOAD_BYTES_PER_SECOND + " bytes/s on average" : e.getReason())));
    }

    /**
     * First before-handler: reads a small body ({@link #READ_AT_ONCE_BYTES} or less, with a
     * Content-Length, not multipart) right away, before any store lookup, and leaves it to Javalin's
     * cached body that later handlers read. Jetty measures the upload rate from the body's first
     * byte to each read, so a tiny body that has fully arrived but is read late (a busy server, a
     * slow sign-in lookup) would otherwise count as a slow upload and get 408.
     */
    static void readSmallBodyNow(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (length > 0 && length <= READ_AT_ONCE_BYTES && !type.startsWith("multipart/")) {
            ctx.bodyAsBytes();
        }
    }

    /**
     * Before-handler, run after the principal is known: refuses a body over the caller's limit
     * (413) or without a length (411), from its headers (only bodies of at most
     * {@link #READ_AT_ONCE_BYTES}, below every limit, were read before).
     */
    static void check(Context ctx) {
        boolean hasBody = ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
        if (!hasBody) {
            return;
        }
        long length = ctx.req().getContentLengthLong();
        if (length < 0 && ctx.path().startsWith(TAP_PATH)) {
            return; // the TAP service reads a body of unknown length only up to its own 64 KiB limit (TapParameters)
        }
        if (length < 0) {
            throw new ApiException(411, "send the request body with a Content-Length header; bodies of unknown length "
                    + "(Transfer-Encoding: chunked) are not accepted");
        }
        boolean signedIn = WebAuth.principal(ctx).isPresent();
        long limit = signedIn ? SIGNED_IN_MAX_BODY_BYTES : ANONYMOUS_MAX_BODY_BYTES;
        if (length > limit) {
            throw new ApiException(413, "the request body has " + length + " bytes; at most " + limit + " are accepted "
                    + (signedIn ? "" : "without an account (" + SIGNED_IN_MAX_BODY_BYTES + " when signed in or with an API token)"));
        }
    }
}
