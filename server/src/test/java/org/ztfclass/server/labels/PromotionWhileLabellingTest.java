package org.ztfclass.server.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.TestStores;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.User;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.learning.ModelVersions;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.PredictionStore;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.domain.Prediction;

/**
 * A model version switch (which rewrites every object's current-prediction columns) while
 * labellers post batches that touch object rows in their own order: neither fails (the PostgreSQL
 * load benchmark once lost a retraining to "deadlock detected" there), every label is stored once,
 * and the object list shows the serving version's predictions and the newest labels afterwards.
 */
class PromotionWhileLabellingTest {

    @TempDir
    static Path tmp;

    @Test
    void switchingVersionsWhileLabellersPostFailsNeither() throws Exception {
        Database db = TestStores.open(tmp.resolve("promotion.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("alerts")), IngestProgress.SILENT);
        PredictionStore predictions = new PredictionStore(db);
        List<String> objects = predictions.objectIds();
        assertTrue(objects.size() > 50, "the sample has objects");
        for (String version : List.of("v-a", "v-b")) {
            List<Prediction> ps = new ArrayList<>();
            for (String id : objects) {
                ps.add(version.equals("v-a") ? new Prediction(id, version, 0.7, 0.2, 0.1) : new Prediction(id, version, 0.1, 0.2, 0.7));
            }
            predictions.write(version, "hash", "{}", ps);
        }
        ModelVersions versions = new ModelVersions(db);
        UserStore users = new UserStore(db);
        int labellers = 6;
        List<User> people = new ArrayList<>();
        for (int i = 0; i < labellers; i++) {
            people.add(users.create("switch-labeller-" + i, Role.LABELLER, "password-switch-" + i));
        }
        LabelService service = new LabelService(db);
        AtomicBoolean labelling = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(labellers + 1);
        try {
            List<Future<Integer>> posted = new ArrayList<>();
            for (int i = 0; i < labellers; i++) {
                User who = people.get(i);
                long seed = i;
                posted.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    int stored = 0;
                    int answered = 0;
                    for (int batch = 0; batch < 15; batch++) {
                        List<String> ids = new ArrayList<>(objects);
                        Collections.shuffle(ids, random);
                        List<LabelRequest> requests = new ArrayList<>();
                        for (String id : ids.subList(0, 25)) {
                            requests.add(new LabelRequest(id, batch % 2 == 0 ? "SN Ia" : "SN II", null, null));
                        }
                        LabelOutcome outcome = service.submit(who, LabelSource.WEB, requests);
                        stored += outcome.accepted();
                        answered += outcome.accepted() + outcome.deduplicated(); // the same label again within seconds
                    }
                    assertEquals(15 * 25, answered);
                    return stored;
                }));
            }
            Future<Integer> switches = pool.submit(() -> {
                int n = 0;
                while (labelling.get() || n < 4) {
                    versions.serve(n % 2 == 0 ? "v-a" : "v-b");
                    n++;
                }
                versions.serve("v-a");
                return n + 1;
            });
            int stored = 0;
            for (Future<Integer> f : posted) {
                stored += f.get();
            }
            labelling.set(false);
            assertTrue(switches.get() >= 5);
            assertTrue(stored > labellers * 25, "stored " + stored);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                assertEquals(stored, count(s, "SELECT COUNT(*) FROM labels WHERE user_id IN (SELECT id FROM users WHERE name LIKE 'switch-labeller-%')"));
                assertEquals(objects.size(), count(s, "SELECT COUNT(*) FROM objects WHERE cur_model_version = 'v-a' AND cur_predicted_class = 'SN_IA'"));
                assertEquals(0, count(s, "SELECT COUNT(*) FROM objects o WHERE o.cur_label_id IS DISTINCT FROM "
                        + "(SELECT MAX(l.id) FROM labels l WHERE l.object_id = o.object_id)"));
            }
        } finally {
            labelling.set(false);
            pool.shutdownNow();
        }
    }

    @Test
    void aBatchChosenToBreakADeadlockIsWrittenAgain() throws Exception {
        Database db = TestStores.open(tmp.resolve("deadlock.db"));
        Assumptions.assumeTrue(db.isPostgres(), "deadlocks between row writers are PostgreSQL's; SQLite has one writer");
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("alerts")), IngestProgress.SILENT);
        List<String> objects = new PredictionStore(db).objectIds();
        String x = objects.get(0);
        String y = objects.get(1);
        User who = new UserStore(db).create("deadlock-labeller", Role.LABELLER, "password-deadlock");
        CountDownLatch holdsX = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection other = db.connect()) {
            // another writer: holds x's row, then wants y's, which the label batch [y, x] holds by then
            Future<?> writer = pool.submit(() -> {
                other.setAutoCommit(false);
                try (Statement s = other.createStatement()) {
                    // PostgreSQL looks for a deadlock once per wait, deadlock_timeout after the wait
                    // began, and breaks it by rolling back the transaction that looked: this one looks
                    // late, so the batch (waiting since before) is the one chosen
                    s.execute("SET deadlock_timeout = '20s'");
                    s.executeUpdate("UPDATE objects SET cur_label_class = cur_label_class WHERE object_id = '" + x + "'");
                    holdsX.countDown();
                    Thread.sleep(300); // the batch locks y and waits for x
                    s.executeUpdate("UPDATE objects SET cur_label_class = cur_label_class WHERE object_id = '" + y + "'");
                    other.commit();
                    s.execute("RESET deadlock_timeout");
                } catch (SQLException e) {
                    other.rollback(); // if PostgreSQL picks this one, the batch must still be stored
                }
                return null;
            });
            holdsX.await();
            LabelOutcome outcome = new LabelService(db).submit(who, LabelSource.WEB,
                    List.of(new LabelRequest(y, "SN Ia", null, null), new LabelRequest(x, "SN Ia", null, null)));
            writer.get();
            assertEquals(2, outcome.accepted());
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                assertEquals(2, count(s, "SELECT COUNT(*) FROM labels WHERE user_id = " + who.id()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
