package org.ztfclass.server.auth;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.store.Database;

/**
 * Issue 13, finding 5, replayed against a running server: guessing passwords at {@code POST /signin}
 * and at {@code POST /account/password} is stopped after {@link LoginThrottle#MAX_FAILURES_PER_NAME}
 * wrong ones for a name (or {@link LoginThrottle#MAX_FAILURES_PER_ADDRESS} from an address) with 429
 * and {@code Retry-After}, and during the lockout even the right password gets in nowhere. Each
 * test starts its own server on an emptied count (the count lives in the store, shared by every
 * server on it, so a restart alone would not clear it).
 */
class PasswordGuessingAttackTest {

    @TempDir
    static Path tmp;

    private static Database db;
    private ApiServer server;
    private AccountHttp http;

    @BeforeAll
    static void users() throws Exception {
        db = TestStores.open(tmp.resolve("guessing.db"));
        UserStore users = new UserStore(db);
        users.create("victim", Role.LABELLER, "victim-password");
        users.create("bystander", Role.LABELLER, "bystander-password");
        users.create("typist", Role.LABELLER, "typist-password");
        users.create("changer", Role.LABELLER, "changer-password");
    }

    @BeforeEach
    void start() throws java.sql.SQLException {
        try (java.sql.Connection c = db.connect(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM login_failures");
            s.executeUpdate("DELETE FROM login_lockouts");
        }
        server = new ApiServer(db).start("127.0.0.1", 0);
        http = new AccountHttp(server);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static void assertLocked(HttpResponse<String> r) {
        assertEquals(429, r.statusCode(), r.body());
        long retryAfter = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter > 0 && retryAfter <= LoginThrottle.LOCKOUT.toSeconds(), "Retry-After " + retryAfter);
        assertTrue(r.body().contains("Too many wrong passwords") && r.body().contains("Wait 15 minutes"), r.body());
        assertFalse(AccountHttp.hasCookie(r, WebAuth.SESSION_COOKIE), "no session while locked");
    }

    @Test
    void guessingOneUsersPasswordIsLockedEvenForTheRightOne() throws Exception {
        AccountHttp.SignInForm form = http.signInForm();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_NAME; i++) {
            HttpResponse<String> wrong = http.trySignIn(form, "victim", "guess-number-" + i);
            assertEquals(401, wrong.statusCode(), "guess " + i + ": " + wrong.body());
        }
        assertLocked(http.trySignIn(form, "victim", "victim-password"));
        assertLocked(http.trySignIn(form, "VICTIM", "victim-password")); // the name's case changes nothing
        // the lock is on the name: another user behind the same address still signs in
        http.signIn("bystander", "bystander-password");
    }

    @Test
    void sprayingOnePasswordOverManyNamesFromOneAddressIsLocked() throws Exception {
        AccountHttp.SignInForm form = http.signInForm();
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            HttpResponse<String> wrong = http.trySignIn(form, "someone-" + i, "Password123!");
            assertEquals(401, wrong.statusCode(), "try " + i + ": " + wrong.body());
        }
        assertLocked(http.trySignIn(form, "bystander", "bystander-password"));
    }

    @Test
    void aRightPasswordClearsTheNamesFailures() throws Exception {
        AccountHttp.SignInForm form = http.signInForm();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_NAME - 1; i++) {
                assertEquals(401, http.trySignIn(form, "typist", "typo-" + i).statusCode());
            }
            assertEquals(303, http.trySignIn(form, "typist", "typist-password").statusCode(), "round " + round);
        }
    }

    @Test
    void guessingTheCurrentPasswordOfASessionIsLockedToo() throws Exception {
        AccountHttp.Browser b = http.signIn("changer", "changer-password");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_NAME; i++) {
            HttpResponse<String> wrong = http.postForm("/account/password", "csrf=" + AccountHttp.enc(b.csrf()) + "&current=guess-" + i
                    + "&password=new-password-0", "Cookie", b.cookie());
            assertEquals(400, wrong.statusCode(), wrong.body());
        }
        HttpResponse<String> right = http.postForm("/account/password", "csrf=" + AccountHttp.enc(b.csrf())
                + "&current=changer-password&password=new-password-1", "Cookie", b.cookie());
        assertLocked(right);
        assertTrue(right.body().contains("Nothing changed"), right.body());
        assertTrue(new UserStore(db).authenticate("changer", "changer-password").isPresent(), "the password did not change");
        // the same count guards sign-in: the name is locked there as well
        assertLocked(http.trySignIn(http.signInForm(), "changer", "changer-password"));
    }
}
