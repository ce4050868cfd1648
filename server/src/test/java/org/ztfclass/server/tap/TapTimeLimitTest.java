package org.ztfclass.server.tap;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.server.store.SyntheticObjects;

/**
 * Issue 13, finding 3 (the time limit), replayed against a running server whose limit is set to
 * 1 s ({@code ztfclass.tap.timeoutSeconds}): a query inside the size limits that costs many
 * seconds (250 DISTANCE tests on each of 100,000 objects) is stopped, sync with 400 and a
 * {@code QUERY_STATUS=ERROR} VOTable naming the limit, async as an ERROR job saying the same; the
 * SQL really stops (no thread is left in the query), and the server goes on answering.
 */
class TapTimeLimitTest {

    @TempDir
    static Path tmp;

    private static Database db;
    private static ApiServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String EXPENSIVE = expensiveQuery();
    private static final String CHEAP = "SELECT TOP 3 object_id FROM ztf.objects";

    @BeforeAll
    static void start() throws Exception {
        db = TestStores.open(tmp.resolve("timelimit.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("alerts")), IngestProgress.SILENT);
        new SyntheticObjects(db).generate(100_000, 13, n -> { });
        String before = System.getProperty(TapLimits.TIMEOUT_PROPERTY);
        System.setProperty(TapLimits.TIMEOUT_PROPERTY, "1");
        try {
            server = new ApiServer(db).start("127.0.0.1", 0);
        } finally {
            if (before == null) {
                System.clearProperty(TapLimits.TIMEOUT_PROPERTY);
            } else {
                System.setProperty(TapLimits.TIMEOUT_PROPERTY, before);
            }
        }
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** 250 great-circle distances a row, none ever below 0: every row costs them all. */
    private static String expensiveQuery() {
        StringBuilder q = new StringBuilder("SELECT TOP 1 object_id FROM ztf.objects WHERE ");
        for (int i = 0; i < 250; i++) {
            q.append(i == 0 ? "" : " OR ").append("DISTANCE(POINT('ICRS', ra, dec), POINT('ICRS', ").append(i).append(".5, 1.5)) < 0");
        }
        return q.toString();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static HttpResponse<String> post(String path, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String query(String adql) {
        return "REQUEST=doQuery&LANG=ADQL&QUERY=" + URLEncoder.encode(adql, StandardCharsets.UTF_8);
    }

    /** Fails unless, within 10 s, no thread is running a TAP query any more. */
    private static void assertNoQueryRunning() throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        String running = "";
        while (System.nanoTime() < until) {
            running = "";
            for (var e : Thread.getAllStackTraces().entrySet()) {
                for (StackTraceElement f : e.getValue()) {
                    if (f.getClassName().equals(TapQueryRunner.class.getName()) && f.getMethodName().equals("run")) {
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

    private static void assertServerAnswers() throws Exception {
        assertEquals(200, get("/api/status").statusCode());
        HttpResponse<String> r = post("/tap/sync", query(CHEAP));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("<INFO name=\"QUERY_STATUS\" value=\"OK\""), r.body());
    }

    @Test
    void aSyncQueryIsStoppedAtTheLimitWith400() throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = post("/tap/sync", query(EXPENSIVE));
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">"), r.body());
        assertTrue(r.body().contains("ran longer than the time limit of 1 s and was stopped"), r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("SQLITE"), r.body());
        assertTrue(seconds < 60, "answered after " + seconds + " s");
        assertNoQueryRunning();
        assertServerAnswers();
    }

    @Test
    void anAsyncJobGoesToErrorAtTheLimit() throws Exception {
        HttpResponse<String> created = post("/tap/async", query(EXPENSIVE) + "&PHASE=RUN");
        assertEquals(303, created.statusCode(), created.body());
        String job = URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
        String phase = "";
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until) {
            phase = get(job + "/phase").body();
            if (!List.of("PENDING", "QUEUED", "EXECUTING").contains(phase)) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals("ERROR", phase);
        HttpResponse<String> error = get(job + "/error");
        assertTrue(error.body().contains("ran longer than the time limit of 1 s and was stopped"), error.body());
        assertTrue(get(job).body().contains("<uws:executionDuration>1</uws:executionDuration>"));
        assertNoQueryRunning();
        assertServerAnswers();
    }

    @Test
    void anInterruptStopsTheSqlAtOnce() throws Exception {
        TapQueryRunner runner = new TapQueryRunner(db, 600); // an aborted job interrupts its thread
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                outcome.set(runner.run(EXPENSIVE, 1));
            } catch (Exception e) {
                outcome.set(e);
            }
        });
        t.start();
        Thread.sleep(300);
        t.interrupt();
        t.join(60_000);
        assertFalse(t.isAlive(), "the query went on after the interrupt");
        assertTrue(outcome.get() instanceof AdqlException e && e.getMessage().contains("aborted"), String.valueOf(outcome.get()));
    }

    @Test
    void theLimitIsAnnounced() throws Exception {
        assertTrue(get("/tap/capabilities").body().contains("<executionDuration><default>1</default><hard>1</hard>"));
    }
}
