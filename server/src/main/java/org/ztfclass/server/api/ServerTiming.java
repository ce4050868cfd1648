package org.ztfclass.server.api;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * Stamps every answer with a W3C {@code Server-Timing} header, {@code app;dur=MS}: the time from
 * the first before-handler to the last after-handler, i.e. the server's own work for the request
 * (routing, access checks, the handler, building the answer), without the network and without the
 * client. Browsers show it in their developer tools; {@code bench web} reads it to report server
 * time next to the latency the clients saw.
 */
public final class ServerTiming {

    /** The header's name. */
    public static final String HEADER = "Server-Timing";
    private static final String START = ServerTiming.class.getName() + ".start";

    private ServerTiming() {
    }

    /** Registered as the first before-handler. */
    static void start(Context ctx) {
        ctx.attribute(START, System.nanoTime());
    }

    /** Registered as an after-handler: sets the header, if {@link #start} ran for this request. */
    static void stamp(Context ctx) {
        Long t0 = ctx.attribute(START);
        if (t0 != null) {
            ctx.header(HEADER, String.format(Locale.ROOT, "app;dur=%.2f", (System.nanoTime() - t0) / 1e6));
        }
    }

    /**
     * @param headerValue a {@link #HEADER} value as {@link #stamp} writes it
     * @return its {@code app} duration in milliseconds
     * @throws IllegalArgumentException if it has none
     */
    public static double appMillis(String headerValue) {
        int at = headerValue.indexOf("app;dur=");
        if (at < 0) {
            throw new IllegalArgumentException("no app;dur= in Server-Timing '" + headerValue + "'");
        }
        return Double.parseDouble(headerValue.substring(at + "app;dur=".length()).split("[,;]")[0]);
    }
}
