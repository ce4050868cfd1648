package org.ztfclass.server.funnel;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.FunnelStore;
import org.ztfclass.server.store.ObjectFilter;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.server.store.SyntheticObjects;

/** The funnel over the whole shipped sample, its records, rescues, re-runs, configuration errors and API. */
class FunnelRunTest {

    @TempDir
    static Path tmp;

    private static Path sampleStore;
    private static Database sample;
    private static final AtomicInteger COPIES = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void ingestTheDemoSample() throws Exception {
        sampleStore = tmp.resolve("sample.db");
        sample = TestStores.open(sampleStore);
        new IngestService(new StoreWriter(sample)).ingest(List.of(Samples.path("catalogues"), Samples.path("alerce-30sne"),
                Samples.path("lightcurves-snia"), Samples.path("antares-bts"), Samples.path("alerts")), IngestProgress.SILENT);
    }

    /** @return a private copy of the sample store (VACUUM INTO: consistent, WAL included) */
    private static Database copy() throws Exception {
        Path to = tmp.resolve("copy" + COPIES.incrementAndGet() + ".db");
        return TestStores.copy(sample, to);
    }

    private static FunnelReport run(Database db, String config) throws Exception {
        FunnelConfig cfg = config == null ? FunnelConfig.defaults() : FunnelConfig.parse(config, tmp, "test config");
        return new FunnelRunner(new FunnelStore(db)).run(cfg);
    }

    @Test
    void countsOnTheShippedSampleAreExactly() throws Exception {
        FunnelReport r = run(copy(), null);
        assertEquals(3860, r.run().in());
        List<String> rows = r.stages().stream().map(s -> s.stage() + " " + s.in() + " " + s.dropped() + " " + s.out()).toList();
        assertEquals(List.of(
                "galactic_plane 3860 7 3853",
                "bogus 3853 1384 2469",
                "faint 2469 16 2453",
                "variability 2453 32 2421",
                "asteroids 2421 0 2421",
                "stars 2421 1 2420",
                "agn 2420 1 2419",
                "known_sources 2419 0 2419"), rows);
        assertEquals(2419, r.run().out());
        assertEquals(0, r.run().rescued());
        assertTrue(r.stages().get(1).mainReason().startsWith("< 2 good detections"), r.stages().get(1).mainReason());
        assertEquals(null, r.difference(), "a first run has nothing to compare with");
    }

    @Test
    void reRunWithANewThresholdShowsTheDifference() throws Exception {
        Database db = copy();
        FunnelReport first = run(db, null);
        FunnelReport second = run(db, "faint.max_peak_mag = 18.5\n");
        long extra = second.stages().get(2).dropped() - first.stages().get(2).dropped();
        assertTrue(extra > 0);
        assertEquals(0, second.difference().newlyPassed(), "a stricter limit lets nothing new through");
        assertEquals(extra, second.difference().newlyDropped() + second.difference().droppedByAnotherStage());
        assertTrue(second.table().contains("against the previous run"), second.table());
        assertTrue(second.run().config().contains("faint.max_peak_mag = 18.5"), "the run records its configuration");
    }

