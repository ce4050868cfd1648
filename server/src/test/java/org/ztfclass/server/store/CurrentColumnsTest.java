package org.ztfclass.server.store;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.User;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.funnel.FunnelConfig;
import org.ztfclass.server.funnel.FunnelRunner;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.labels.LabelRequest;
import org.ztfclass.server.labels.LabelService;
import org.ztfclass.server.labels.LabelSource;
import org.ztfclass.server.learning.LearningConfig;
import org.ztfclass.server.learning.ModelVersions;
import org.ztfclass.server.learning.Takeover;
import org.ztfclass.server.learning.ThresholdMetrics;
import org.ztfclass.votables.domain.Prediction;
import org.ztfclass.votables.domain.TransientClass;

/**
 * The object list read from the denormalised "current" columns (migration V8) answers exactly what
 * the slow reference query over labels, predictions and funnel drops answers, after every kind of
 * write: catalogue ingest, scoring, funnel runs, web labels, new objects, a new model version,
 * rollback, a candidate version, automatic (takeover) labels, a prediction rewritten in place, a
 * rescue; and the V8 backfill of a store written before V8.
 */
class CurrentColumnsTest {

    @TempDir
    Path tmp;

    private static List<ObjectListing.Query> queries() {
        List<ObjectListing.Query> q = new ArrayList<>();
        for (boolean desc : new boolean[] {false, true}) {
            for (ObjectListing.Sort s : ObjectListing.Sort.values()) {
                q.add(query(null, null, null, null, null, null, null, null, null, s, desc));
                q.add(query(null, null, null, null, false, ObjectFilter.PASSED, null, null, null, s, desc));
            }
            for (TransientClass k : TransientClass.values()) {
                q.add(query(k, null, null, null, null, null, null, null, null, ObjectListing.Sort.FIRST_DETECTION, desc));
                q.add(query(k, null, null, null, null, ObjectFilter.PASSED, null, null, null, ObjectListing.Sort.FIRST_DETECTION, desc));
                q.add(query(null, k, 0.5, null, false, ObjectFilter.PASSED, null, null, null, ObjectListing.Sort.FIRST_DETECTION, desc));
                q.add(query(null, k, 0.6, null, false, null, null, null, null, ObjectListing.Sort.OBJECT_ID, desc));
                q.add(query(null, k, 0.4, 0.6, null, null, null, null, null, ObjectListing.Sort.PROBABILITY, desc));
            }
            q.add(query(null, null, null, null, true, null, null, null, null, ObjectListing.Sort.OBJECT_ID, desc));
            for (String stage : FunnelConfig.STAGES) {
                q.add(query(null, null, null, null, null, stage, null, null, null, ObjectListing.Sort.OBJECT_ID, desc));
            }
        }
        // cones: ordinary, across RA 0/360 both ways, near a pole, large
        double[][] cones = {{150, 2, 3}, {0.5, 10, 4}, {359.5, -20, 3}, {40, 87.5, 3}, {200, -30, 30}, {100, 60, 10}};
        for (double[] c : cones) {
            q.add(query(null, null, null, null, null, null, c[0], c[1], c[2], ObjectListing.Sort.OBJECT_ID, false));
        }
        return q;
    }

    private static ObjectListing.Query query(TransientClass label, TransientClass predicted, Double pMin, Double pMax, Boolean labelled,
                                             String stage, Double ra, Double dec, Double radius, ObjectListing.Sort sort, boolean desc) {
        return new ObjectListing.Query(label, predicted, pMin, pMax, labelled, stage, null, null, ra, dec, radius, sort, desc, 1_000_000, 0);
    }

