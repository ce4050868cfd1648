package org.ztfclass.server.web;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.auth.WebAuth;
import org.ztfclass.server.store.Database;

/**
 * Issue 13, finding 2, replayed against a running server: {@code /signin?next=%2F%09%2Fevil.example}
 * followed by a real sign-in (the form's CSRF token and hidden {@code next}, as a browser posts it)
 * must not send the browser off site. Every bad {@code next} redirects to {@code /}; a same-site
 * path is kept. The client never follows redirects; the Location header is the verdict.
 */
class OpenRedirectAttackTest {

    @TempDir
    static Path tmp;

    private static ApiServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static final List<String> BAD = List.of("/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example",
            "/%09/evil.example");
    private static final String GOOD = "/queue?stage=none";

    @BeforeAll
    static void start() throws Exception {
        Database db = TestStores.open(tmp.resolve("redirect.db"));
        new UserStore(db).create("labeller1", Role.LABELLER, "labeller-password");
        server = new ApiServer(db).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String group(String html, String regex) {
        Matcher m = Pattern.compile(regex).matcher(html);
        assertTrue(m.find(), regex + " in " + html);
        return m.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /**
     * Opens {@code /signin?next=...} as the attacker's link does, then signs in with that form.
     *
     * @param override the {@code next} to post instead of the form's, or null to post the form's own
     * @return the Location the signed-in browser is sent to
     */
    private static String signInVia(String next, String override) throws Exception {
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(url("/signin?next=" + enc(next)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, form.statusCode());
        String pre = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(WebAuth.PRE_CSRF_COOKIE + "="))
                .findFirst().orElseThrow();
        pre = pre.substring(0, pre.indexOf(';'));
        String csrf = group(form.body(), "name=\"csrf\" value=\"([^\"]+)\"");
        String hidden = group(form.body(), "name=\"next\" value=\"([^\"]*)\"");
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url("/signin")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", pre)
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + enc(csrf) + "&name=labeller1&password=labeller-password&next="
                        + enc(override != null ? override : hidden))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, r.statusCode(), r.body());
        assertTrue(r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith(WebAuth.SESSION_COOKIE + "=")), "signed in");
        return r.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void theReviewersLinkNoLongerLeavesTheSite() throws Exception {
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(url("/signin?next=%2F%09%2Fevil.example"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("/", group(form.body(), "name=\"next\" value=\"([^\"]*)\""), "the form does not carry the bad next");
        assertEquals("/", signInVia("/\t/evil.example", null));
    }

    @Test
    void badNextValuesRedirectHomeWhetherFromTheLinkOrPostedDirectly() throws Exception {
        for (String bad : BAD) {
            assertEquals("/", signInVia(bad, null), "via the form of /signin?next=" + bad);
            assertEquals("/", signInVia(GOOD, bad), "posted directly: " + bad);
        }
    }

    @Test
    void aSameSitePathIsKept() throws Exception {
        assertEquals(GOOD, signInVia(GOOD, null));
        assertEquals(GOOD, signInVia("/", GOOD));
    }

    @Test
    void theRuleItself() {
        for (String bad : List.of("/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "/%09/evil.example",
                "/%2F/evil.example", "/%5Cevil.example", "/\r\n/evil.example", "/ /evil.example", "/%0d%0a/evil.example",
                "/%2509/evil.example", "javascript:alert(1)", "evil.example", "/%zz", "/\u00a0/evil.example", "/%E2%80%A8/evil.example")) {
            assertEquals("/", SignInPage.safeNext(bad), bad);
        }
        for (String good : List.of("/queue?stage=none", "/objects/ZTF20aaelulu", "/queue?sort=a+b&stage=none", "/objects/caf%C3%A9", "/")) {
            assertEquals(good, SignInPage.safeNext(good), good);
        }
        assertEquals("/queue", SignInPage.safeNext(null), "no next: the queue, as before");
        assertEquals("/queue", SignInPage.safeNext("/signin?next=/x"), "never back to sign-in");
    }
}
