package org.ztfclass.server.auth;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.cli.Main;
import org.ztfclass.server.store.Database;
import picocli.CommandLine;

/**
 * Issue 13, finding 5, replayed against a running server: someone who stole a session or an API
 * token kept it after the owner changed the password, or after an administrator reset it. Now a
 * user's own change ends their other sessions (not the one they changed it in) and revokes every
 * API token of theirs; a reset (the admin page, {@code ztfclass user password}) ends all sessions
 * and revokes every token; a disabled user's sessions and tokens stop working.
 */
class StaleCredentialsAttackTest {

    @TempDir
    static Path tmp;

    private static Database db;
    private static ApiServer server;
    private static AccountHttp http;

    @BeforeAll
    static void start() throws Exception {
        db = TestStores.open(tmp.resolve("stale.db"));
        UserStore users = new UserStore(db);
        users.create("owner", Role.LABELLER, "owner-password-1");
        users.create("reset-me", Role.LABELLER, "reset-me-password");
        users.create("cli-reset", Role.LABELLER, "cli-reset-password");
        users.create("leaver", Role.LABELLER, "leaver-password");
        users.create("boss", Role.ADMIN, "boss-password-1");
        server = new ApiServer(db).start("127.0.0.1", 0);
        http = new AccountHttp(server);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String tokenOf(String name) throws Exception {
        return new TokenStore(db).create(new UserStore(db).byName(name).orElseThrow(), "plugin").token();
    }

    @Test
    void changingYourPasswordSignsOutTheThiefAndRevokesTheTokens() throws Exception {
        AccountHttp.Browser owner = http.signIn("owner", "owner-password-1");
        AccountHttp.Browser thief = http.signIn("owner", "owner-password-1"); // the stolen session
        String token = tokenOf("owner"); // a token the thief made or copied
        assertEquals(200, http.withToken(token));
        HttpResponse<String> change = http.postForm("/account/password", "csrf=" + AccountHttp.enc(owner.csrf())
                + "&current=owner-password-1&password=owner-password-2", "Cookie", owner.cookie());
        assertEquals(200, change.statusCode(), change.body());
        assertTrue(change.body().contains("Password changed. Your other sessions were signed out and your 1 API token was revoked"),
                change.body());
        assertTrue(http.signedIn(owner), "the session the change was made in goes on");
        assertFalse(http.signedIn(thief), "every other session ended");
        assertEquals(401, http.withToken(token), "the token no longer works");
        assertTrue(change.body().contains("revoked "), "the page lists the token as revoked");
        assertEquals(401, http.trySignIn(http.signInForm(), "owner", "owner-password-1").statusCode());
        http.signIn("owner", "owner-password-2");
    }

    @Test
    void anAdminResetEndsEverySessionAndToken() throws Exception {
        AccountHttp.Browser user = http.signIn("reset-me", "reset-me-password");
        String token = tokenOf("reset-me");
        AccountHttp.Browser admin = http.signIn("boss", "boss-password-1");
        long id = new UserStore(db).byName("reset-me").orElseThrow().id();
        HttpResponse<String> reset = http.postForm("/admin/users/" + id, "csrf=" + AccountHttp.enc(admin.csrf()) + "&action=password",
                "Cookie", admin.cookie());
        assertEquals(200, reset.statusCode(), reset.body());
        assertTrue(reset.body().contains("their sessions ended and 1 API token was revoked"), reset.body());
        assertFalse(http.signedIn(user));
        assertEquals(401, http.withToken(token));
        assertTrue(http.signedIn(admin), "the admin's own session is not touched");
        Matcher m = Pattern.compile("id=\"new-password\">([^<]+)<").matcher(reset.body());
        assertTrue(m.find(), reset.body());
        http.signIn("reset-me", m.group(1));
    }

    @Test
    void aResetFromTheCommandLineEndsEverySessionAndToken() throws Exception {
        AccountHttp.Browser user = http.signIn("cli-reset", "cli-reset-password");
        String token = tokenOf("cli-reset");
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            code = new CommandLine(new Main()).execute("user", "password", "cli-reset", "--db", TestStores.location(tmp.resolve("stale.db")));
        } finally {
            System.setOut(out);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        assertTrue(text.contains("sessions ended, 1 API token(s) revoked"), text);
        assertFalse(http.signedIn(user));
        assertEquals(401, http.withToken(token));
        Matcher m = Pattern.compile("new password for cli-reset: (\\S+);").matcher(text);
        assertTrue(m.find(), text);
        http.signIn("cli-reset", m.group(1));
    }

    @Test
    void aDisabledUsersSessionsAndTokensStopWorking() throws Exception {
        AccountHttp.Browser user = http.signIn("leaver", "leaver-password");
        String token = tokenOf("leaver");
        assertEquals(200, http.withToken(token));
        AccountHttp.Browser admin = http.signIn("boss", "boss-password-1");
        long id = new UserStore(db).byName("leaver").orElseThrow().id();
        assertEquals(200, http.postForm("/admin/users/" + id, "csrf=" + AccountHttp.enc(admin.csrf()) + "&action=disable",
                "Cookie", admin.cookie()).statusCode());
        assertFalse(http.signedIn(user));
        assertEquals(401, http.withToken(token));
        assertEquals(401, http.trySignIn(http.signInForm(), "leaver", "leaver-password").statusCode());
    }
}
