package org.ztfclass.server.labels;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.auth.AccountHttp;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;

/**
 * Issue 16, "skip / not sure" over HTTP against a real server on a temp SQLite store holding the
 * shipped alert packets: a skip keeps the object out of that person's queue ({@code /api/queue/next},
 * {@code /queue/next}, the default queue) but not out of anyone else's, is never a label or a vote,
 * and shows in the object list's "You" column and {@code mine=hide}; refusals as for labels.
 */
class LabelSkipsHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private static Database db;
    private static ApiServer server;
    private static AccountHttp http;
    private static UserStore users;

    @BeforeAll
    static void start() throws Exception {
        db = TestStores.open(tmp.resolve("skips.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("alerts")), IngestProgress.SILENT);
        users = new UserStore(db);
        users.create("ann", Role.LABELLER, "ann-password-1");
        users.create("bob", Role.LABELLER, "bob-password-1");
        users.create("val", Role.VIEWER, "val-password-1");
        server = new ApiServer(db).start("127.0.0.1", 0);
        http = new AccountHttp(server);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static JsonNode next(AccountHttp.Browser who, String query) throws Exception {
        HttpResponse<String> r = http.get("/api/queue/next" + query, "Cookie", who.cookie());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static HttpResponse<String> skip(AccountHttp.Browser who, String objectId, String reason) throws Exception {
        return http.postJson("/api/labels/skips", JSON.writeValueAsString(java.util.Map.of("objectId", objectId, "reason", reason)),
                "Cookie", who.cookie(), "X-CSRF-Token", who.csrf());
    }

    private static long count(String sql, Object... args) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long id(String name) throws Exception {
        return users.byName(name).orElseThrow().id();
    }

    @Test
    void aSkipIsNotServedAgainToThatPersonStillToAnotherAndIsNoLabel() throws Exception {
        AccountHttp.Browser ann = http.signIn("ann", "ann-password-1");
        AccountHttp.Browser bob = http.signIn("bob", "bob-password-1");
        String first = next(ann, "").path("object_id").asText();
        assertEquals(first, next(bob, "").path("object_id").asText(), "both start from the same object");
        long labelsBefore = count("SELECT COUNT(*) FROM labels");

        HttpResponse<String> r = skip(ann, first, "skip");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("skip", JSON.readTree(r.body()).path("reason").asText());
        assertEquals(200, skip(ann, first, "skip").statusCode(), "sending it again is harmless");

        assertNotEquals(first, next(ann, "").path("object_id").asText(), "not served again to ann");
        assertEquals(first, next(bob, "").path("object_id").asText(), "still served to bob");
        HttpResponse<String> page = http.get("/queue/next", "Cookie", ann.cookie());
        assertEquals(303, page.statusCode());
        assertFalse(page.headers().firstValue("Location").orElseThrow().endsWith("/objects/" + first), "nor by /queue/next");
        LabellingQueue defaultQueue = new InitialSetFirstQueue(db);
        assertNotEquals(Optional.of(first), defaultQueue.next(null, id("ann")), "nor by the default queue, to ann");
        assertEquals(Optional.of(first), defaultQueue.next(null, id("bob")), "the default queue still offers it to bob");

        assertEquals(labelsBefore, count("SELECT COUNT(*) FROM labels"), "a skip is not a label");
        assertEquals(1, count("SELECT COUNT(*) FROM label_skips WHERE user_id = ? AND object_id = ?", id("ann"), first), "one row, however often sent");
        JsonNode consensus = JSON.readTree(http.get("/api/learning/consensus/" + first).body());
        assertEquals(0, consensus.path("labellers").asInt(), "a skip is not a vote: " + consensus);
        JsonNode export = JSON.readTree(http.get("/api/labels?format=json&user=ann", "Cookie", ann.cookie()).body());
        assertFalse(export.toString().contains(first), "a skip is not exported as a label: " + export);
    }

    @Test
    void afterNamesTheObjectBeingLookedAtWhichIsNeverTheAnswer() throws Exception {
        AccountHttp.Browser bob = http.signIn("bob", "bob-password-1");
        String first = next(bob, "").path("object_id").asText();
        String second = next(bob, "?after=" + AccountHttp.enc(first)).path("object_id").asText();
        assertFalse(second.isEmpty() || second.equals("null"), "another object");
        assertNotEquals(first, second);
    }

    @Test
    void notSureByTheFormGoesOnAndShowsInTheListWhichCanHideItAndLabels() throws Exception {
        AccountHttp.Browser ann = http.signIn("ann", "ann-password-1");
        List<String> ids = objectIds(http.get("/queue?sort=object_id&dir=desc", "Cookie", ann.cookie()).body());
        String unsure = ids.get(0);
        String labelled = ids.get(1);
        String untouched = ids.get(2);
        HttpResponse<String> r = http.postForm("/objects/" + AccountHttp.enc(unsure) + "/skips",
                "csrf=" + AccountHttp.enc(ann.csrf()) + "&reason=unsure", "Cookie", ann.cookie());
        assertEquals(303, r.statusCode(), r.body());
        assertEquals("/queue/next?after=" + AccountHttp.enc(unsure), r.headers().firstValue("Location").orElseThrow(), "then the next object");
        assertEquals(1, count("SELECT COUNT(*) FROM label_skips WHERE user_id = ? AND object_id = ? AND reason = 'unsure'", id("ann"), unsure));
        HttpResponse<String> label = http.postForm("/objects/" + AccountHttp.enc(labelled) + "/labels",
                "csrf=" + AccountHttp.enc(ann.csrf()) + "&class=SN_II&advance=1", "Cookie", ann.cookie());
        assertEquals(303, label.statusCode(), label.body());
        assertEquals("/queue/next?after=" + AccountHttp.enc(labelled), label.headers().firstValue("Location").orElseThrow(),
                "the form's ticked 'go to the next object' box moves on without script too");

        String list = http.get("/queue?sort=object_id&dir=desc", "Cookie", ann.cookie()).body();
        assertEquals("unsure", scanned(list, unsure));
        assertEquals("labelled", scanned(list, labelled));
        assertEquals("no", scanned(list, untouched));
        List<String> hidden = objectIds(http.get("/queue?sort=object_id&dir=desc&mine=hide", "Cookie", ann.cookie()).body());
        assertFalse(hidden.contains(unsure) || hidden.contains(labelled), "mine=hide leaves out what ann labelled or skipped");
        assertEquals(untouched, hidden.get(0), "and keeps the rest, in order");
        assertTrue(objectIds(http.get("/queue?sort=object_id&dir=desc&mine=hide", "Cookie", http.signIn("bob", "bob-password-1").cookie()).body())
                .contains(unsure), "what ann did hides nothing from bob");
        String anonymous = http.get("/queue?mine=hide").body();
        assertFalse(anonymous.contains("data-scanned") || anonymous.contains("f-mine"), "nothing of the kind for anonymous readers");
        assertEquals(400, http.get("/queue?mine=show", "Cookie", ann.cookie()).statusCode());

        String objectPage = http.get("/objects/" + AccountHttp.enc(labelled), "Cookie", ann.cookie()).body();
        assertTrue(objectPage.contains(">You: 1 label today (UTC)<"), "ann's one label today");
        assertTrue(objectPage.contains("Consensus: <strong>SN II</strong> (1 labeller: SN II 1)"), "the consensus of ann's vote");
        assertTrue(objectPage.contains("<li>ann: SN II</li>"), "ann by name for a signed-in reader");
        String anonymousPage = http.get("/objects/" + AccountHttp.enc(labelled)).body();
        assertFalse(anonymousPage.contains("ann: SN II"), "no user name for an anonymous reader");
        assertTrue(anonymousPage.matches("(?s).*<li>labeller-[0-9a-f]{12}: SN II</li>.*"), "a pseudonym instead");
        assertTrue(http.get("/objects/" + AccountHttp.enc(unsure), "Cookie", ann.cookie()).body().contains("id=\"my-skip\""), "ann sees she passed over it");
    }

    @Test
    void refusedWithoutALabellerOrTheCsrfTokenOrForAnUnknownObjectOrReason() throws Exception {
        AccountHttp.Browser ann = http.signIn("ann", "ann-password-1");
        AccountHttp.Browser val = http.signIn("val", "val-password-1");
        String some = next(ann, "").path("object_id").asText();
        String body = "{\"objectId\":\"" + some + "\",\"reason\":\"skip\"}";
        long before = count("SELECT COUNT(*) FROM label_skips");
        assertEquals(401, http.postJson("/api/labels/skips", body).statusCode(), "nobody signed in");
        assertEquals(403, http.postJson("/api/labels/skips", body, "Cookie", ann.cookie()).statusCode(), "no CSRF token");
        assertEquals(403, skip(val, some, "skip").statusCode(), "a viewer");
        assertEquals(400, skip(ann, "ZTF00nosuchone", "skip").statusCode(), "unknown object");
        assertEquals(400, skip(ann, some, "bored").statusCode(), "unknown reason");
        assertEquals(400, http.postJson("/api/labels/skips", "[1]", "Cookie", ann.cookie(), "X-CSRF-Token", ann.csrf()).statusCode());
        assertEquals(before, count("SELECT COUNT(*) FROM label_skips"), "nothing recorded");
    }

    /** @return the object ids of the list's rows, in order */
    private static List<String> objectIds(String html) {
        Matcher m = Pattern.compile("<tr><th scope=\"row\"><a href=\"/objects/([^\"]+)\"").matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(java.net.URLDecoder.decode(m.group(1), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertTrue(out.size() >= 3, "the list has rows");
        return out;
    }

    /** @return the "You" column's {@code data-scanned} of the object's row */
    private static String scanned(String html, String objectId) {
        Matcher m = Pattern.compile("href=\"/objects/" + Pattern.quote(AccountHttp.enc(objectId)) + "\".*?data-scanned=\"([a-z]+)\"").matcher(html);
        assertTrue(m.find(), "a row for " + objectId);
        return m.group(1);
    }
}
