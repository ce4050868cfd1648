package org.ztfclass.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.TestStores;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.TokenStore;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.server.store.SyntheticObjects;

/**
 * Issue 14: two serve processes behind one load balancer on one store, stood for by two
 * {@link ApiServer}s each on its own {@link Database} opened on the same location (two pools, as
 * two processes have). An async TAP job made on server A is read on server B (phase, result,
 * error, the owner's job list, 403 for another user); an abort or a delete sent to B stops the
 * query running on A (its SQL really ends); the per-client cap counts the jobs made on both; and
 * a job whose executing process died (a stale heartbeat) ends in ERROR instead of executing for
 * ever. The per-client cap is lowered to 3 ({@code ztfclass.tap.maxPendingJobsPerClient}).
 */
class UwsSharedStoreTest {

    @TempDir
    static Path tmp;

    private static Database storeA;
    private static Database storeB;
    private static ApiServer a;
    private static ApiServer b;
    private static final Map<String, String> TOKENS = new java.util.HashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final int MAX_PENDING = 3;
    private static final String CHEAP = "SELECT TOP 3 object_id FROM ztf.objects ORDER BY object_id";
    /** 250 great-circle distances a row on 100,000 objects, none ever below 0: runs for many seconds. */
    private static final String EXPENSIVE = expensiveQuery();
    /** Jobs made by a test, as {server, user (null: anonymous), path}, deleted after each test. */
    private final List<Object[]> made = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Path file = tmp.resolve("uws-shared.db");
        storeA = TestStores.open(file);
        new IngestService(new StoreWriter(storeA)).ingest(List.of(Samples.path("alerts")), IngestProgress.SILENT);
        new SyntheticObjects(storeA).generate(100_000, 14, n -> { });
        UserStore users = new UserStore(storeA);
        TokenStore tokens = new TokenStore(storeA);
        for (String name : List.of("alice", "bob")) {
            TOKENS.put(name, tokens.create(users.create(name, Role.VIEWER, name + "-password-1"), "tap").token());
        }
        storeB = Database.open(TestStores.location(file)); // a second process's own connections to the same store
        System.setProperty("ztfclass.tap.maxPendingJobsPerClient", Integer.toString(MAX_PENDING));
        try {
            a = new ApiServer(storeA).start("127.0.0.1", 0);
            b = new ApiServer(storeB).start("127.0.0.1", 0);
        } finally {
            System.clearProperty("ztfclass.tap.maxPendingJobsPerClient");
        }
    }

    @AfterAll
    static void stop() {
        a.stop();
        b.stop();
        storeB.close();
        storeA.close();
    }

    @AfterEach
    void deleteJobsMade() throws Exception {
        for (Object[] m : made) {
            send((ApiServer) m[0], (String) m[1], HttpRequest.newBuilder(URI.create(url((ApiServer) m[0], (String) m[2]))).DELETE());
        }
    }

    private static String expensiveQuery() {
        StringBuilder q = new StringBuilder("SELECT TOP 1 object_id FROM ztf.objects WHERE ");
        for (int i = 0; i < 250; i++) {
            q.append(i == 0 ? "" : " OR ").append("DISTANCE(POINT('ICRS', ra, dec), POINT('ICRS', ").append(i).append(".5, 1.5)) < 0");
        }
        return q.toString();
    }

    private static String url(ApiServer server, String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static HttpResponse<String> send(ApiServer server, String user, HttpRequest.Builder req) throws Exception {
        if (user != null) {
            req.header("Authorization", "Bearer " + TOKENS.get(user));
        }
        return HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(ApiServer server, String user, String path, String form) throws Exception {
        return send(server, user, HttpRequest.newBuilder(URI.create(url(server, path)))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static HttpResponse<String> get(ApiServer server, String user, String path) throws Exception {
        return send(server, user, HttpRequest.newBuilder(URI.create(url(server, path))));
    }

    private static String form(String adql) {
        return "REQUEST=doQuery&LANG=ADQL&QUERY=" + URLEncoder.encode(adql, StandardCharsets.UTF_8);
    }

    /** Creates a job on {@code server}; @return its path, or null if refused (the answer in {@code refusals}). */
    private String create(ApiServer server, String user, String form, List<HttpResponse<String>> refusals) throws Exception {
        HttpResponse<String> r = post(server, user, "/tap/async", form);
        if (r.statusCode() == 303) {
            String path = URI.create(r.headers().firstValue("Location").orElseThrow()).getPath();
            made.add(new Object[] {server, user, path});
            return path;
        }
        refusals.add(r);
        return null;
    }

    /** @return the phase {@code server} shows once it is none of {@code passing}, within 60 s (else the last one seen) */
    private static String phaseAfter(ApiServer server, String user, String job, List<String> passing) throws Exception {
        String phase = "";
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until) {
            phase = get(server, user, job + "/phase").body();
            if (!passing.contains(phase)) {
                return phase;
            }
            Thread.sleep(50);
        }
        return phase;
    }

    /** Fails unless, within 10 s, no thread (of either server) is running a TAP query any more. */
    private static void assertNoQueryRunning() throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        String running = "";
        while (System.nanoTime() < until) {
            running = "";
            for (var e : Thread.getAllStackTraces().entrySet()) {
                for (StackTraceElement f : e.getValue()) {
                    if (f.getClassName().equals("org.ztfclass.server.tap.TapQueryRunner") && f.getMethodName().equals("run")) {
                        running += e.getKey().getName() + " ";
                    }
                }
            }
            if (running.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("threads still running a TAP query: " + running);
    }

    @Test
    void aJobMadeOnAIsAnsweredByB() throws Exception {
        String done = create(a, null, form(CHEAP) + "&PHASE=RUN", new ArrayList<>());
        assertEquals("COMPLETED", phaseAfter(b, null, done, List.of("PENDING", "QUEUED", "EXECUTING")));
        HttpResponse<String> result = get(b, null, done + "/results/result");
        assertEquals(200, result.statusCode(), result.body());
        assertTrue(result.body().contains("<INFO name=\"QUERY_STATUS\" value=\"OK\""), result.body());
        assertEquals(3, result.body().split("<TR>", -1).length - 1, result.body());
        assertEquals(result.body(), get(a, null, done + "/results/result").body());
        assertTrue(get(b, null, done).body().contains("<uws:phase>COMPLETED</uws:phase>"));

        String failed = create(a, null, form("SELECT * FROM users") + "&PHASE=RUN", new ArrayList<>());
        assertEquals("ERROR", phaseAfter(b, null, failed, List.of("PENDING", "QUEUED", "EXECUTING")));
        HttpResponse<String> error = get(b, null, failed + "/error");
        assertEquals(200, error.statusCode());
        assertTrue(error.body().contains("QUERY_STATUS\" value=\"ERROR\""), error.body());

        // a signed-in user's job: listed and changed through B, refused to another user on B
        String alices = create(a, "alice", form(CHEAP), new ArrayList<>());
        String id = alices.substring(alices.lastIndexOf('/') + 1);
        assertTrue(get(b, "alice", "/tap/async").body().contains("<uws:jobref id=\"" + id + "\""));
        assertEquals(403, get(b, "bob", alices).statusCode());
        assertEquals(303, post(b, "alice", alices + "/parameters", "MAXREC=1").statusCode());
        assertTrue(get(a, "alice", alices).body().contains("<uws:parameter id=\"maxrec\">1</uws:parameter>"));
        assertEquals(303, post(b, "alice", alices + "/phase", "PHASE=RUN").statusCode()); // B runs it
        assertEquals("COMPLETED", phaseAfter(a, "alice", alices, List.of("PENDING", "QUEUED", "EXECUTING")));
        assertEquals(1, get(a, "alice", alices + "/results/result").body().split("<TR>", -1).length - 1);
    }

    @Test
    void anAbortOrDeleteSentToBStopsTheQueryRunningOnA() throws Exception {
        String job = create(a, null, form(EXPENSIVE) + "&PHASE=RUN", new ArrayList<>());
        assertEquals("EXECUTING", phaseAfter(b, null, job, List.of("PENDING", "QUEUED")));
        assertEquals(303, post(b, null, job + "/phase", "PHASE=ABORT").statusCode());
        assertEquals("ABORTED", get(b, null, job + "/phase").body());
        assertNoQueryRunning(); // A noticed the abort written by B and stopped the SQL
        assertEquals("ABORTED", get(a, null, job + "/phase").body());

        String deleted = create(a, null, form(EXPENSIVE) + "&PHASE=RUN", new ArrayList<>());
        assertEquals("EXECUTING", phaseAfter(b, null, deleted, List.of("PENDING", "QUEUED")));
        assertEquals(303, send(b, null, HttpRequest.newBuilder(URI.create(url(b, deleted))).DELETE()).statusCode());
        assertNoQueryRunning();
        assertEquals(404, get(a, null, deleted).statusCode());
    }

    @Test
    void thePerClientCapCountsTheJobsMadeOnBothServers() throws Exception {
        List<HttpResponse<String>> refused = new ArrayList<>();
        String first = create(a, null, form(CHEAP), refused);
        assertNotNull(first);
        assertNotNull(create(a, null, form(CHEAP), refused));
        assertNotNull(create(b, null, form(CHEAP), refused));
        assertNull(create(b, null, form(CHEAP), refused));
        assertNull(create(a, null, form(CHEAP), refused));
        assertEquals(2, refused.size());
        for (HttpResponse<String> r : refused) {
            assertEquals(429, r.statusCode(), r.body());
            assertTrue(r.body().contains("at most " + MAX_PENDING + " may wait or run at once"), r.body());
        }
        // deleting on B the job made on A makes room on A
        assertEquals(303, send(b, null, HttpRequest.newBuilder(URI.create(url(b, first))).DELETE()).statusCode());
        assertNotNull(create(a, null, form(CHEAP), refused));
    }

    @Test
    void aJobWhoseProcessDiedEndsInErrorInsteadOfExecutingForEver() throws Exception {
        String job = create(a, null, form(CHEAP), new ArrayList<>());
        String id = job.substring(job.lastIndexOf('/') + 1);
        // what a process killed while running the job leaves: EXECUTING, its last heartbeat long ago
        try (Connection c = storeA.connect(); PreparedStatement ps = c.prepareStatement("UPDATE uws_jobs SET phase = 'EXECUTING', "
                + "executor = 'gone-host:1/1', started_at = '2000-01-01T00:00:00.000Z', heartbeat_at = '2000-01-01T00:00:00.000Z' "
                + "WHERE job_id = ?")) {
            ps.setString(1, id);
            assertEquals(1, ps.executeUpdate());
        }
        assertEquals("ERROR", get(b, null, job + "/phase").body());
        HttpResponse<String> error = get(a, null, job + "/error");
        assertTrue(error.body().contains("its server process ended"), error.body());
    }
}
