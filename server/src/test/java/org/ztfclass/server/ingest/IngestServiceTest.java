package org.ztfclass.server.ingest;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.IngestCounts;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.server.store.StoreCounts;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.domain.Alert;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.input.InputProblem;

class IngestServiceTest {

    @TempDir
    Path tmp;

    private Database db;
    private IngestService ingest;
    private ObjectQueries queries;

    @BeforeEach
    void open() throws Exception {
        db = TestStores.open(tmp.resolve("store.db"));
        ingest = new IngestService(new StoreWriter(db));
        queries = new ObjectQueries(db);
    }

    private IngestReport run(Path... paths) {
        return ingest.ingest(List.of(paths), IngestProgress.SILENT);
    }

    @Test
    void everyShippedAlertPacketIngestsAndCountsMatchThePackets() throws Exception {
        List<Path> files = Samples.avroFiles("alerts");
        List<Alert> alerts = Samples.readAlerts(files);
        IngestReport report = run(Samples.path("alerts"));

        assertTrue(report.problems().isEmpty(), report.problems().toString());
        StoreCounts counts = queries.counts();
        assertEquals(files.size(), counts.alerts(), "one stored alert per packet");
        assertEquals(alerts.stream().map(Alert::objectId).distinct().count(), counts.objects());
        assertEquals(Samples.distinctPoints(alerts, false).size(), counts.detections(), "detections = distinct points in candidates + histories");
        assertEquals(Samples.distinctPoints(alerts, true).size(), counts.upperLimits(), "upper limits kept as such");
        assertEquals(3L * files.size(), counts.cutouts());
        assertTrue(counts.upperLimits() > 0);
    }

    @Test
    void reingestingTheSameDataAddsNothing() throws Exception {
        Path[] inputs = {Samples.path("alerts"), Samples.path("alerce-30sne"), Samples.path("catalogues")};
        IngestReport first = run(inputs);
        StoreCounts after = queries.counts();
        IngestReport second = run(inputs);
        assertEquals(IngestCounts.NONE, second.added());
        assertEquals(after, queries.counts());
        assertTrue(first.added().labels() > 0);
    }

    @Test
    void historyIsMergedIntoTheLightCurveWithoutDuplicates() throws Exception {
        run(Samples.path("alerts"));
        // ZTF20aajcdad has two packets whose 30-day histories overlap.
        List<Detection> lc = queries.lightCurve("ZTF20aajcdad");
        Set<String> keys = new HashSet<>();
        for (Detection d : lc) {
            assertTrue(keys.add(d.band() + "|" + Math.round(d.jd() * 86400) + "|" + d.isUpperLimit()), "duplicate point " + d);
        }
        List<Alert> its = Samples.readAlerts(Samples.avroFiles("alerts")).stream()
                .filter(a -> a.objectId().equals("ZTF20aajcdad")).toList();
        assertEquals(2, its.size());
        int naive = its.stream().mapToInt(a -> a.history().size() + 1).sum();
        assertEquals(Samples.distinctPoints(its, false).size() + Samples.distinctPoints(its, true).size(), lc.size());
        assertTrue(lc.size() < naive, "overlapping histories were merged: " + lc.size() + " < " + naive);
    }

    @Test
    void alertAfterLightCurveFillsInMissingFields() throws Exception {
        run(Samples.path("alerce-30sne"));
        run(Samples.path("alerts"));
        for (Detection d : queries.lightCurve("ZTF20aaelulu")) {
            if (!d.isUpperLimit()) {
                assertTrue(d.ra() != null && d.isdiffpos() != null, "fields from the packet present: " + d);
            }
        }
    }

