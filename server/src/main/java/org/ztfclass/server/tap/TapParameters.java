package org.ztfclass.server.tap;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a request to {@code /tap}, and the limit on its body (issue 13, finding 4).
 *
 * <p>{@link #limitBody} is a before-handler for {@code /tap/*}, declared before the sign-in
 * handler so that nothing reads a body it refuses: a body of more than
 * {@link TapLimits#MAX_BODY_BYTES} bytes is refused with 413, from its {@code Content-Length}
 * before any of it is read; a body without a length (chunked) is read here up to one byte past the
 * limit and refused with 413 if it is longer, else kept for {@link #of}. A chunked
 * {@code multipart/form-data} body is refused with 411 (send its length). (A chunked form sent
 * with a session cookie and without the {@code X-CSRF-Token} header is then refused by the sign-in
 * handler, which finds no CSRF field in the already-read body.)
 *
 * <p>{@link #of}: DALI parameters, names case-insensitive, query string and form body
 * ({@code application/x-www-form-urlencoded} or {@code multipart/form-data}) together, first value wins.
 */
final class TapParameters {

    private static final String BODY = "ztfclass.tap.body";

    private TapParameters() {
    }

    /**
     * Refuses a request body over the limit, before reading it where its length is given.
     *
     * @throws TapRefusal 413 for a body over {@link TapLimits#MAX_BODY_BYTES}, 411 for a chunked multipart body
     */
    static void limitBody(Context ctx) {
        long length = ctx.req().getContentLengthLong();
        if (length > TapLimits.MAX_BODY_BYTES) {
            throw tooLarge(length + " bytes");
        }
        if (length >= 0 || ctx.header("Transfer-Encoding") == null) {
            return; // a body with a length is never read past it
        }
        if (type(ctx).startsWith("multipart/form-data")) {
            throw new TapRefusal(411, "a multipart/form-data body sent to /tap must give its Content-Length (at most "
                    + TapLimits.MAX_BODY_BYTES + " bytes)");
        }
        byte[] body;
        try {
            body = ctx.req().getInputStream().readNBytes(TapLimits.MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body.length > TapLimits.MAX_BODY_BYTES) {
            throw tooLarge("more than " + TapLimits.MAX_BODY_BYTES + " bytes");
        }
        ctx.attribute(BODY, body);
    }

    private static TapRefusal tooLarge(String size) {
        return new TapRefusal(413, "the request body is " + size + "; a TAP request may send at most " + TapLimits.MAX_BODY_BYTES
                + " bytes (64 KiB) of parameters (a QUERY of at most " + AdqlLimits.MAX_LENGTH + " characters)");
    }

    /** @return the request's parameters with lower-cased names, the first value of each */
    static Map<String, String> of(Context ctx) {
        Map<String, String> out = new HashMap<>();
        add(out, ctx.queryParamMap());
        String type = type(ctx);
        if (ctx.method().name().equals("POST")) {
            byte[] chunked = ctx.attribute(BODY);
            if (chunked != null && type.startsWith("application/x-www-form-urlencoded")) {
                addForm(out, new String(chunked, StandardCharsets.UTF_8));
            } else if (chunked == null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))) {
                add(out, ctx.formParamMap());
            }
        }
        return out;
    }

    private static String type(Context ctx) {
        return ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    }

    private static void addForm(Map<String, String> out, String form) {
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
            } catch (IllegalArgumentException e) {
                throw new TapRefusal(400, "the form body is not valid application/x-www-form-urlencoded text");
            }
        }
    }

    private static void add(Map<String, String> out, Map<String, List<String>> in) {
        for (Map.Entry<String, List<String>> e : in.entrySet()) {
            if (!e.getValue().isEmpty()) {
                out.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue().get(0));
            }
        }
    }
}
