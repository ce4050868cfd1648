package org.ztfclass.server.labels;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.User;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.PredictionStore;
import org.ztfclass.server.store.StoreWriter;

/** LabelService on a real SQLite store holding the shipped alert packets. */
class LabelServiceTest {

    @TempDir
    static Path tmp;

    private static Database db;
    private static LabelService service;
    private static List<String> objects;

    @BeforeAll
    static void store() throws Exception {
        db = TestStores.open(tmp.resolve("labels.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("alerts")), IngestProgress.SILENT);
        service = new LabelService(db);
        objects = new PredictionStore(db).objectIds();
        assertTrue(objects.size() > 20, "the sample has objects");
    }

    private static User user(String name, Role role) throws Exception {
        UserStore users = new UserStore(db);
        return users.byName(name).isPresent() ? users.byName(name).get() : users.create(name, role, "password-" + name);
    }

    private static long count(String where) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM labels WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void badRequestsAreRejectedOneByOneAndTheRestWritten() throws Exception {
        User u = user("checker", Role.LABELLER);
        String id = objects.get(0);
        LabelOutcome o = service.submit(u, LabelSource.WEB, List.of(
                new LabelRequest(id, "SN Ia", 0.9, "<b>looks like</b> a Ia"),
                new LabelRequest("ZTF99zzzzzzz", "SN_IA", null, null),
                new LabelRequest(objects.get(1), "supernova-ish", null, null),
                new LabelRequest(objects.get(2), "SN II", 1.5, null),
                new LabelRequest(objects.get(3), "tde", null, null)));
        assertEquals(2, o.accepted());
        assertEquals(List.of(1, 2, 3), o.rejected().stream().map(LabelOutcome.Rejected::index).toList());
        assertTrue(o.rejected().get(0).error().contains("unknown objectId 'ZTF99zzzzzzz'"), o.rejected().get(0).error());
        assertTrue(o.rejected().get(1).error().contains("unknown class 'supernova-ish'"), o.rejected().get(1).error());
        assertTrue(o.rejected().get(2).error().contains("confidence"), o.rejected().get(2).error());
        assertEquals(1, count("object_id = '" + objects.get(3) + "' AND fine_class = 'TDE' AND top_class = 'OTHER' AND source = 'web'"));
        assertEquals(1, count("object_id = '" + id + "' AND comment = '<b>looks like</b> a Ia' AND top_class = 'SN_IA'"));
    }

    @Test
    void theSameLabelTwiceWithinSecondsIsDeduplicated() throws Exception {
        User u = user("doubleclicker", Role.LABELLER);
        String id = objects.get(5);
        assertEquals(1, service.submit(u, LabelSource.SAMP, List.of(new LabelRequest(id, "SN_II", null, null))).accepted());
        LabelOutcome again = service.submit(u, LabelSource.SAMP, List.of(new LabelRequest(id, "SN II", null, null),
                new LabelRequest(id, "OTHER", null, null)));
        assertEquals(1, again.deduplicated());
        assertEquals(1, again.accepted(), "another class is a new label");
        assertEquals(2, count("object_id = '" + id + "' AND user_id = " + u.id()));
    }

    @Test
    void aViewerCannotLabel() throws Exception {
        User v = user("onlooker", Role.VIEWER);
        assertThrows(IllegalArgumentException.class, () -> service.submit(v, LabelSource.WEB, List.of(new LabelRequest(objects.get(0), "SN_IA", null, null))));
        assertEquals(0, count("user_id = " + v.id()));
    }

    @Test
    void manyParallelClientsLoseAndDoubleNothing() throws Exception {
        int clients = 12;
        List<String> targets = objects.subList(6, 18);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<LabelOutcome>> results = new ArrayList<>();
        for (int k = 0; k < clients; k++) {
            User u = user("parallel" + k, Role.LABELLER);
            for (int rep = 0; rep < 2; rep++) {  // every client sends its batch twice at once: the second is all duplicates
                results.add(pool.submit(() -> {
                    List<LabelRequest> batch = new ArrayList<>();
                    for (String t : targets) {
                        batch.add(new LabelRequest(t, "SN_IA", 0.5, null));
                    }
                    return service.submit(u, LabelSource.WEB, batch);
                }));
            }
        }
        int accepted = 0;
        int deduplicated = 0;
        for (Future<LabelOutcome> f : results) {
            accepted += f.get().accepted();
            deduplicated += f.get().deduplicated();
        }
        pool.shutdown();
        assertEquals(clients * targets.size(), accepted, "each client's labels written once");
        assertEquals(clients * targets.size(), deduplicated, "each resent label recognised");
        for (int k = 0; k < clients; k++) {
            User u = user("parallel" + k, Role.LABELLER);
            assertEquals(targets.size(), count("user_id = " + u.id()), "client " + k);
        }
    }
}
