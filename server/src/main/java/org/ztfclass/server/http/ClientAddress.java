package org.ztfclass.server.http;

import io.javalin.config.JavalinConfig;
import io.javalin.config.Key;
import io.javalin.config.NoValueForKeyException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who sent a request and how: the client's address and the scheme (http or https) it used, the
 * one place the server reads them. When the socket's peer is one of the {@link TrustedProxies}
 * the server was given, the address is the rightmost address in {@code X-Forwarded-For} that is
 * not itself a trusted proxy (addresses to its left were written by the client and prove nothing)
 * and the scheme is the last value of {@code X-Forwarded-Proto}; from any other peer both headers
 * are ignored, so a client cannot choose the address its failures are counted under, nor make a
 * plain-HTTP cookie {@code Secure}. With no usable forwarded address (header missing, or its
 * entries not literal addresses) the peer's address is the client's.
 *
 * <p>The trusted proxies are the app's data ({@link #install}); a context of an app without them
 * trusts no proxy. Stateless and thread-safe.
 */
public final class ClientAddress {

    /** The app data key of the server's trusted proxies. */
    private static final Key<TrustedProxies> KEY = new Key<>("ztfclass.trustedProxies");

    private ClientAddress() {
    }

    /** Makes {@code proxies} the trusted proxies of the app {@code config} builds. */
    public static void install(JavalinConfig config, TrustedProxies proxies) {
        config.appData(KEY, proxies);
    }

    /** @return the client's address (a literal IP address as text) */
    public static String of(Context ctx) {
        return resolve(ctx.ip(), headerLines(ctx, "X-Forwarded-For"), proxies(ctx));
    }

    /** @return true when the client reached the server over HTTPS, directly or through a trusted proxy that says so */
    public static boolean isHttps(Context ctx) {
        return "https".equals(scheme(ctx));
    }

    /** @return the scheme the client used, {@code http} or {@code https}, for cookies and absolute links */
    public static String scheme(Context ctx) {
        String own = ctx.scheme().toLowerCase(Locale.ROOT);
        if (!proxies(ctx).trusts(ctx.ip())) {
            return own;
        }
        List<String> forwarded = values(headerLines(ctx, "X-Forwarded-Proto"));
        if (forwarded.isEmpty()) {
            return own;
        }
        String last = forwarded.get(forwarded.size() - 1).toLowerCase(Locale.ROOT);
        return last.equals("https") || last.equals("http") ? last : own;
    }

    /**
     * The address rule on its own, for tests and callers without a context.
     *
     * @param peer      the socket's peer address
     * @param forwarded the {@code X-Forwarded-For} header lines, in order (each may list several addresses)
     * @param proxies   the trusted proxies
     * @return the client's address
     */
    public static String resolve(String peer, List<String> forwarded, TrustedProxies proxies) {
        if (!proxies.trusts(peer)) {
            return peer;
        }
        List<String> chain = values(forwarded);
        String client = peer;
        for (int i = chain.size() - 1; i >= 0; i--) {
            var address = TrustedProxies.literal(chain.get(i));
            if (address == null) {
                break; // not an address: nothing to its left can be believed either
            }
            client = address.getHostAddress();
            if (!proxies.trusts(address)) {
                break;
            }
        }
        return client;
    }

    private static TrustedProxies proxies(Context ctx) {
        try {
            TrustedProxies p = ctx.appData(KEY);
            return p == null ? TrustedProxies.NONE : p;
        } catch (NoValueForKeyException e) {
            return TrustedProxies.NONE; // an app built without install(): no proxy is trusted
        }
    }

    private static List<String> headerLines(Context ctx, String name) {
        return java.util.Collections.list(ctx.req().getHeaders(name));
    }

    private static List<String> values(List<String> lines) {
        List<String> out = new ArrayList<>();
        if (lines == null) {
            return out;
        }
        for (String line : lines) {
            for (String v : line.split(",")) {
                if (!v.isBlank()) {
                    out.add(v.strip());
                }
            }
        }
        return out;
    }
}
