package org.ztfclass.server.api;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.server.store.PredictionStore;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.domain.Prediction;

/**
 * The TAP service at /tap and the overlay endpoint, on a real server over a real store of
 * shipped ZTF data, queried by independent clients: STILTS {@code tapquery} (sync and async),
 * {@code cone} and {@code taplint}, STILTS {@code votlint} and astropy on the answers.
 */
class TapServiceTest {

    @TempDir
    static Path tmp;

    private static ApiServer server;
    private static Database db;
    private static ObjectQueries queries;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double RA = 185.7288;
    private static final double DEC = 15.8236; // SN 2020oi = ZTF20aaelulu

    @BeforeAll
    static void start() throws Exception {
        db = TestStores.open(tmp.resolve("tap.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("catalogues"), Samples.path("alerts")), IngestProgress.SILENT);
        new PredictionStore(db).write("test-model-1", "hash", "{}", List.of(
                new Prediction("ZTF20aaelulu", "test-model-1", 0.1, 0.8, 0.1),
                new Prediction("ZTF17aaajnnn", "test-model-1", 0.7, 0.2, 0.1)));
        queries = new ObjectQueries(db);
        server = new ApiServer(db).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static HttpResponse<String> sync(String adql, String... more) throws Exception {
        StringBuilder form = new StringBuilder("REQUEST=doQuery&LANG=ADQL&QUERY=" + URLEncoder.encode(adql, StandardCharsets.UTF_8));
        for (String m : more) {
            form.append('&').append(m);
        }
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/tap/sync"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> firstColumn(String csv) {
        return csv.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void stiltsTapquerySyncAndConeGetTheRowsTheStoreHasInTheCone() throws Exception {
        Set<String> expected = queries.inCone(RA, DEC, 3.0, 100_000).stream().map(h -> h.object().objectId())
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(expected.size() > 1 && expected.contains("ZTF20aaelulu"), expected.toString());
        String tap = ExternalTools.stilts("tapquery", "tapurl=" + base() + "/tap", "sync=true", "ofmt=csv",
                "adql=SELECT object_id, ra, dec FROM ztf.objects WHERE CONTAINS(POINT('ICRS', ra, dec), CIRCLE('ICRS', "
                        + RA + ", " + DEC + ", 3.0)) = 1");
        assertEquals(expected, firstColumn(tap), tap);
        String cone = ExternalTools.stilts("cone", "serviceurl=" + base() + "/scs?", "lon=" + RA, "lat=" + DEC, "radius=3.0", "ofmt=csv");
        assertEquals(expected, firstColumn(cone), cone);
    }

    @Test
    void stiltsTapqueryAsyncCountsLabelsAsTheStoreDoes() throws Exception {
        TreeMap<String, Long> expected = new TreeMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT top_class, COUNT(*) FROM labels GROUP BY top_class")) {
            while (rs.next()) {
                expected.put(rs.getString(1), rs.getLong(2));
            }
        }
        String csv = ExternalTools.stilts("tapquery", "tapurl=" + base() + "/tap", "ofmt=csv", // async (UWS) is STILTS's default
                "adql=SELECT top_class, COUNT(*) AS n FROM ztf.labels GROUP BY top_class ORDER BY top_class");
        TreeMap<String, Long> got = new TreeMap<>();
        csv.lines().skip(1).filter(l -> l.matches("[A-Z_]+,\\d+")).forEach(l -> got.put(l.split(",")[0], Long.parseLong(l.split(",")[1])));
        assertEquals(expected, got, csv);
    }

    @Test
    void orderByADistanceAliasSortsByThatDistance() throws Exception {
        // the alias once repeated DISTANCE(...)'s '?' in ORDER BY without their values: SQLite bound NULLs and the
        // rows came out in no order, PostgreSQL refused the query
        String csv = ExternalTools.stilts("tapquery", "tapurl=" + base() + "/tap", "sync=true", "ofmt=csv",
                "adql=SELECT TOP 20 object_id, DISTANCE(POINT('ICRS', ra, dec), POINT('ICRS', " + RA + ", " + DEC + ")) AS d "
                        + "FROM ztf.objects WHERE ra IS NOT NULL ORDER BY d");
        List<Double> d = csv.lines().skip(1).filter(l -> !l.isBlank()).map(l -> Double.parseDouble(l.split(",")[1])).toList();
        assertTrue(d.size() > 5, csv);
        for (int i = 1; i < d.size(); i++) {
            assertTrue(d.get(i - 1) <= d.get(i), "sorted by distance: " + d);
        }
        for (var near : queries.inCone(RA, DEC, d.get(d.size() - 1) * 0.999, 100_000)) {
            assertTrue(csv.contains(near.object().objectId()), near.object().objectId() + " is nearer than the 20th: " + csv);
        }
    }

    @Test
    void predictionsAreQueryableByClassAndProbability() throws Exception {
        String body = sync("SELECT object_id, p_sn_ia, predicted_class FROM ztf.predictions WHERE p_sn_ia > 0.5 AND model_version = 'test-model-1'").body();
        assertTrue(body.contains("<TD>ZTF17aaajnnn</TD>") && body.contains("<TD>SN_IA</TD>") && !body.contains("ZTF20aaelulu"), body);
    }

    @Test
    void stiltsTaplintFindsNoErrorsInTheService() throws Exception {
        String report = ExternalTools.stilts("taplint", "tapurl=" + base() + "/tap", "stages=TMV TME TMS TMC CPV CAP AVV QGE QPO QAS UWS MDQ",
                "report=EW");
        assertTrue(report.contains("Errors: 0"), report);
    }

    @Test
    void votlintAndAstropyAcceptTheAnswersIncludingOverflowAndErrors() throws Exception {
        HttpResponse<String> r = sync("SELECT * FROM ztf.objects ORDER BY object_id", "MAXREC=5");
        assertEquals(200, r.statusCode());
        Path ok = Files.writeString(tmp.resolve("tap-overflow.vot"), r.body());
        String lint = ExternalTools.votlint(ok);
        assertFalse(lint.contains("ERROR") || lint.contains("WARNING"), lint);
        JsonNode out = JSON.readTree(ExternalTools.astropyFields(ok, tmp));
        assertEquals(5, out.get("nrows").asInt());
        assertEquals("OVERFLOW", out.get("infos").get("QUERY_STATUS").asText(), out.toString()); // the last QUERY_STATUS wins
        assertEquals(0, out.get("warnings").size(), out.get("warnings").toString());
        assertEquals("deg", out.get("fields").get(1).get("unit").asText());
        assertEquals("pos.eq.ra;meta.main", out.get("fields").get(1).get("ucd").asText());

        HttpResponse<String> bad = sync("SELECT * FROM users");
        assertEquals(400, bad.statusCode());
        Path err = Files.writeString(tmp.resolve("tap-error.vot"), bad.body());
        JsonNode e = JSON.readTree(ExternalTools.astropyFields(err, tmp));
        assertEquals("ERROR", e.get("infos").get("QUERY_STATUS").asText());
        assertFalse(ExternalTools.votlint(err).contains("ERROR"));
    }

    @Test
    void injectionAttemptsAreRefusedAndNothingChanges() throws Exception {
        String before = storeFingerprint();
        // as data: the literal is bound as a value and matches nothing
        HttpResponse<String> literal = sync("SELECT * FROM ztf.labels WHERE fine_class = '''; DROP TABLE labels; --'");
        assertEquals(200, literal.statusCode(), literal.body());
        assertFalse(literal.body().contains("<TR>"), literal.body());
        for (String attack : List.of(
                "SELECT * FROM ztf.labels WHERE fine_class = ''; DROP TABLE labels; --'",
                "SELECT object_id FROM ztf.objects WHERE object_id IN (SELECT name FROM users)",
                "SELECT object_id FROM ztf.objects UNION SELECT password_hash FROM users",
                "SELECT * FROM users",
                "SELECT * FROM (SELECT name FROM users) AS u",
                "SELECT o.object_id FROM ztf.objects AS o, users AS u",
                "DELETE FROM labels",
                "UPDATE labels SET top_class = 'OTHER'",
                "SELECT load_extension('/tmp/evil.so') FROM ztf.objects",
                "ATTACH DATABASE '/tmp/x.db' AS x")) {
            HttpResponse<String> r = sync(attack);
            assertEquals(400, r.statusCode(), attack + ": " + r.body());
            assertTrue(r.body().contains("name=\"QUERY_STATUS\" value=\"ERROR\""), attack + ": " + r.body());
        }
        IOException viaStilts = assertThrows(IOException.class, () -> ExternalTools.stilts("tapquery", "tapurl=" + base() + "/tap",
                "sync=true", "adql=SELECT object_id FROM ztf.objects UNION SELECT name FROM users"));
        assertTrue(viaStilts.getMessage().contains("UNION"), viaStilts.getMessage());
        assertEquals(before, storeFingerprint());
    }

    /** Row counts of the label, user and object tables and the whole schema text. */
    private static String storeFingerprint() throws Exception {
        StringBuilder b = new StringBuilder();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String q : List.of("SELECT COUNT(*) FROM labels", "SELECT COUNT(*) FROM users", "SELECT COUNT(*) FROM objects",
                    db.isPostgres()
                            ? "SELECT string_agg(table_name || '.' || column_name || ':' || data_type, ';' ORDER BY table_name, column_name) "
                                    + "FROM information_schema.columns WHERE table_schema = 'public'"
                            : "SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_master ORDER BY name)")) {
                try (ResultSet rs = s.executeQuery(q)) {
                    rs.next();
                    b.append(rs.getString(1)).append('|');
                }
            }
        }
        return b.toString();
    }

    @Test
    void vosiDocumentsDescribeThePublishedTables() throws Exception {
        String tables = get("/tap/tables").body();
        for (String t : List.of("ztf.objects", "ztf.predictions", "ztf.labels", "TAP_SCHEMA.columns")) {
            assertTrue(tables.contains("<name>" + t + "</name>"), t);
        }
        assertFalse(tables.contains("users") || tables.contains("password"), "nothing unpublished is described");
        assertTrue(get("/tap/capabilities").body().contains("standardID=\"ivo://ivoa.net/std/TAP\""));
        assertTrue(get("/tap/availability").body().contains("<vosi:available>true</vosi:available>"));
        String columns = sync("SELECT column_name, unit, ucd FROM TAP_SCHEMA.columns WHERE table_name = 'ztf.objects' AND column_name = 'ra'").body();
        assertTrue(columns.contains("<TD>deg</TD>") && columns.contains("<TD>pos.eq.ra;meta.main</TD>"), columns);
    }

    @Test
    void overlayGivesTheObjectsInARegionWithTheClassToShow() throws Exception {
        HttpResponse<String> r = get("/api/overlay?ra=" + RA + "&dec=" + DEC + "&radius=0.01");
        assertEquals(200, r.statusCode());
        Path f = Files.writeString(tmp.resolve("overlay.vot"), r.body());
        assertFalse(ExternalTools.votlint(f).contains("ERROR"));
        JsonNode out = JSON.readTree(ExternalTools.astropyFields(f, tmp));
        assertEquals(1, out.get("nrows").asInt());
        assertEquals(0, out.get("warnings").size(), out.get("warnings").toString());
        List<String> names = List.of("objectId", "ra", "dec", "class", "class_source", "p_class", "label_class", "predicted_class",
                "n_detections", "peak_mag", "url", "distance");
        for (int i = 0; i < names.size(); i++) {
            assertEquals(names.get(i), out.get("fields").get(i).get("name").asText());
        }
        // SN 2020oi has a BTS label (SN Ic): the label wins over the model's SN II
        JsonNode row = out.get("first_row");
        assertEquals("ZTF20aaelulu", row.get(0).asText());
        assertEquals(queries.object("ZTF20aaelulu").orElseThrow().labelClass(), row.get(3).asText());
        assertEquals("label", row.get(4).asText());
        assertEquals("SN_II", row.get(7).asText());
        assertTrue(row.get(10).asText().endsWith("/objects/ZTF20aaelulu"));
        JsonNode json = JSON.readTree(get("/api/overlay?ra=" + RA + "&dec=" + DEC + "&radius=0.01&format=json").body());
        assertEquals("ZTF20aaelulu", json.get("rows").get(0).get("objectId").asText());
        HttpResponse<String> bad = get("/api/overlay?ra=" + RA + "&dec=" + DEC + "&radius=20");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("radius"), bad.body());
    }
}
