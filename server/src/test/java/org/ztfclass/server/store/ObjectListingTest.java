package org.ztfclass.server.store;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.funnel.FunnelConfig;
import org.ztfclass.server.funnel.FunnelRunner;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.votables.domain.Prediction;
import org.ztfclass.votables.domain.TransientClass;
import org.ztfclass.votables.sky.Separation;

/** The web application's object list on the shipped sample: each filter keeps exactly what it says, pages and sorting hold. */
class ObjectListingTest {

    @TempDir
    static Path tmp;

    private static Database db;
    private static ObjectListing listing;

    @BeforeAll
    static void store() throws Exception {
        db = TestStores.open(tmp.resolve("list.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("catalogues"), Samples.path("alerts")), IngestProgress.SILENT);
        new FunnelRunner(new FunnelStore(db)).run(FunnelConfig.defaults());
        // probabilities made from the object id's hash: a spread of values to filter on, written as a model would
        List<Prediction> ps = new ArrayList<>();
        for (String id : new PredictionStore(db).objectIds()) {
            double a = Math.floorMod(id.hashCode(), 1000) / 1000.0;
            ps.add(new Prediction(id, "test-model", a, (1 - a) * 0.7, (1 - a) * 0.3));
        }
        new PredictionStore(db).write("test-model", null, null, ps);
        listing = new ObjectListing(db);
    }

    private static ObjectListing.Query query(TransientClass label, TransientClass predicted, Double pMin, Double pMax, Boolean labelled,
                                             String stage, Double ra, Double dec, Double radius, ObjectListing.Sort sort, boolean desc, int page) {
        return new ObjectListing.Query(label, predicted, pMin, pMax, labelled, stage, null, null, ra, dec, radius, sort, desc, 500, page);
    }

    private static List<ObjectListing.Row> all(ObjectListing.Query q) throws Exception {
        List<ObjectListing.Row> out = new ArrayList<>();
        for (int page = 0; ; page++) {
            ObjectListing.Query p = new ObjectListing.Query(q.labelClass(), q.predictedClass(), q.minProbability(), q.maxProbability(),
                    q.labelled(), q.funnelStage(), q.firstDetectionFromJd(), q.firstDetectionToJd(), q.ra(), q.dec(), q.radiusDeg(),
                    q.sort(), q.descending(), q.pageSize(), page);
            ObjectListing.Page got = listing.page(p);
            out.addAll(got.rows());
            if (!got.hasNext()) {
                return out;
            }
        }
    }

    @Test
    void probabilityRangeAndPredictedClass() throws Exception {
        List<ObjectListing.Row> rows = all(query(null, TransientClass.SN_II, 0.4, 0.6, null, null, null, null, null,
                ObjectListing.Sort.PROBABILITY, true, 0));
        assertFalse(rows.isEmpty());
        for (ObjectListing.Row r : rows) {
            assertEquals("SN_II", r.predictedClass());
            assertTrue(r.probability() >= 0.4 && r.probability() <= 0.6, r.toString());
        }
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).probability() >= rows.get(i).probability(), "sorted by probability, descending");
        }
    }

    @Test
    void labelStatusClassAndFunnelStage() throws Exception {
        List<ObjectListing.Row> labelled = all(query(TransientClass.SN_IA, null, null, null, true, null, null, null, null,
                ObjectListing.Sort.OBJECT_ID, false, 0));
        assertFalse(labelled.isEmpty());
        labelled.forEach(r -> assertEquals("SN_IA", r.labelClass()));
        all(query(null, null, null, null, false, null, null, null, null, ObjectListing.Sort.OBJECT_ID, false, 0))
                .forEach(r -> assertEquals(null, r.labelClass()));
        List<ObjectListing.Row> bogus = all(query(null, null, null, null, null, "bogus", null, null, null, ObjectListing.Sort.OBJECT_ID, false, 0));
        assertFalse(bogus.isEmpty());
        bogus.forEach(r -> assertEquals("bogus", r.droppedBy()));
        List<ObjectListing.Row> passed = all(query(null, null, null, null, null, ObjectFilter.PASSED, null, null, null, ObjectListing.Sort.OBJECT_ID, false, 0));
        passed.forEach(r -> assertEquals(null, r.droppedBy()));
        long total = all(query(null, null, null, null, null, null, null, null, null, ObjectListing.Sort.OBJECT_ID, false, 0)).size();
        assertEquals(total, new ObjectQueries(db).countObjects(ObjectFilter.ALL), "no filter lists every object once");
        assertEquals(new ObjectQueries(db).countObjects(ObjectFilter.droppedBy(ObjectFilter.PASSED)), passed.size());
    }

    @Test
    void skyConeIsExactAndPagesDoNotOverlap() throws Exception {
        List<ObjectListing.Row> cone = all(query(null, null, null, null, null, null, 185.0, 15.0, 10.0, ObjectListing.Sort.OBJECT_ID, false, 0));
        assertFalse(cone.isEmpty());
        for (ObjectListing.Row r : cone) {
            assertTrue(Separation.degrees(185.0, 15.0, r.ra(), r.dec()) <= 10.0 + 1e-9, r.toString());
        }
        long inside = all(query(null, null, null, null, null, null, null, null, null, ObjectListing.Sort.OBJECT_ID, false, 0)).stream()
                .filter(r -> r.ra() != null && Separation.degrees(185.0, 15.0, r.ra(), r.dec()) <= 10.0).count();
        assertEquals(inside, cone.size(), "every object inside the cone is listed");
        ObjectListing.Page first = listing.page(new ObjectListing.Query(null, null, null, null, null, null, null, null, null, null, null,
                ObjectListing.Sort.FIRST_DETECTION, false, 20, 0));
        ObjectListing.Page second = listing.page(new ObjectListing.Query(null, null, null, null, null, null, null, null, null, null, null,
                ObjectListing.Sort.FIRST_DETECTION, false, 20, 1));
        assertTrue(first.hasNext());
        assertEquals(20, first.rows().size());
        first.rows().forEach(r -> assertFalse(second.rows().stream().anyMatch(s -> s.objectId().equals(r.objectId()))));
    }
}
