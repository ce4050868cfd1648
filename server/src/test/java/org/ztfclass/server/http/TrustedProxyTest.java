package org.ztfclass.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.TestStores;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.auth.AccountHttp;
import org.ztfclass.server.auth.LoginThrottle;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.auth.WebAuth;
import org.ztfclass.server.store.Database;

/**
 * Issue 14: behind a reverse proxy the client is named by the proxy's {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto}, but only when the socket's peer is a trusted proxy. Replayed against
 * running servers: a client that forges {@code X-Forwarded-For} while connecting directly still has
 * its failures counted under its own address (and cannot make a cookie {@code Secure}); through a
 * trusted proxy each forwarded address has its own count. The address rule (rightmost address not
 * itself a trusted proxy) is checked on its own too.
 */
class TrustedProxyTest {

    @TempDir
    Path tmp;

    private Database db;

    /** Each test its own store, so no count carries over even where the throttle keeps its counts in the store. */
    @BeforeEach
    void store() throws Exception {
        db = TestStores.open(tmp.resolve("proxy.db"));
        new UserStore(db).create("reader", Role.LABELLER, "reader-password");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theRightmostUntrustedForwardedAddressIsTheClient() {
        TrustedProxies proxies = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8");
        assertEquals("203.0.113.7", ClientAddress.resolve("127.0.0.1", List.of("203.0.113.7"), proxies));
        // the client wrote the left part itself; the proxy appended the address it saw
        assertEquals("203.0.113.7", ClientAddress.resolve("127.0.0.1", List.of("1.2.3.4, 203.0.113.7"), proxies));
        // a chain of trusted proxies (a balancer in 10/8 in front of nginx)
        assertEquals("198.51.100.9", ClientAddress.resolve("127.0.0.1", List.of("6.6.6.6, 198.51.100.9", "10.1.2.3"), proxies));
        // from a peer that is not a trusted proxy the header is ignored
        assertEquals("192.0.2.1", ClientAddress.resolve("192.0.2.1", List.of("203.0.113.7"), proxies));
        assertEquals("127.0.0.1", ClientAddress.resolve("127.0.0.1", List.of("203.0.113.7"), TrustedProxies.NONE));
        // no header, or a rightmost entry that is not an address: the peer
        assertEquals("127.0.0.1", ClientAddress.resolve("127.0.0.1", List.of(), proxies));
        assertEquals("127.0.0.1", ClientAddress.resolve("127.0.0.1", List.of("1.2.3.4, evil.example"), proxies));
        assertEquals("2001:db8:0:0:0:0:0:1", ClientAddress.resolve("127.0.0.1", List.of("[2001:db8::1]"), proxies));
    }

    @Test
    void trustedProxiesAreLiteralAddressesAndRanges() {
        TrustedProxies p = TrustedProxies.parse("127.0.0.1,10.0.0.0/8,fd00::/8");
        assertTrue(p.trusts("127.0.0.1"));
        assertTrue(p.trusts("10.255.0.1"));
        assertTrue(p.trusts("fd12::1"));
        assertFalse(p.trusts("127.0.0.2"));
        assertFalse(p.trusts("11.0.0.1"));
        assertFalse(p.trusts("localhost"));
        assertTrue(TrustedProxies.parse("").isEmpty());
        assertTrue(TrustedProxies.parse(" , ").isEmpty());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("proxy.example")).getMessage()
                .contains("host names are not accepted"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("300.0.0.1"));
    }

    @Test
    void aForgedForwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
        ApiServer server = new ApiServer(db).start("127.0.0.1", 0);
        try {
            AccountHttp http = new AccountHttp(server);
            AccountHttp.SignInForm form = http.signInForm();
            for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
                HttpResponse<String> wrong = wrongPassword(http, form, i, "X-Forwarded-For", "203.0.113." + i);
                assertEquals(401, wrong.statusCode(), "try " + i + ": " + wrong.body());
            }
            // every failure counted under the socket's address: it is locked whatever the header says
            HttpResponse<String> locked = wrongPassword(http, form, 99, "X-Forwarded-For", "198.51.100.1");
            assertEquals(429, locked.statusCode(), locked.body());
            // a direct plain-HTTP request cannot claim HTTPS for its cookies
            HttpResponse<String> page = http.get("/signin", "X-Forwarded-Proto", "https");
            assertFalse(setCookie(page, WebAuth.PRE_CSRF_COOKIE).contains("Secure"), setCookie(page, WebAuth.PRE_CSRF_COOKIE));
        } finally {
            server.stop();
        }
    }

    @Test
    void aTrustedProxysForwardedForNamesTheClient() throws Exception {
        ApiServer server = new ApiServer(db, TrustedProxies.parse("127.0.0.1")).start("127.0.0.1", 0);
        try {
            AccountHttp http = new AccountHttp(server);
            AccountHttp.SignInForm form = http.signInForm();
            for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
                HttpResponse<String> wrong = wrongPassword(http, form, i, "X-Forwarded-For", "6.6.6.6, 203.0.113.50");
                assertEquals(401, wrong.statusCode(), "try " + i + ": " + wrong.body());
            }
            // that client is locked, whatever it writes to the left of the proxy's entry
            assertEquals(429, wrongPassword(http, form, 98, "X-Forwarded-For", "1.1.1.1, 203.0.113.50").statusCode());
            // another client behind the same proxy is not
            assertEquals(401, wrongPassword(http, form, 99, "X-Forwarded-For", "203.0.113.51").statusCode());
            HttpResponse<String> ok = http.trySignIn(form, "reader", "reader-password");
            assertEquals(303, ok.statusCode(), "no X-Forwarded-For: the proxy's own address, not locked");
            // the proxy says the client came over HTTPS: cookies are Secure
            HttpResponse<String> page = http.get("/signin", "X-Forwarded-For", "203.0.113.52", "X-Forwarded-Proto", "https");
            assertTrue(setCookie(page, WebAuth.PRE_CSRF_COOKIE).contains("; Secure"), setCookie(page, WebAuth.PRE_CSRF_COOKIE));
            HttpResponse<String> plain = http.get("/signin", "X-Forwarded-Proto", "http");
            assertFalse(setCookie(plain, WebAuth.PRE_CSRF_COOKIE).contains("Secure"));
        } finally {
            server.stop();
        }
    }

    private static HttpResponse<String> wrongPassword(AccountHttp http, AccountHttp.SignInForm form, int i, String... headers)
            throws Exception {
        return http.postForm("/signin", "csrf=" + AccountHttp.enc(form.csrf()) + "&name=nobody-" + i + "&password=guess-" + i,
                concat(new String[] {"Cookie", form.cookie()}, headers));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String setCookie(HttpResponse<String> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + ": " + r.headers().allValues("Set-Cookie")));
    }
}
