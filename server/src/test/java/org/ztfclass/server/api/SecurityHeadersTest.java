package org.ztfclass.server.api;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.store.Database;

/** Issue 13, finding 6, against a running server: security headers on every answer, and 500s without exception text. */
class SecurityHeadersTest {

    @TempDir
    static Path tmp;

    private static ApiServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        server = new ApiServer(TestStores.open(tmp.resolve("headers.db"))).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertHardened(HttpResponse<String> r) {
        String what = r.uri() + " (" + r.statusCode() + ")";
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), what);
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), what);
        assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(null), what);
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        for (String directive : new String[] {"default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'"}) {
            assertTrue(csp.contains(directive), what + " CSP has " + directive + ": " + csp);
        }
        assertFalse(csp.contains("'unsafe-eval'"), what + " CSP allows no eval: " + csp);
    }

    private static void assertPlain500(HttpResponse<String> r) {
        assertEquals(500, r.statusCode(), r.body());
        String body = r.body();
        for (String leak : new String[] {"Exception", "Error:", "StackOverflow", "SQL", "at org.", "at java.", "sqlite"}) {
            assertFalse(body.contains(leak), "500 body shows '" + leak + "': " + body);
        }
        String id = r.headers().firstValue("X-Request-Id").orElse("");
        assertTrue(id.matches("[0-9a-f]{16}"), "request id header: " + id);
        assertTrue(body.contains(id), "the body quotes the request id " + id + ": " + body);
        assertTrue(body.contains("internal error"), body);
    }

    @Test
    void aPageAnApiAnswerAStaticFileAndA404CarryTheHeaders() throws Exception {
        HttpResponse<String> page = get("/signin", "text/html");
        assertEquals(200, page.statusCode());
        assertHardened(page);
        HttpResponse<String> api = get("/api/status", null);
        assertEquals(200, api.statusCode());
        assertHardened(api);
        HttpResponse<String> css = get("/css/ztfclass.css", null);
        assertEquals(200, css.statusCode());
        assertHardened(css);
        HttpResponse<String> missing = get("/api/no-such-thing", null);
        assertEquals(404, missing.statusCode());
        assertHardened(missing);
        HttpResponse<String> missingPage = get("/no-such-page", "text/html");
        assertEquals(404, missingPage.statusCode());
        assertHardened(missingPage);
    }

    private static HttpResponse<String> tapSync(String adql) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/tap/sync"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("LANG=ADQL&QUERY=" + URLEncoder.encode(adql, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void deepParenthesesAreRefusedWithoutTheParsersExceptionText() throws Exception {
        // before finding 3's limits this reached the parser and answered "java.lang.StackOverflowError";
        // the review's natural 500 (a 20,000-term OR chain) is now a 400 as well: AdqlLimitsTest
        HttpResponse<String> r = tapSync("SELECT object_id FROM ztf.objects WHERE " + "(".repeat(3000) + "ra > 1" + ")".repeat(3000));
        assertHardened(r);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("QUERY_STATUS\" value=\"ERROR\""), r.body());
        assertFalse(r.body().contains("StackOverflow") || r.body().contains("java."), r.body());
    }

    @Test
    void anUnexpectedExceptionOrErrorInAnyRouteIsLoggedNotShown() throws Exception {
        ApiServer throwing = new ApiServer(TestStores.open(tmp.resolve("throwing.db")));
        throwing.javalin().get("/api/test-sql", ctx -> {
            throw new java.sql.SQLException("[SQLITE_ERROR] SQL error or missing database (no such column: secret_sql)");
        });
        throwing.javalin().get("/api/test-error", ctx -> {
            throw new StackOverflowError("deep");
        });
        throwing.javalin().get("/test-page", ctx -> {
            throw new IllegalStateException("page state secret");
        });
        throwing.start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + throwing.port();
            for (String[] c : new String[][] {{"/api/test-sql", null}, {"/api/test-error", null}, {"/test-page", "text/html"},
                    {"/api/test-sql?format=votable", null}}) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + c[0]));
                if (c[1] != null) {
                    b.header("Accept", c[1]);
                }
                HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
                assertHardened(r);
                assertPlain500(r);
                assertFalse(r.body().contains("secret") || r.body().contains("deep"), r.body());
                if (c[0].startsWith("/api/test-") && !c[0].contains("votable")) {
                    assertTrue(r.body().matches("\\{\"status\":500,\"error\":\"internal error\",\"request_id\":\"[0-9a-f]{16}\"}"), r.body());
                }
            }
        } finally {
            throwing.stop();
        }
    }
}
