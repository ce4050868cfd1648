package org.ztfclass.server.learning;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.User;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.labels.LabelRequest;
import org.ztfclass.server.labels.LabelService;
import org.ztfclass.server.labels.LabelSource;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;

/**
 * Issue 13, finding 7 (second half), replayed: 100 concurrent readers of
 * {@code /api/learning/agreement} each recomputed the whole report. Now one computation serves
 * them all, and a new label is reflected at the next read.
 */
class AgreementReadersTest {

    @TempDir
    static Path tmp;

    private static Database db;
    private static ApiServer server;
    private static List<String> objects = new ArrayList<>();
    private static User alice;
    private static User bob;

    @BeforeAll
    static void start() throws Exception {
        db = TestStores.open(tmp.resolve("agreement.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("alerts")), IngestProgress.SILENT);
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT object_id FROM objects ORDER BY object_id LIMIT 6")) {
            while (rs.next()) {
                objects.add(rs.getString(1));
            }
        }
        UserStore users = new UserStore(db);
        alice = users.create("alice", Role.LABELLER, "alice-password");
        bob = users.create("bob", Role.LABELLER, "bob-password");
        LabelService labels = new LabelService(db);
        String[] a = {"SN_IA", "SN_IA", "SN_II", "OTHER", "SN_IA"};
        String[] b = {"SN_IA", "SN_II", "SN_II", "OTHER", "SN_IA"};
        List<LabelRequest> ra = new ArrayList<>();
        List<LabelRequest> rb = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            ra.add(new LabelRequest(objects.get(i), a[i], null, null));
            rb.add(new LabelRequest(objects.get(i), b[i], null, null));
        }
        labels.submit(alice, LabelSource.WEB, ra);
        labels.submit(bob, LabelSource.WEB, rb);
        server = new ApiServer(db).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void oneComputationServesConcurrentReadersUntilALabelArrives() throws Exception {
        CachedAgreement agreement = new CachedAgreement(new LabelLog(db));
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Agreement.Report>> reads = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                reads.add(pool.submit(agreement::current));
            }
            Set<Agreement.Report> seen = new HashSet<>();
            for (Future<Agreement.Report> f : reads) {
                seen.add(f.get());
            }
            assertEquals(1, seen.size(), "every reader got the one report");
            assertEquals(1, agreement.computations(), "100 readers, one computation");
            assertEquals(5, seen.iterator().next().objects());
        } finally {
            pool.shutdownNow();
        }
        new LabelService(db).submit(bob, LabelSource.WEB, List.of(new LabelRequest(objects.get(5), "SN_IA", null, null)));
        new LabelService(db).submit(alice, LabelSource.WEB, List.of(new LabelRequest(objects.get(5), "SN_IA", null, null)));
        assertEquals(6, agreement.current().objects(), "the new labels are in the next report");
        assertEquals(2, agreement.computations());
        agreement.current();
        assertEquals(2, agreement.computations(), "no labels since: no new computation");
    }

    @Test
    void hundredConcurrentReadersOverHttpAllGetTheReport() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/learning/agreement"))
                .timeout(Duration.ofSeconds(60)).build();
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try {
            List<Future<HttpResponse<String>>> reads = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                reads.add(pool.submit(() -> http.send(get, HttpResponse.BodyHandlers.ofString())));
            }
            Set<String> bodies = new HashSet<>();
            for (Future<HttpResponse<String>> f : reads) {
                HttpResponse<String> r = f.get();
                assertEquals(200, r.statusCode(), r.body());
                bodies.add(r.body());
            }
            assertEquals(1, bodies.size(), "one answer for all: " + bodies);
            assertNotEquals("", bodies.iterator().next());
        } finally {
            pool.shutdownNow();
        }
    }
}