    /** Compares every query's whole answer (and a small page of it) with the reference. */
    private static void assertSameAsReference(Database db, String after) throws Exception {
        for (int smallStage : new int[] {0, ObjectListing.SMALL_STAGE}) {
            assertSameAsReference(db, new ObjectListing(db, smallStage), after + " (stages of <= " + smallStage + " drops listed from them)");
        }
        // a run that recorded its (few) passed objects is listed from them; the probe must agree
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            if (s.executeUpdate("UPDATE funnel_runs SET passes_recorded = 0 WHERE passes_recorded = 1 "
                    + "AND id = (SELECT MAX(id) FROM funnel_runs)") == 1) {
                try {
                    assertSameAsReference(db, new ObjectListing(db), after + " (passed objects probed, not read from funnel_passes)");
                } finally {
                    s.executeUpdate("UPDATE funnel_runs SET passes_recorded = 1 WHERE id = (SELECT MAX(id) FROM funnel_runs)");
                }
            }
        }
    }

    private static void assertSameAsReference(Database db, ObjectListing fast, String after) throws Exception {
        ReferenceListing slow = new ReferenceListing(db);
        int nonEmpty = 0;
        for (ObjectListing.Query q : queries()) {
            List<String> expected = slow.all(q);
            List<String> got = new ArrayList<>();
            for (ObjectListing.Row r : fast.page(q).rows()) {
                got.add(r.objectId() + "|" + r.labelClass() + "|" + r.predictedClass() + "|" + r.probability() + "|" + r.modelVersion()
                        + "|" + r.droppedBy());
            }
            assertEquals(expected, got, "after " + after + ": " + q);
            ObjectListing.Query page2 = new ObjectListing.Query(q.labelClass(), q.predictedClass(), q.minProbability(), q.maxProbability(),
                    q.labelled(), q.funnelStage(), null, null, q.ra(), q.dec(), q.radiusDeg(), q.sort(), q.descending(), 7, 2);
            List<String> ids = fast.page(page2).rows().stream().map(ObjectListing.Row::objectId).toList();
            List<String> expectedIds = expected.subList(Math.min(14, expected.size()), Math.min(21, expected.size())).stream()
                    .map(s -> s.substring(0, s.indexOf('|'))).toList();
            assertEquals(expectedIds, ids, "after " + after + ", third page of 7: " + q);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(nonEmpty > 20, "after " + after + ": most queries find something (" + nonEmpty + ")");
    }

    private static List<Prediction> predictions(List<String> ids, int salt) {
        List<Prediction> ps = new ArrayList<>();
        for (String id : ids) {
            double a = Math.floorMod((id + salt).hashCode(), 1000) / 1000.0;
            double b = (1 - a) * Math.floorMod((salt + id).hashCode(), 100) / 100.0;
            ps.add(new Prediction(id, "v" + salt, a, b, 1 - a - b));
        }
        return ps;
    }

    @Test
    void listEqualsTheReferenceAfterEveryKindOfWrite() throws Exception {
        Database db = TestStores.open(tmp.resolve("current.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("catalogues"), Samples.path("alerts")), IngestProgress.SILENT);
        assertSameAsReference(db, "ingest with catalogue labels");

        PredictionStore store = new PredictionStore(db);
        List<String> ids = store.objectIds();
        store.write("v1", null, null, predictions(ids, 1));
        assertSameAsReference(db, "scoring with v1");

        new FunnelRunner(new FunnelStore(db)).run(FunnelConfig.defaults());
        assertSameAsReference(db, "a funnel run");

        User labeller = new UserStore(db).create("lister", Role.LABELLER, "password-lister");
        LabelService labels = new LabelService(db);
        List<LabelRequest> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            requests.add(new LabelRequest(ids.get(i * 3 % ids.size()), TransientClass.values()[i % 3].name(), 0.9, null));
        }
        assertTrue(labels.submit(labeller, LabelSource.WEB, requests).accepted() > 0);
        assertSameAsReference(db, "web labels");
        // the same objects relabelled: the newest event wins
        List<LabelRequest> again = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            again.add(new LabelRequest(ids.get(i * 3 % ids.size()), TransientClass.values()[(i + 1) % 3].name(), null, null));
        }
        labels.submit(labeller, LabelSource.SAMP, again);
        assertSameAsReference(db, "relabelling");

        new SyntheticObjects(db).generate(3000, 42L, n -> { });
        assertSameAsReference(db, "new (synthetic) objects");

        List<String> all = store.objectIds();
        store.write("v2", null, null, predictions(all.subList(0, all.size() / 2), 2));
        assertSameAsReference(db, "a new model version (v2) scoring half the objects");

        ModelVersions versions = new ModelVersions(db);
        versions.serve("v1");
        assertSameAsReference(db, "rollback to v1");
        versions.addCandidate("v3", "hash", "{}", null, 0.9, null, 10, null, 1L);
        assertSameAsReference(db, "a candidate version v3 (not serving)");

        Takeover takeover = new Takeover(db, new LearningConfig(0.2, 0.5, 5, 0.5, 1.0, 3, 0, 1));
        Map<TransientClass, ThresholdMetrics> m = new EnumMap<>(TransientClass.class);
        m.put(TransientClass.SN_IA, new ThresholdMetrics(TransientClass.SN_IA, 0.8, 100, 90, 120));
        takeover.decide("v1", m);
        assertTrue(takeover.apply("v1").getOrDefault(TransientClass.SN_IA, 0) > 0, "automatic labels written");
        assertSameAsReference(db, "automatic (takeover) labels");

        store.write("v1", null, null, predictions(all.subList(0, 500), 7).stream()
                .map(p -> new Prediction(p.objectId(), "v1", p.pSnIa(), p.pSnII(), p.pOther())).toList());
        assertSameAsReference(db, "predictions of the current version rewritten in place");

        FunnelStore funnel = new FunnelStore(db);
        String dropped;
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT object_id FROM funnel_drops ORDER BY object_id LIMIT 1")) {
            assertTrue(rs.next(), "the funnel dropped something");
            dropped = rs.getString(1);
        }
        assertTrue(funnel.addRescue(dropped, "lister", "looks real"));
        new FunnelRunner(funnel).run(FunnelConfig.defaults());
        assertSameAsReference(db, "a second funnel run with a rescue");
        new FunnelRunner(funnel).run(FunnelConfig.parse("faint.max_peak_mag = 18.0\n", Path.of("."), "test"));
        assertSameAsReference(db, "a third funnel run with a stricter faint limit");
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT passes_recorded, (SELECT COUNT(*) FROM funnel_passes WHERE run_id = r.id), objects_out "
                     + "FROM funnel_runs r ORDER BY id DESC LIMIT 1")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1), "a run that passes few objects records them");
            assertEquals(rs.getLong(3), rs.getLong(2), "every object out, rescued ones included");
        }
        new SyntheticObjects(db).generate(40, 7L, n -> { });
        assertSameAsReference(db, "new objects after a run that recorded its passed objects (not judged: they pass)");
        assertFalse(new ObjectListing(db).page(new ObjectListing.Query(null, null, null, null, null, ObjectFilter.PASSED, null, null,
                null, null, null, ObjectListing.Sort.OBJECT_ID, false, 1_000_000, 0)).rows().stream()
                .noneMatch(r -> r.objectId().equals(dropped)), "the rescued object passes");

        String passed = new ObjectListing(db).page(new ObjectListing.Query(null, null, null, null, null, ObjectFilter.PASSED, null, null,
                null, null, null, ObjectListing.Sort.OBJECT_ID, false, 1, 0)).rows().get(0).objectId();
        try (FunnelRunRecorder killed = funnel.startRun("abandoned")) {
            killed.drop(passed, "faint", "peak", "abandoned run", false);
        }
        assertSameAsReference(db, "a funnel run abandoned before it finished");

        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO funnel_runs (started_at, config) VALUES ('by hand', '')");
            s.execute("INSERT INTO funnel_drops (run_id, object_id, stage, category, reason, rescued) "
                    + "VALUES ((SELECT MAX(id) FROM funnel_runs), '" + passed + "', 'faint', 'peak', 'by hand', 0)");
            // a drop may precede its object (funnel_drops has no foreign key): the object arrives dropped
            s.execute("INSERT INTO funnel_drops (run_id, object_id, stage, category, reason, rescued) "
                    + "VALUES ((SELECT MAX(id) FROM funnel_runs), 'ZTF26zzzlate', 'bogus', 'rb', 'by hand', 0)");
            s.execute("INSERT INTO objects (object_id, ra, dec, first_detection_jd, created_at, updated_at) "
                    + "VALUES ('ZTF26zzzlate', 10, 10, 2461000, 'now', 'now')");
        }
        assertSameAsReference(db, "a run written by plain SQL, outside the recorder");
        assertTrue(new ObjectListing(db).page(new ObjectListing.Query(null, null, null, null, null, "faint", null, null,
                null, null, null, ObjectListing.Sort.OBJECT_ID, false, 1_000_000, 0)).rows().stream()
                .anyMatch(r -> r.objectId().equals(passed)), "the hand-written drop counts");
        assertEquals(List.of("ZTF26zzzlate"), new ObjectListing(db).page(new ObjectListing.Query(null, null, null, null, null, "bogus",
                null, null, null, null, null, ObjectListing.Sort.OBJECT_ID, false, 1_000_000, 0)).rows().stream()
                .map(ObjectListing.Row::objectId).toList(), "an object inserted after its drop arrives dropped");
    }


    @Test
    void migrationBackfillsAStoreWrittenBeforeIt() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(TestStores.postgres(), "an upgrade of SQLite stores written before V8; PostgreSQL stores began at V16");
        Path file = tmp.resolve("old.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/migration/sqlite").target("7")
                .load().migrate();
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (int i = 0; i < 60; i++) {
                s.execute("INSERT INTO objects (object_id, ra, dec, first_detection_jd, created_at, updated_at) VALUES ('ZTFold" + i + "', "
                        + (i * 6) + ", " + (i - 30) + ", " + (2458800 + i) + ", 'now', 'now')");
            }
            s.execute("INSERT INTO model_versions (version, created_at, status) VALUES ('a', '2020', 'retired'), ('b', '2021', 'serving'), "
                    + "('c', '2022', 'candidate')");
            for (int i = 0; i < 60; i += 2) {
                for (String v : new String[] {"a", "b", "c"}) {
                    double p = ((i * 7 + v.charAt(0)) % 10) / 10.0;
                    s.execute("INSERT INTO predictions (object_id, model_version, p_sn_ia, p_sn_ii, p_other, predicted_class, created_at) "
                            + "VALUES ('ZTFold" + i + "', '" + v + "', " + p + ", " + (1 - p) / 2 + ", " + (1 - p) / 2 + ", '"
                            + (p >= 0.4 ? "SN_IA" : "SN_II") + "', 'now')");
                }
            }
            for (int i = 0; i < 60; i += 3) {
                s.execute("INSERT INTO labels (object_id, fine_class, top_class, source, created_at) VALUES ('ZTFold" + i + "', 'SN Ia', 'SN_IA', 'web', 'now')");
                if (i % 2 == 0) {
                    s.execute("INSERT INTO labels (object_id, fine_class, top_class, source, created_at) VALUES ('ZTFold" + i + "', 'TDE', 'OTHER', 'web', 'now')");
                }
            }
            s.execute("INSERT INTO funnel_runs (id, started_at, config) VALUES (1, 'then', ''), (2, 'now', '')");
            for (int i = 0; i < 60; i += 5) {
                s.execute("INSERT INTO funnel_drops (run_id, object_id, stage, category, reason, rescued) VALUES (1, 'ZTFold" + (i + 1)
                        + "', 'faint', 'x', 'y', 0), (2, 'ZTFold" + i + "', 'bogus', 'x', 'y', " + (i % 10 == 0 ? 1 : 0) + ")");
            }
        }
        Database db = TestStores.open(file);
        ObjectListing.Query everything = query(null, null, null, null, null, null, null, null, null, ObjectListing.Sort.PROBABILITY, true);
        List<String> expected = new ReferenceListing(db).all(everything);
        List<String> got = new ObjectListing(db).page(everything).rows().stream().map(r -> r.objectId() + "|" + r.labelClass() + "|"
                + r.predictedClass() + "|" + r.probability() + "|" + r.modelVersion() + "|" + r.droppedBy()).toList();
        assertEquals(expected, got);
        assertTrue(got.stream().anyMatch(s -> s.contains("|OTHER|") && s.contains("|b|")), "newest label, serving version b: " + got);
        assertTrue(got.stream().anyMatch(s -> s.endsWith("|bogus")), "latest run's drops");
        assertSameAsReference(db, "the V8 backfill");
    }
}