    @Test
    void prereleasePacketsAreRejectedByNameAndTheGoodOnesKept() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("mixed"));
        for (Path f : Samples.avroFiles("bad-input/legacy-prerelease")) {
            Files.copy(f, dir.resolve("legacy_" + f.getFileName()));
        }
        List<Path> good = Samples.avroFiles("alerts/kowalski/20200202").subList(0, 3);
        for (Path f : good) {
            Files.copy(f, dir.resolve(f.getFileName()));
        }
        IngestReport report = run(dir);
        assertEquals(6, report.problems().size(), report.problems().toString());
        for (InputProblem p : report.problems()) {
            assertTrue(p.source().contains("legacy_") && p.reason().contains("wrong schema") && p.reason().contains("objectId"), p.toString());
        }
        assertEquals(3, queries.counts().alerts());
    }

    @Test
    void truncatedAndNonAvroFilesAreReportedAndTheRestOfTheBatchIsKept() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("batch"));
        List<Path> good = Samples.avroFiles("alerts/kowalski/20231012");
        Files.copy(good.get(0), dir.resolve("a_good.avro"));
        byte[] all = Files.readAllBytes(good.get(1));
        Files.write(dir.resolve("b_truncated.avro"), java.util.Arrays.copyOf(all, all.length / 3));
        Files.writeString(dir.resolve("c_not_avro.avro"), "this is not an alert packet");
        Files.copy(good.get(2), dir.resolve("d_good.avro"));
        IngestReport report = run(dir);
        assertEquals(2, report.problems().size(), report.problems().toString());
        assertTrue(report.problems().get(0).source().endsWith("b_truncated.avro"));
        assertTrue(report.problems().get(0).reason().contains("truncated"));
        assertTrue(report.problems().get(1).source().endsWith("c_not_avro.avro"));
        assertTrue(report.problems().get(1).reason().contains("not an Avro"));
        assertEquals(2, queries.counts().alerts());
    }

    @Test
    void badCsvRowsAreReportedWithLineAndFieldAndTheOtherRowsKept() throws Exception {
        Path f = tmp.resolve("ZTF18aaaaaaa.csv");
        Files.writeString(f, String.join("\n",
                "time,mag,magerr,band",
                "58863.35,19.79,0.20,R",
                "58864.20,,0.17,g",
                "58865.20,19.5,abc,g",
                "58866.20,19.4,0.1,q",
                "58867.20,19.3,0.1,g", ""));
        IngestReport report = run(f);
        List<InputProblem> problems = report.problems();
        assertEquals(3, problems.size(), problems.toString());
        assertEquals("line 3 field mag", problems.get(0).location());
        assertTrue(problems.get(0).reason().contains("missing"));
        assertEquals("line 4 field magerr", problems.get(1).location());
        assertTrue(problems.get(1).reason().contains("'abc' is not a number"));
        assertEquals("line 5 field band", problems.get(2).location());
        assertEquals(2, queries.lightCurve("ZTF18aaaaaaa").size());
    }

    @Test
    void btsCatalogueClassesBecomeCatalogueLabelEvents() throws Exception {
        IngestReport report = run(Samples.path("catalogues/bts.csv"));
        assertTrue(report.problems().isEmpty(), report.problems().toString());
        assertEquals(3553, queries.counts().catalogueEntries());
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT top_class, COUNT(*) FROM labels WHERE source = 'catalogue' AND source_ref = 'BTS' GROUP BY top_class ORDER BY top_class")) {
            assertTrue(rs.next());
            assertEquals("OTHER", rs.getString(1));
            assertEquals(3553 - 1230 - 1714 - 410, rs.getInt(2), "other classified");
            assertTrue(rs.next());
            assertEquals("SN_IA", rs.getString(1));
            assertEquals(1714, rs.getInt(2));
            assertTrue(rs.next());
            assertEquals("SN_II", rs.getString(1));
            assertEquals(410, rs.getInt(2));
        }
        var object = queries.object("ZTF17aaazdba").orElseThrow();
        assertEquals("labelled", object.labelStatus());
        assertEquals("TDE", object.labelFineClass());
        assertEquals(123.3206, object.ra(), 1e-3);
    }

    @Test
    void unclassifiedLabelListRowsCreateNoObjects() throws Exception {
        Path f = tmp.resolve("tns.csv");
        Files.writeString(f, "tns,objectId\nnan,ZTF22abxacvm\nSN Ia,ZTF21aciqppd\nnan,ZTF24aaekkvd\n");
        IngestReport report = run(f);
        assertTrue(report.problems().isEmpty(), report.problems().toString());
        assertEquals(1, queries.counts().objects());
        assertEquals(1, queries.counts().labels());
        assertEquals("TNS", queries.labels("ZTF21aciqppd").get(0).sourceRef());
    }

    @Test
    void labelsAreAppendOnly() throws Exception {
        run(Samples.path("catalogues/bts.csv"));
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                    () -> s.executeUpdate("UPDATE labels SET fine_class = 'x'"));
            assertTrue(e.getMessage().contains("append-only"));
            org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> s.executeUpdate("DELETE FROM labels"));
        }
    }

    @Test
    void unknownFormatsAndMissingPathsAreReported() throws Exception {
        Path f = tmp.resolve("notes.csv");
        Files.writeString(f, "a,b\n1,2\n");
        IngestReport report = run(f, tmp.resolve("missing-folder"));
        assertEquals(2, report.problems().size());
        assertTrue(report.problems().stream().anyMatch(p -> p.reason().contains("no such file")));
        assertTrue(report.problems().stream().anyMatch(p -> p.reason().contains("unrecognised format")));
    }
}
