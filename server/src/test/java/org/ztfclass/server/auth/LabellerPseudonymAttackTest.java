package org.ztfclass.server.auth;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
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

/**
 * Issue 13, finding 5, replayed against a running server: every labeller's user name was readable
 * anonymously through TAP ({@code SELECT DISTINCT source_ref FROM ztf.labels}) and in the object
 * JSON and page. Now anyone not signed in sees a stable pseudonym ({@code labeller-} and 12 hex
 * digits) instead; catalogue labels keep the catalogue's name and automatic labels their model
 * version; a signed-in reader sees user names on the object's JSON and page.
 */
class LabellerPseudonymAttackTest {

    @TempDir
    static Path tmp;

    private static final String OBJECT = "ZTF20aaelulu";
    private static final String SECRET_NAME = "alice.private";
    private static final String OTHER_NAME = "bob.private";

    private static Database db;
    private static ApiServer server;
    private static AccountHttp http;
    private static String readerToken;

    @BeforeAll
    static void start() throws Exception {
        db = TestStores.open(tmp.resolve("pseudonyms.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("catalogues"), Samples.path("alerts")), IngestProgress.SILENT);
        UserStore users = new UserStore(db);
        users.create(SECRET_NAME, Role.LABELLER, "alice-password");
        users.create(OTHER_NAME, Role.LABELLER, "bob-password-1");
        readerToken = new TokenStore(db).create(users.create("reader", Role.VIEWER, "reader-password"), "r").token();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO labels (object_id, fine_class, top_class, source, source_ref, confidence, comment, created_at) "
                    + "VALUES ('" + OBJECT + "', 'SN Ic', 'OTHER', 'auto', 'model-v7', 0.9, 'model takeover', '2026-11-25T00:00:00.000Z')");
        }
        server = new ApiServer(db).start("127.0.0.1", 0);
        http = new AccountHttp(server);
        for (String[] who : new String[][] {{SECRET_NAME, "alice-password", "SN_II"}, {OTHER_NAME, "bob-password-1", "OTHER"}}) {
            String token = new TokenStore(db).create(users.byName(who[0]).orElseThrow(), "plugin").token();
            HttpResponse<String> r = http.postJson("/api/labels", "{\"source\":\"samp\",\"labels\":[{\"objectId\":\"" + OBJECT
                    + "\",\"class\":\"" + who[2] + "\"}]}", "Authorization", "Bearer " + token);
            assertEquals(200, r.statusCode(), r.body());
        }
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String pseudonym(String name) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT pseudonym FROM users WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    private static HttpResponse<String> tap(String adql) throws Exception {
        return http.postForm("/tap/sync", "REQUEST=doQuery&LANG=ADQL&QUERY=" + AccountHttp.enc(adql));
    }

    @Test
    void tapShowsPseudonymsNotUserNames() throws Exception {
        String alice = pseudonym(SECRET_NAME);
        String bob = pseudonym(OTHER_NAME);
        assertTrue(alice.matches("labeller-[0-9a-f]{12}"), alice);
        assertNotEquals(alice, bob);
        for (String adql : List.of("SELECT DISTINCT source_ref FROM ztf.labels",
                "SELECT * FROM ztf.labels WHERE object_id = '" + OBJECT + "'",
                "SELECT source_ref, COUNT(*) AS n FROM ztf.labels GROUP BY source_ref")) {
            HttpResponse<String> r = tap(adql);
            assertEquals(200, r.statusCode(), r.body());
            assertFalse(r.body().contains(SECRET_NAME) || r.body().contains(OTHER_NAME), adql + " shows a user name: " + r.body());
            assertTrue(r.body().contains(alice) && r.body().contains(bob), adql + " shows the pseudonyms: " + r.body());
            assertTrue(r.body().contains("model-v7"), "an automatic label keeps its model version: " + r.body());
        }
        HttpResponse<String> byName = tap("SELECT COUNT(*) AS n FROM ztf.labels WHERE source_ref = '" + SECRET_NAME + "'");
        assertTrue(byName.body().contains("<TD>0</TD>"), "no row answers to the user name: " + byName.body());
        HttpResponse<String> catalogues = tap("SELECT DISTINCT source_ref FROM ztf.labels WHERE source = 'catalogue'");
        assertTrue(catalogues.body().contains("<TD>BTS</TD>"), "catalogue labels keep the catalogue's name: " + catalogues.body());
    }

    @Test
    void anAnonymousObjectReadShowsPseudonymsAndASignedInOneShowsNames() throws Exception {
        String alice = pseudonym(SECRET_NAME);
        for (String path : List.of("/api/objects/" + OBJECT, "/objects/" + OBJECT)) {
            HttpResponse<String> anonymous = http.get(path);
            assertEquals(200, anonymous.statusCode());
            assertFalse(anonymous.body().contains(SECRET_NAME) || anonymous.body().contains(OTHER_NAME), path + ": " + anonymous.body());
            assertTrue(anonymous.body().contains(alice), path + " names the labeller by pseudonym");
            assertTrue(anonymous.body().contains("model-v7"), path);
            HttpResponse<String> signedIn = http.get(path, "Authorization", "Bearer " + readerToken);
            assertEquals(200, signedIn.statusCode());
            assertTrue(signedIn.body().contains(SECRET_NAME) && signedIn.body().contains(OTHER_NAME), path + " for a signed-in reader");
        }
        assertEquals(alice, pseudonym(SECRET_NAME), "stable");
    }

    @Test
    void everyNewUserGetsAPseudonymHoweverInserted() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO users (name, role, created_at) VALUES ('raw-insert', 'viewer', '2026-11-25T00:00:00.000Z')");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT pseudonym) FROM users WHERE pseudonym LIKE 'labeller-%'");
                 Statement t = c.createStatement(); ResultSet all = t.executeQuery("SELECT COUNT(*) FROM users")) {
                rs.next();
                all.next();
                assertEquals(all.getLong(1), rs.getLong(1), "every user has a pseudonym");
                assertEquals(rs.getLong(1), rs.getLong(2), "no two share one");
            }
        }
    }
}
