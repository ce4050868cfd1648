package org.ztfclass.server.ingest;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.ObjectDataLoader;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.server.store.StoreCounts;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.format.InputFormat;

/** The light-curve formats of the third gathering pass, ingested from the shipped sample. */
class LightCurveFormatsIngestTest {

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
        IngestReport report = ingest.ingest(List.of(paths), IngestProgress.SILENT);
        assertTrue(report.problems().isEmpty(), report.problems().toString());
        return report;
    }

    @Test
    void antaresLightCurvesAndTheirLabelsOfEveryClass() throws Exception {
        IngestReport report = run(Samples.path("antares-bts"));
        assertEquals(Map.of(InputFormat.ANTARES_LIGHTCURVE, 2168, InputFormat.LABEL_LIST, 1), report.filesByFormat());
        StoreCounts counts = queries.counts();
        assertEquals(2168, counts.objects());
        assertEquals(0, counts.upperLimits());
        var snII = queries.object("ZTF18aacemcn").orElseThrow();
        assertEquals("SN_II", snII.labelClass());
        assertEquals(29, snII.nDetections());
    }

    @Test
    void finkUpperLimitsStayUpperLimits() throws Exception {
        IngestReport report = run(Samples.path("fink-science-alerts"));
        assertEquals(Map.of(InputFormat.BROKER_LIGHTCURVES, 1, InputFormat.LABEL_LIST, 1, InputFormat.CUTOUT_FILE, 54),
                report.filesByFormat());
        StoreCounts counts = queries.counts();
        // 329 detection rows, 299 distinct object+band+time (187 limit rows, 166 distinct): the conversion kept some points twice (from two parquet
        // files, or once with a candid whose last digits were lost to floating point); the store keeps one of each
        assertEquals(516 + 24 + 54, report.recordsRead(), "points, label rows and stamp files");
        assertEquals(299, counts.detections());
        assertEquals(166, counts.upperLimits(), "187 limit rows, 166 distinct object+band+time, each kept as an upper limit");
        assertEquals("SN_II", queries.object("ZTF18abgzkmf").orElseThrow().labelClass());
    }

    @Test
    void finkStampFilesBecomeAlertsKnownFromTheirStampsThatTheClassifierReads() throws Exception {
        IngestReport report = run(Samples.path("fink-science-alerts"));
        assertEquals(18, report.added().alerts(), "17 objects' stamp triplets, one object with two");
        assertEquals(54, report.added().cutouts());
        StoreCounts counts = queries.counts();
        assertEquals(18, counts.alerts());
        assertEquals(54, counts.cutouts());

        ObjectDataLoader loader = new ObjectDataLoader(db);
        ObjectData snIa = loader.load("ZTF18abquxjv").orElseThrow();
        assertEquals(3, snIa.cutouts().size());
        assertTrue(snIa.cutouts().stream().allMatch(c -> c.candid() == 1786226723415015003L));
        assertEquals(null, snIa.context(), "an alert known from its stamps has no packet context");
        // the later of ZTF24aaefwoh's two alerts; the earlier one's detection kept its candid only to float precision
        ObjectData twoAlerts = loader.load("ZTF24aaefwoh").orElseThrow();
        assertTrue(twoAlerts.cutouts().stream().allMatch(c -> c.candid() == 2667499290515015007L), twoAlerts.cutouts().toString());
        assertEquals(2, queries.alerts("ZTF24aaefwoh").size());
        assertEquals(List.of("difference", "science", "template"),
                queries.alerts("ZTF24aaefwoh").get(1).cutouts().stream().sorted().toList());
        // the triplet decodes as the CNN reads it
        assertEquals(3 * 63 * 63, org.ztfclass.models.image.CutoutTriplet.encode("ZTF18abquxjv", snIa.cutouts()).length);

        IngestReport again = run(Samples.path("fink-science-alerts"));
        assertEquals(0, again.added().alerts() + again.added().cutouts(), "idempotent");
    }

    @Test
    void aPacketCompletesAnAlertKnownFromItsStampsAlone() throws Exception {
        Path packet = Samples.path("pitt-google-alerts/avro/ZTF21abeoaio.1704203375215015000.ztf_20210901_programid1.avro");
        org.ztfclass.votables.domain.Alert alert;
        try (var in = java.nio.file.Files.newInputStream(packet)) {
            alert = new org.ztfclass.votables.alert.AvroAlertReader().read(in, packet.toString()).records().get(0);
        }
        Path stamps = java.nio.file.Files.createDirectories(tmp.resolve("stamps"));
        for (var c : alert.cutouts()) { // the packet's own stamps, as a broker hands them out apart from it
            java.nio.file.Files.write(stamps.resolve(alert.objectId() + "_" + c.candid() + "_" + c.kind().urlName() + ".fits.gz"),
                    c.stampData());
        }
        run(Samples.path("pitt-google-alerts/lightcurves.csv"), stamps);
        var known = queries.alerts(alert.objectId());
        assertEquals(1, known.size());
        assertEquals(null, known.get(0).schemaVersion());
        assertEquals(null, new ObjectDataLoader(db).load(alert.objectId()).orElseThrow().context());

        run(packet);
        var completed = queries.alerts(alert.objectId());
        assertEquals(1, completed.size(), "the same alert, by candid");
        assertEquals(alert.schemaVersion(), completed.get(0).schemaVersion());
        assertEquals(alert.context().sgscore1(), completed.get(0).sgscore1());
        assertEquals(packet.toString(), completed.get(0).sourceFile());
        assertEquals(alert.context().sgscore1(), new ObjectDataLoader(db).load(alert.objectId()).orElseThrow().context().sgscore1());
        assertEquals(3, queries.counts().cutouts());

        run(stamps);
        assertEquals(alert.schemaVersion(), queries.alerts(alert.objectId()).get(0).schemaVersion(), "stamps again change nothing");
    }

    @Test
    void stampFilesWithoutTheirDetectionAreReportedNotStored() throws Exception {
        IngestReport report = ingest.ingest(List.of(Samples.path("fink-science-alerts/cutouts")), IngestProgress.SILENT);
        assertEquals(54, report.problems().size());
        assertTrue(report.problems().get(0).reason().contains("ingest the object's light curve with its candids first"),
                report.problems().get(0).toString());
        assertEquals(0, queries.counts().alerts());
        assertEquals(0, queries.counts().objects());
    }

    @Test
    void pittGoogleCsvAddsNothingToItsOwnPackets() throws Exception {
        run(Samples.path("pitt-google-alerts/avro"));
        StoreCounts packets = queries.counts();
        IngestReport csv = run(Samples.path("pitt-google-alerts/lightcurves.csv"));
        assertEquals(280, csv.recordsRead());
        StoreCounts after = queries.counts();
        assertEquals(packets.detections(), after.detections(), "same detections, identified by candid");
        assertEquals(packets.upperLimits(), after.upperLimits(), "same upper limits, identified by object, band and time");
    }

    @Test
    void growthMarshalAndThreeColumnFilesOfTheIcBl() throws Exception {
        IngestReport report = run(Samples.path("annayqho-icbl"));
        assertEquals(Map.of(InputFormat.GROWTH_MARSHAL, 2, InputFormat.JD_MAG_ERROR, 2), report.filesByFormat());
        assertEquals(3, queries.counts().objects());
        assertEquals(134 + 85 + 179 + 123 + 101 + 130, report.recordsRead());
        assertEquals(85 + 123, queries.counts().upperLimits());
    }
}
