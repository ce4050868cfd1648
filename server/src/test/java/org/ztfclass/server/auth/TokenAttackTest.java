package org.ztfclass.server.auth;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.store.Database;

/**
 * Issue 13, finding 5, replayed against a running server: API tokens never expired, and a token
 * could mint more tokens (so revoking a leaked one did not end the leak). Now every token
 * expires ({@link TokenStore#DEFAULT_LIFETIME} unless chosen, at most {@link TokenStore#MAX_LIFETIME}),
 * an expired one gets 401, and a request made with a token may neither make tokens nor change
 * the password (403): only a signed-in browser session may.
 */
class TokenAttackTest {

    @TempDir
    static Path tmp;

    private static Database db;
    private static ApiServer server;
    private static AccountHttp http;

    @BeforeAll
    static void start() throws Exception {
        db = TestStores.open(tmp.resolve("tokens.db"));
        UserStore users = new UserStore(db);
        users.create("scripter", Role.LABELLER, "scripter-password");
        users.create("maker", Role.LABELLER, "maker-password");
        users.create("late", Role.LABELLER, "late-password");
        server = new ApiServer(db).start("127.0.0.1", 0);
        http = new AccountHttp(server);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static User user(String name) throws Exception {
        return new UserStore(db).byName(name).orElseThrow();
    }

    @Test
    void aTokenCannotMintTokensNorChangeThePassword() throws Exception {
        String token = new TokenStore(db).create(user("scripter"), "leaked").token();
        int before = new TokenStore(db).of(user("scripter")).size();
        HttpResponse<String> mint = http.postForm("/account/tokens", "name=attacker%27s+spare&days=365", "Authorization", "Bearer " + token);
        assertEquals(403, mint.statusCode(), mint.body());
        assertTrue(mint.body().contains("an API token may not create API tokens"), mint.body());
        assertEquals(before, new TokenStore(db).of(user("scripter")).size(), "no token was made");
        HttpResponse<String> password = http.postForm("/account/password", "current=scripter-password&password=attacker-password",
                "Authorization", "Bearer " + token);
        assertEquals(403, password.statusCode(), password.body());
        assertTrue(new UserStore(db).authenticate("scripter", "scripter-password").isPresent(), "the password did not change");
    }

    @Test
    void aSessionMakesTokensThatExpire() throws Exception {
        AccountHttp.Browser b = http.signIn("maker", "maker-password");
        String csrf = "csrf=" + AccountHttp.enc(b.csrf());
        for (String bad : List.of("0", "366", "-5", "ninety")) {
            HttpResponse<String> r = http.postForm("/account/tokens", csrf + "&name=bad&days=" + bad, "Cookie", b.cookie());
            assertEquals(400, r.statusCode(), bad + ": " + r.body());
            assertTrue(r.body().contains("1 to 365"), r.body());
        }
        assertTrue(new TokenStore(db).of(user("maker")).isEmpty(), "no token made by a refused form");
        HttpResponse<String> made = http.postForm("/account/tokens", csrf + "&name=month&days=30", "Cookie", b.cookie());
        assertEquals(200, made.statusCode(), made.body());
        assertTrue(made.body().contains("valid until"), made.body());
        HttpResponse<String> byDefault = http.postForm("/account/tokens", csrf + "&name=default", "Cookie", b.cookie());
        assertEquals(200, byDefault.statusCode(), byDefault.body());
        Instant now = Instant.now();
        for (ApiToken t : new TokenStore(db).of(user("maker"))) {
            long days = t.name().equals("month") ? 30 : 90;
            Instant expires = Instant.parse(t.expiresAt());
            assertTrue(expires.isAfter(now.plus(Duration.ofDays(days)).minus(Duration.ofHours(1)))
                    && expires.isBefore(now.plus(Duration.ofDays(days)).plus(Duration.ofHours(1))), t.toString());
            assertTrue(byDefault.body().contains(t.expiresAt()), "the page shows when " + t.name() + " expires");
        }
        assertTrue(made.body().contains("id=\"token-days\"") && made.body().contains("max=\"365\""), "the form asks for days");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        TokenStore.Created created = new TokenStore(db).create(user("late"), "old script");
        assertEquals(200, http.withToken(created.token()));
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("UPDATE api_tokens SET expires_at = ? WHERE id = ?")) {
            ps.setString(1, UtcTime.format(Instant.now().minusSeconds(1)));
            ps.setLong(2, created.listing().id());
            ps.executeUpdate();
        }
        HttpResponse<String> r = http.get("/api/status", "Authorization", "Bearer " + created.token());
        assertEquals(401, r.statusCode(), r.body());
        assertTrue(r.body().contains("expired"), r.body());
        AccountHttp.Browser b = http.signIn("late", "late-password");
        String page = http.get("/account", "Cookie", b.cookie()).body();
        assertTrue(page.contains("<td>expired</td>"), page);
    }

    @Test
    void tokensMadeBeforeExpiryExistedGetNinetyDaysFromTheUpgrade() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestStores.postgres(), "an upgrade of SQLite stores written before V11; PostgreSQL stores began at V16");
        Path file = tmp.resolve("old.db");
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/sqlite").target("9").load().migrate();
        try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO users (id, name, role, created_at) VALUES (1, 'old', 'labeller', '2025-01-01T00:00:00.000Z')");
            s.executeUpdate("INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (1, 'old', 'abc', '2025-01-01T00:00:00.000Z')");
        }
        Instant now = Instant.now();
        Database upgraded = TestStores.open(file);
        String expires;
        try (Connection c = upgraded.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT expires_at FROM api_tokens")) {
            rs.next();
            expires = rs.getString(1);
        }
        assertNotNull(expires);
        assertEquals(UtcTime.format(Instant.parse(expires)), expires, "the same fixed-width text as the code writes");
        Instant e = Instant.parse(expires);
        assertTrue(e.isAfter(now.plus(Duration.ofDays(90)).minusSeconds(3600)) && e.isBefore(now.plus(Duration.ofDays(90)).plusSeconds(3600)),
                expires);
    }
}
