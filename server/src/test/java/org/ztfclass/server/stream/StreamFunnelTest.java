package org.ztfclass.server.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.server.Samples;
import org.ztfclass.server.funnel.FunnelConfig;
import org.ztfclass.server.funnel.FunnelRunner;
import org.ztfclass.server.funnel.IncrementalFunnel;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.FunnelStore;
import org.ztfclass.server.store.StoreWriter;

/**
 * The funnel verdict of objects that change between funnel runs (issue 15: "updates each touched object's funnel
 * verdict and facts incrementally"): an object streamed in, or given a new alert, shows the verdict, and the newest run
 * the counts, that a file ingest of everything followed by a funnel run gives.
 */
class StreamFunnelTest {

    @TempDir
    Path tmp;

    /** The shipped packets in two halves that share objects (alternate files: an object's alerts fall in both). */
    private static List<List<Path>> halves() throws Exception {
        List<Path> files = Samples.avroFiles("alerts");
        List<Path> first = new ArrayList<>();
        List<Path> second = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            (i % 2 == 0 ? first : second).add(files.get(i));
        }
        return List.of(first, second);
    }

    /** A store of the first half, funnel run, with the first object that run dropped rescued (in both stores) before it. */
    private Database firstHalfJudged(Path file, List<Path> first, String rescue) throws Exception {
        Database db = Database.open(file);
        new IngestService(new StoreWriter(db)).ingest(first, IngestProgress.SILENT);
        if (rescue != null) {
            assertTrue(new FunnelStore(db).addRescue(rescue, "tester", "looks real"));
        }
        new FunnelRunner(new FunnelStore(db)).run(FunnelConfig.defaults());
        return db;
    }

    /** @return a store of every packet by file ingest, then one funnel run: what a streamed store must show */
    private Map<String, List<String>> reference(List<Path> all, String rescue) throws Exception {
        Database db = Database.open(tmp.resolve("reference.db"));
        new IngestService(new StoreWriter(db)).ingest(all, IngestProgress.SILENT);
        if (rescue != null) {
            assertTrue(new FunnelStore(db).addRescue(rescue, "tester", "looks real"));
        }
        new FunnelRunner(new FunnelStore(db)).run(FunnelConfig.defaults());
        return verdicts(db);
    }

    private String firstDropped(List<Path> first) throws Exception {
        Database db = firstHalfJudged(tmp.resolve("probe.db"), first, null);
        List<String> drops = rows(db, "SELECT object_id FROM funnel_drops ORDER BY object_id");
        assertFalse(drops.isEmpty(), "the default funnel drops some of the shipped objects");
        return drops.get(0);
    }

    @Test
    void judgingTouchedObjectsGivesTheVerdictsOfAFullRun() throws Exception {
        List<List<Path>> h = halves();
        String rescue = firstDropped(h.get(0));
        List<Path> all = new ArrayList<>(h.get(0));
        all.addAll(h.get(1));
        Map<String, List<String>> expected = reference(all, rescue);

        Database db = firstHalfJudged(tmp.resolve("incremental.db"), h.get(0), rescue);
        assertTrue(!verdicts(db).equals(expected), "the second half changes verdicts or counts, or the test shows nothing");
        new IngestService(new StoreWriter(db)).ingest(h.get(1), IngestProgress.SILENT);
        Set<String> touched = new LinkedHashSet<>();
        for (var a : Samples.readAlerts(h.get(1))) {
            touched.add(a.objectId());
        }
        int judged = new IncrementalFunnel(db).judge(touched);
        assertEquals(touched.size(), judged);
        assertEquals(expected, verdicts(db));
        // judging again changes nothing (a re-delivered batch)
        new IncrementalFunnel(db).judge(touched);
        assertEquals(expected, verdicts(db));
    }

    @Test
    void streamedObjectsGetTheVerdictOfAFileIngestAndFunnelRun() throws Exception {
        List<List<Path>> h = halves();
        String rescue = firstDropped(h.get(0));
        List<Path> all = new ArrayList<>(h.get(0));
        all.addAll(h.get(1));
        Map<String, List<String>> expected = reference(all, rescue);

        Database db = firstHalfJudged(tmp.resolve("streamed.db"), h.get(0), rescue);
        DevBroker broker = KafkaFixture.broker();
        String topic = "funnel-verdicts";
        broker.createTopic(topic, 2);
        try (AlertReplay replay = new AlertReplay(broker.bootstrap(), Map.of())) {
            replay.publish(topic, h.get(1), 0);
        }
        StreamConsumer.Totals t = new StreamConsumer(StreamIngestTest.settings(broker, topic, "funnel-verdicts"), db, (ModelBundle) null).run();
        assertEquals(Samples.readAlerts(h.get(1)).size(), t.alerts());
        assertEquals(expected, verdicts(db));
    }

    @Test
    void withoutAFunnelRunNothingIsJudged() throws Exception {
        Database db = Database.open(tmp.resolve("no-run.db"));
        List<Path> files = halves().get(0);
        new IngestService(new StoreWriter(db)).ingest(files, IngestProgress.SILENT);
        Set<String> ids = new LinkedHashSet<>();
        for (var a : Samples.readAlerts(files)) {
            ids.add(a.objectId());
        }
        assertEquals(0, new IncrementalFunnel(db).judge(ids));
        assertEquals(List.of(), rows(db, "SELECT object_id FROM funnel_drops"));
    }

    /**
     * @return what readers take the verdict from: the newest run's drops (stage, rule, values, rescued) and recorded
     *     passes, its stage counts (the main reason left out: a run's own summary) and its totals
     */
    private static Map<String, List<String>> verdicts(Database db) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String run = "(SELECT MAX(id) FROM funnel_runs)";
        out.put("drops", rows(db, "SELECT object_id, stage, category, reason, rescued FROM funnel_drops WHERE run_id = " + run
                + " ORDER BY object_id"));
        out.put("passes", rows(db, "SELECT object_id FROM funnel_passes WHERE run_id = " + run + " ORDER BY object_id"));
        out.put("stages", rows(db, "SELECT position, stage, settings, objects_in, dropped, objects_out FROM funnel_stage_counts "
                + "WHERE run_id = " + run + " ORDER BY position"));
        out.put("run", rows(db, "SELECT objects_in, objects_out, rescued, passes_recorded FROM funnel_runs WHERE id = " + run));
        out.put("facts", rows(db, "SELECT object_id, n_detections, real_score_1, real_score_2, n_episodes, ssdistnr, sgscore1 "
                + "FROM objects ORDER BY object_id"));
        return out;
    }

    private static List<String> rows(Database db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData m = rs.getMetaData();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= m.getColumnCount(); i++) {
                    b.append(i > 1 ? " | " : "").append(rs.getString(i));
                }
                out.add(b.toString());
            }
        }
        return out;
    }

}