    @Test
    void droppedObjectsKeepWhyAndCanBeRescuedByHand() throws Exception {
        Database db = copy();
        run(db, null);
        ObjectQueries queries = new ObjectQueries(db);
        var stars = queries.listObjects(ObjectFilter.droppedBy("stars"), 100, 0);
        assertEquals(List.of("ZTF17aaajnnn"), stars.stream().map(o -> o.objectId()).toList());
        assertTrue(stars.get(0).dropReason().contains("sgscore1 0.99"), stars.get(0).dropReason());

        FunnelStore store = new FunnelStore(db);
        assertTrue(store.addRescue("ZTF17aaajnnn", "tester", "a flaring M dwarf we want to keep watching"));
        assertFalse(store.addRescue("ZTF99zzzzzzz", "tester", "no such object"));
        FunnelReport after = run(db, null);
        assertEquals(1, after.run().rescued());
        assertEquals(2420, after.run().out());
        assertEquals(1, after.stages().get(5).dropped(), "the stage still says what it would drop");
        assertTrue(queries.listObjects(ObjectFilter.droppedBy("stars"), 100, 0).isEmpty());
        assertEquals(2420, queries.countObjects(ObjectFilter.droppedBy(ObjectFilter.PASSED)));
        var rescued = queries.object("ZTF17aaajnnn").orElseThrow();
        assertEquals(null, rescued.droppedBy());
        assertTrue(rescued.dropReason().startsWith("rescued by hand"), rescued.dropReason());
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            var e = assertThrows(java.sql.SQLException.class, () -> s.executeUpdate("DELETE FROM funnel_rescues"));
            assertTrue(e.getMessage().contains("append-only"));
        }
    }

    @Test
    void badConfigurationIsRefusedBeforeAnythingRuns() throws Exception {
        Database db = copy();
        List<String[]> cases = List.of(
                new String[] {"stages = galactic_plane, comets\n", "unknown stage 'comets'"},
                new String[] {"faint.max_peak = 19\n", "unknown key 'faint.max_peak'"},
                new String[] {"known_sources.radius_arcsec = -2\n", "known_sources.radius_arcsec: a radius must be > 0"},
                new String[] {"known_sources.file = no-such-list.csv\n", "known_sources.file"},
                new String[] {"bogus.min_score = high\n", "bogus.min_score: 'high' is not a number"},
                new String[] {"bogus.min_good_detections = 9\n", "bogus.min_good_detections: 9 is outside 0..5"},
                new String[] {"stages = bogus, bogus\n", "listed twice"});
        for (String[] c : cases) {
            FunnelConfigException e = assertThrows(FunnelConfigException.class, () -> run(db, c[0]), c[0]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
        }
        assertTrue(new FunnelStore(db).latestRun().isEmpty(), "nothing ran");
        FunnelConfigException missing = assertThrows(FunnelConfigException.class, () -> FunnelConfig.load(tmp.resolve("absent.properties")));
        assertTrue(missing.getMessage().contains("no such file"));
    }

    @Test
    void knownSourcesComeFromAUserCsvOrVotable() throws Exception {
        Database db = copy();
        Files.writeString(tmp.resolve("tns-export.csv"), "name,ra,dec\nSN 2020oi,12:22:54.920,+15:49:25.00\n");
        FunnelReport csv = run(db, "known_sources.file = tns-export.csv\n");
        assertEquals(1, csv.stages().get(7).dropped());
        assertEquals("known_sources", new ObjectQueries(db).object("ZTF20aaelulu").orElseThrow().droppedBy());

        uk.ac.starlink.table.ColumnInfo id = new uk.ac.starlink.table.ColumnInfo("oid", String.class, null);
        uk.ac.starlink.table.RowListStarTable t = new uk.ac.starlink.table.RowListStarTable(new uk.ac.starlink.table.ColumnInfo[] {id});
        t.addRow(new Object[] {"ZTF20aafsnpp"});
        try (var out = Files.newOutputStream(tmp.resolve("known.vot"))) {
            org.ztfclass.votables.table.VotableWriter.write(t, out);
        }
        FunnelReport vot = run(db, "known_sources.file = known.vot\n");
        assertEquals("known_sources", new ObjectQueries(db).object("ZTF20aafsnpp").orElseThrow().droppedBy());
        assertEquals(1, vot.stages().get(7).dropped());
    }

    @Test
    void generatedObjectsAreMarkedSyntheticAndGoThroughTheFunnel() throws Exception {
        Database db = copy();
        new SyntheticObjects(db).generate(1000, 7, n -> { });
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM objects WHERE synthetic = 1 AND object_id LIKE 'synthetic%'")) {
            rs.next();
            assertEquals(1000, rs.getInt(1));
        }
        FunnelReport r = run(db, null);
        assertEquals(4860, r.run().in());
        assertTrue(r.stages().get(0).dropped() > 7, "synthetic positions spread over the sky, some in the plane");
    }

    @Test
    void funnelApiAndPage() throws Exception {
        Database db = copy();
        ApiServer server = new ApiServer(db).start("127.0.0.1", 0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(base + "/api/funnel")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, none.statusCode());
            assertTrue(none.body().contains("has not run"));
            run(db, null);
            JsonNode json = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/funnel?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(3860, json.get("objects_in").asInt());
            assertEquals("bogus", json.get("stages").get(1).get("stage").asText());
            assertEquals(1384, json.get("stages").get(1).get("dropped").asInt());
            HttpResponse<byte[]> vot = http.send(HttpRequest.newBuilder(URI.create(base + "/api/funnel?format=votable")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            Path f = Files.write(tmp.resolve("funnel.vot"), vot.body());
            String lint = org.ztfclass.server.api.ApiTools.votlint(f);
            assertFalse(lint.contains("ERROR") || lint.contains("WARNING"), lint);
            HttpResponse<String> stars = http.send(HttpRequest.newBuilder(URI.create(base + "/api/objects?dropped_by=stars&format=votable")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(stars.body().contains("ZTF17aaajnnn") && stars.body().contains("sgscore1 0.99"));
            assertEquals(400, http.send(HttpRequest.newBuilder(URI.create(base + "/api/objects?dropped_by=moon")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/funnel")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(page.contains("<table>") && page.contains("known_sources") && page.contains("2,419"), page);
        } finally {
            server.stop();
        }
    }
}
