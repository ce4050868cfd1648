package org.ztfclass.server.api;

import io.javalin.http.Context;

/**
 * The security headers every answer carries (issue 13, finding 6), set in one before-handler so
 * pages, API answers, static files, 404s and 500s all get them.
 *
 * <p>The Content-Security-Policy allows what the pages use and nothing more: scripts only from
 * files of this site (no inline script runs: data blocks such as the light curve's JSON are not
 * scripts, and pages read the CSRF token from a meta tag), styles from this site plus inline ones
 * ({@code style} attributes, and the {@code <style>} element Aladin Lite adds); {@code 'wasm-unsafe-eval'} for Aladin Lite's WebAssembly core (inlined as a
 * {@code data:application/wasm} URL it fetches) and {@code blob:} workers it starts; survey tiles
 * (HiPS) from any https server as images or fetches. No plugins, no framing, no foreign base URL,
 * forms post only here.
 */
public final class SecurityHeaders {

    /** The Content-Security-Policy sent with every answer. */
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'wasm-unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob: https:",
            "connect-src 'self' data: blob: https:",
            "worker-src 'self' blob:",
            "font-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private SecurityHeaders() {
    }

    /** Sets the headers on the answer to {@code ctx}. */
    public static void apply(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }
}
