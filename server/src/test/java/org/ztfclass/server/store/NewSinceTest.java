package org.ztfclass.server.store;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;

/**
 * "New since": the sample ingested with every alert back-dated to 2020 except three objects' alerts,
 * which were ingested "now"; the API, /queue and both listing paths (from the few new alerts, and
 * the whole list filtered) give those three, and the date forms reach back to the rest.
 */
class NewSinceTest {

    @TempDir
    static Path tmp;

    private static Database db;
    private static ApiServer server;
    private static Set<String> fresh;
    private static int withAlerts;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        db = TestStores.open(tmp.resolve("since.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("catalogues"), Samples.path("alerts")), IngestProgress.SILENT);
        fresh = new TreeSet<>();
        try (Connection c = db.connect()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT object_id FROM alerts ORDER BY object_id LIMIT 3");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT object_id) FROM alerts"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                withAlerts = rs.getInt(1);
            }
            // back-dated: one exactly on a whole second (Instant.toString gives no fraction then), one just before it
            try (PreparedStatement ps = c.prepareStatement("UPDATE alerts SET ingested_at = CASE WHEN candid % 2 = 0 "
                    + "THEN '2020-01-01T00:00:00Z' ELSE '2019-12-31T23:59:59.999999Z' END WHERE object_id NOT IN (?, ?, ?)")) {
                int i = 1;
                for (String id : fresh) {
                    ps.setString(i++, id);
                }
                ps.executeUpdate();
            }
        }
        assertEquals(3, fresh.size());
        assertTrue(withAlerts > 50, "objects with alerts: " + withAlerts);
        server = new ApiServer(db).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void theApiListsTheObjectsWithANewAlert() throws Exception {
        assertEquals(fresh, apiIds("since=1h"));
        assertEquals(fresh, apiIds("since=" + Instant.now().minusSeconds(600)));
        assertEquals(withAlerts, apiIds("since=2020-01-01").size() + countBackdatedTo("2019-12-31T23:59:59.999999Z"),
                "the date's midnight to the second: the alert at 00:00:00Z is in, the one a microsecond before is out");
        assertEquals(withAlerts, apiIds("since=2019-12-31").size(), "every object with an alert");
        assertEquals(Set.of(), apiIds("since=" + Instant.now().plusSeconds(3600)));
        HttpResponse<String> bad = get("/api/objects?since=yesterday");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("since"), bad.body());
    }

    @Test
    void theQueueFiltersByTheSelectOrADate() throws Exception {
        String lastHour = get("/queue?since=1h&size=500").body();
        for (String id : fresh) {
            assertTrue(lastHour.contains("/objects/" + id + "\""), id);
        }
        assertEquals(3, count(lastHour, "<tr><th scope=\"row\"><a href=\"/objects/"), "only the three new objects");
        assertTrue(lastHour.contains("<option value=\"1h\" selected>the last hour</option>"), "the select keeps the choice");
        String sinceDate = get("/queue?since_date=2019-12-31&size=500").body();
        assertEquals(Math.min(500, withAlerts), count(sinceDate, "<tr><th scope=\"row\"><a href=\"/objects/"));
        assertEquals(400, get("/queue?since=soon").statusCode());
    }

    @Test
    void bothListingPathsAgree() throws Exception {
        for (int small : new int[] {0, 20_000}) {
            ObjectListing listing = new ObjectListing(db, small);
            for (String since : new String[] {"1h", "2020-01-01", "2019-12-31"}) {
                List<String> ids = new ArrayList<>();
                for (ObjectListing.Row r : listing.page(new ObjectListing.Query(null, null, null, null, null, null, null, null, null, null,
                        null, ObjectListing.Sort.FIRST_DETECTION, true, 100_000, 0, null, NewSince.parse(since, Instant.now()))).rows()) {
                    ids.add(r.objectId());
                }
                assertEquals(new TreeSet<>(apiIds("since=" + since)), new TreeSet<>(ids), since + " with small = " + small);
            }
        }
    }

    @Test
    void parsesAgesDatesAndTimes() {
        Instant now = Instant.parse("2026-12-04T18:26:46.055Z");
        assertEquals(Instant.parse("2026-12-04T17:26:46Z"), NewSince.parse("1h", now).at());
        assertEquals(Instant.parse("2026-11-27T18:26:46Z"), NewSince.parse("7d", now).at());
        assertEquals(Instant.parse("2026-12-04T00:00:00Z"), NewSince.parse("2026-12-04", now).at());
        assertEquals(Instant.parse("2026-12-04T16:00:00Z"), NewSince.parse("2026-12-04T18:00:00+02:00", now).at());
        assertEquals("2026-12-04T16:00:00", NewSince.parse("2026-12-04T16:00:00.9Z", now).bound());
        assertThrows(IllegalArgumentException.class, () -> NewSince.parse("last week", now));
    }

    private static int countBackdatedTo(String at) throws Exception {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(DISTINCT object_id) FROM alerts a WHERE ingested_at = ? AND NOT EXISTS "
                        + "(SELECT 1 FROM alerts b WHERE b.object_id = a.object_id AND b.ingested_at > ?)")) {
            ps.setString(1, at);
            ps.setString(2, at);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Set<String> apiIds(String query) throws Exception {
        HttpResponse<String> r = get("/api/objects?format=json&limit=100000&" + query);
        assertEquals(200, r.statusCode(), r.body());
        Set<String> ids = new TreeSet<>();
        for (JsonNode o : JSON.readTree(r.body()).path("objects")) {
            ids.add(o.path("objectId").asText());
        }
        return ids;
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
