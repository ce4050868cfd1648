package org.ztfclass.server.auth;

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
import org.ztfclass.server.Samples;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;

/** Accounts, roles, tokens and CSRF over real HTTP against a real server on a temp SQLite store. */
class AccessHttpTest {

    @TempDir
    static Path tmp;

    private static ApiServer server;
    private static Database db;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String OBJECT = "ZTF20aaelulu";

    @BeforeAll
    static void start() throws Exception {
        db = TestStores.open(tmp.resolve("access.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("alerts")), IngestProgress.SILENT);
        UserStore users = new UserStore(db);
        users.create("viewer1", Role.VIEWER, "viewer-password");
        users.create("labeller1", Role.LABELLER, "labeller-password");
        users.create("admin1", Role.ADMIN, "admin-password");
        server = new ApiServer(db).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postLabel(String headerName, String headerValue, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/api/labels"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"source\":\"samp\",\"labels\":[{\"objectId\":\"" + OBJECT
                        + "\",\"class\":\"OTHER\",\"comment\":\"from " + (headerName == null ? "nobody" : headerName) + "\"}]}"));
        if (headerName != null) {
            b.header(headerName, headerValue);
        }
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return send(b);
    }

    /** A browser session: its cookie and the CSRF token of its pages. */
    private record Browser(String cookie, String csrf) {
    }

    private static Browser signIn(String name, String password) throws Exception {
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(url("/signin"))));
        assertEquals(1, form.headers().allValues("Set-Cookie").size(), "one pre-session token per page");
        String pre = cookie(form, WebAuth.PRE_CSRF_COOKIE);
        String csrf = field(form.body());
        assertEquals(pre, csrf, "the sign-in form carries the pre-session token of its cookie");
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url("/signin")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", WebAuth.PRE_CSRF_COOKIE + "=" + pre)
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + enc(csrf) + "&name=" + enc(name) + "&password=" + enc(password) + "&next=/queue")));
        assertEquals(303, r.statusCode(), r.body());
        String session = cookie(r, WebAuth.SESSION_COOKIE);
        String setCookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(WebAuth.SESSION_COOKIE)).findFirst().orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"), setCookie);
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(url("/account"))).header("Cookie", WebAuth.SESSION_COOKIE + "=" + session));
        assertEquals(200, page.statusCode());
        return new Browser(WebAuth.SESSION_COOKIE + "=" + session, field(page.body()));
    }

    private static String cookie(HttpResponse<String> r, String name) {
        for (String c : r.headers().allValues("Set-Cookie")) {
            if (c.startsWith(name + "=")) {
                return c.substring(name.length() + 1, c.indexOf(';'));
            }
        }
        throw new AssertionError("no cookie " + name + " in " + r.headers().allValues("Set-Cookie"));
    }

    private static String field(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "the page has a form with a CSRF token");
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void publicReadsNeedNoAccountButWritesDo() throws Exception {
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(url("/api/objects?limit=5")))).statusCode());
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(url("/objects/" + OBJECT)))).statusCode());
        HttpResponse<String> anonymous = postLabel(null, null, null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.body().contains("labeller"), anonymous.body());
        assertEquals(303, send(HttpRequest.newBuilder(URI.create(url("/admin/users")))).statusCode(), "pages that need an account send to sign-in");
    }

    @Test
    void tokensLabelWithoutCsrfAndAViewerCannotLabel() throws Exception {
        String viewerToken = new TokenStore(db).create(new UserStore(db).byName("viewer1").orElseThrow(), "t").token();
        HttpResponse<String> viewer = postLabel("Authorization", "Bearer " + viewerToken, null);
        assertEquals(403, viewer.statusCode(), viewer.body());
        User labeller = new UserStore(db).byName("labeller1").orElseThrow();
        TokenStore.Created token = new TokenStore(db).create(labeller, "plugin");
        HttpResponse<String> ok = postLabel("Authorization", "Bearer " + token.token(), null);
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().matches("\\{\"accepted\":[01],\"deduplicated\":[01],\"rejected\":\\[],\"user\":\"labeller1\"}"), ok.body());
        new TokenStore(db).revoke(labeller, token.listing().id());
        assertEquals(401, postLabel("Authorization", "Bearer " + token.token(), null).statusCode(), "a revoked token no longer works");
        assertEquals(401, postLabel("Authorization", "Bearer ztf_made-up", null).statusCode());
    }

    @Test
    void aSessionNeedsItsCsrfTokenForEveryChange() throws Exception {
        Browser b = signIn("labeller1", "labeller-password");
        HttpResponse<String> without = postLabel(null, null, b.cookie());
        assertEquals(403, without.statusCode(), without.body());
        assertTrue(without.body().contains("CSRF"), without.body());
        assertEquals(403, postLabel(WebAuth.CSRF_HEADER, "wrong-token", b.cookie()).statusCode());
        HttpResponse<String> with = postLabel(WebAuth.CSRF_HEADER, b.csrf(), b.cookie());
        assertEquals(200, with.statusCode(), with.body());
        HttpResponse<String> formWithout = send(HttpRequest.newBuilder(URI.create(url("/objects/" + OBJECT + "/labels")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", b.cookie())
                .POST(HttpRequest.BodyPublishers.ofString("class=SN_II")));
        assertEquals(403, formWithout.statusCode(), "a form posted without its token is refused");
        HttpResponse<String> signInWithout = send(HttpRequest.newBuilder(URI.create(url("/signin")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=admin1&password=admin-password")));
        assertEquals(403, signInWithout.statusCode(), "sign-in without the form's token is refused");
    }

    @Test
    void onlyAnAdminManagesUsersAndADisabledUserIsLockedOut() throws Exception {
        Browser labeller = signIn("labeller1", "labeller-password");
        HttpResponse<String> denied = send(HttpRequest.newBuilder(URI.create(url("/admin/users"))).header("Cookie", labeller.cookie()));
        assertEquals(403, denied.statusCode());
        Browser admin = signIn("admin1", "admin-password");
        HttpResponse<String> invite = send(HttpRequest.newBuilder(URI.create(url("/admin/users")))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", admin.cookie())
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + enc(admin.csrf()) + "&name=newcomer&role=viewer")));
        assertEquals(200, invite.statusCode(), invite.body());
        Matcher m = Pattern.compile("id=\"new-password\">([^<]+)<").matcher(invite.body());
        assertTrue(m.find(), "the first password is shown once");
        Browser newcomer = signIn("newcomer", m.group(1));
        long id = new UserStore(db).byName("newcomer").orElseThrow().id();
        HttpResponse<String> disable = send(HttpRequest.newBuilder(URI.create(url("/admin/users/" + id)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", admin.cookie())
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + enc(admin.csrf()) + "&action=disable")));
        assertEquals(200, disable.statusCode(), disable.body());
        assertEquals(303, send(HttpRequest.newBuilder(URI.create(url("/account"))).header("Cookie", newcomer.cookie())).statusCode(),
                "the disabled user's session ended");
        assertTrue(new UserStore(db).authenticate("newcomer", m.group(1)).isEmpty());
        assertTrue(new UserStore(db).authenticate("admin1", "wrong-password").isEmpty());
    }
}
