package org.ztfclass.server.api;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.TokenStore;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;

/**
 * Issue 13, finding 4, replayed against a running server: a flood of pending UWS jobs is refused
 * past the per-client cap (429) and past the cap on all jobs held (503), the oldest finished job
 * making room first; a 1 MiB body is refused with 413 (with a Content-Length, chunked, and grown
 * through parameter POSTs); another user, or an anonymous caller, cannot see, abort, change or
 * delete a signed-in user's job (403, the job stays); job ids are 32 random hex digits and the job
 * list shows a caller only their own jobs. The caps are lowered for the test through the system
 * properties {@code ztfclass.tap.maxJobs} (8) and {@code ztfclass.tap.maxPendingJobsPerClient} (3).
 */
class UwsAbuseAttackTest {

    @TempDir
    static Path tmp;

    private static ApiServer server;
    private static final Map<String, String> TOKENS = new java.util.HashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String QUERY = "REQUEST=doQuery&LANG=ADQL&QUERY="
            + URLEncoder.encode("SELECT TOP 2 object_id FROM ztf.objects", StandardCharsets.UTF_8);
    private static final int MAX_JOBS = 8;
    private static final int MAX_PENDING = 3;
    private static final Pattern JOB_REF = Pattern.compile("<uws:jobref id=\"([^\"]+)\"");
    /** Jobs made by a test, as user (null: anonymous) → job path, deleted after each test. */
    private final List<String[]> made = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Database db = TestStores.open(tmp.resolve("uws.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("alerts")), IngestProgress.SILENT);
        UserStore users = new UserStore(db);
        TokenStore tokens = new TokenStore(db);
        for (String name : List.of("alice", "bob", "carol")) {
            TOKENS.put(name, tokens.create(users.create(name, Role.VIEWER, name + "-password-1"), "tap").token());
        }
        System.setProperty("ztfclass.tap.maxJobs", Integer.toString(MAX_JOBS));
        System.setProperty("ztfclass.tap.maxPendingJobsPerClient", Integer.toString(MAX_PENDING));
        try {
            server = new ApiServer(db).start("127.0.0.1", 0);
        } finally {
            System.clearProperty("ztfclass.tap.maxJobs");
            System.clearProperty("ztfclass.tap.maxPendingJobsPerClient");
        }
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @AfterEach
    void deleteJobsMade() throws Exception {
        for (String[] m : made) {
            send(m[0], HttpRequest.newBuilder(URI.create(url(m[1]))).DELETE());
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static HttpResponse<String> send(String user, HttpRequest.Builder b) throws Exception {
        if (user != null) {
            b.header("Authorization", "Bearer " + TOKENS.get(user));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String user, String path, String form) throws Exception {
        return send(user, HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static HttpResponse<String> get(String user, String path) throws Exception {
        return send(user, HttpRequest.newBuilder(URI.create(url(path))));
    }

    /** Creates a pending job as {@code user} (null: anonymously); @return its path, or null if refused (the answer in {@code refusals}). */
    private String create(String user, List<HttpResponse<String>> refusals) throws Exception {
        HttpResponse<String> r = post(user, "/tap/async", QUERY);
        if (r.statusCode() == 303) {
            String path = URI.create(r.headers().firstValue("Location").orElseThrow()).getPath();
            made.add(new String[] {user, path});
            return path;
        }
        refusals.add(r);
        return null;
    }

    private static void assertRefused(HttpResponse<String> r, int status, String says) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.body().contains("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">"), r.body());
        assertTrue(r.body().contains(says), "says '" + says + "': " + r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
    }

    @Test
    void aFloodOfAnonymousPendingJobsIsCappedPerClient() throws Exception {
        List<HttpResponse<String>> refused = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String job = create(null, refused);
            if (job != null) {
                held.add(job);
            }
        }
        assertEquals(MAX_PENDING, held.size(), "jobs accepted from one anonymous client");
        assertEquals(40 - MAX_PENDING, refused.size());
        for (HttpResponse<String> r : refused) {
            assertRefused(r, 429, "at most " + MAX_PENDING + " may wait or run at once");
        }
        for (String job : held) {
            assertEquals(200, get(null, job).statusCode(), "the accepted jobs are still there");
        }
        // deleting one makes room for one
        assertEquals(303, send(null, HttpRequest.newBuilder(URI.create(url(held.get(0)))).DELETE()).statusCode());
        assertTrue(create(null, refused) != null);
    }

    @Test
    void allJobsHeldAreCappedAndFinishedOnesMakeRoomFirst() throws Exception {
        List<HttpResponse<String>> refused = new ArrayList<>();
        List<String> alices = new ArrayList<>();
        for (String user : new String[] {null, "alice", "bob"}) {
            for (int i = 0; i < MAX_PENDING; i++) {
                String job = create(user, refused);
                if ("alice".equals(user)) {
                    alices.add(job);
                }
            }
        }
        // anonymous 3 + alice 3 + bob 2 = 8 held; bob's third and every job of carol are refused
        assertEquals(1, refused.size());
        assertRefused(refused.get(0), 503, "holds its maximum of " + MAX_JOBS + " jobs");
        for (int i = 0; i < 5; i++) {
            assertEquals(null, create("carol", refused));
        }
        for (HttpResponse<String> r : refused) {
            assertRefused(r, 503, "holds its maximum of " + MAX_JOBS + " jobs");
        }
        // a finished job is dropped to make room for a new one
        String first = alices.get(0);
        assertEquals(303, post("alice", first + "/phase", "PHASE=RUN").statusCode());
        String phase = "";
        for (int i = 0; i < 600 && !phase.equals("COMPLETED"); i++) {
            phase = get("alice", first + "/phase").body();
            Thread.sleep(100);
        }
        assertEquals("COMPLETED", phase);
        assertTrue(create("carol", refused) != null, "room made by dropping the finished job");
        assertEquals(404, get("alice", first).statusCode(), "the oldest finished job went");
        assertEquals(200, get("alice", alices.get(1)).statusCode(), "the pending ones stay");
        assertEquals(null, create("carol", refused));
    }

    @Test
    void aBigBodyIsRefusedWith413() throws Exception {
        String big = "REQUEST=doQuery&LANG=ADQL&QUERY=" + URLEncoder.encode("SELECT object_id FROM ztf.objects WHERE object_id = '"
                + "x".repeat(1 << 20) + "'", StandardCharsets.UTF_8);
        assertRefused(post(null, "/tap/async", big), 413, "at most 65536 bytes");
        assertRefused(post(null, "/tap/sync", big), 413, "at most 65536 bytes");
        assertRefused(post("alice", "/tap/async", big), 413, "at most 65536 bytes");
        // no Content-Length: a chunked body is read only up to the limit
        HttpResponse<String> chunked = send(null, HttpRequest.newBuilder(URI.create(url("/tap/async")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.US_ASCII)))));
        assertRefused(chunked, 413, "at most 65536 bytes");
        // a small chunked form still works
        HttpResponse<String> small = send(null, HttpRequest.newBuilder(URI.create(url("/tap/sync")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(QUERY.getBytes(StandardCharsets.US_ASCII)))));
        assertEquals(200, small.statusCode(), small.body());
        // nor can a job's parameters grow past the limit in several posts
        String job = create(null, new ArrayList<>());
        assertRefused(post(null, job, big), 413, "at most 65536 bytes");
        assertEquals(303, post(null, job + "/parameters", "extra1=" + "y".repeat(40_000)).statusCode());
        assertRefused(post(null, job + "/parameters", "extra2=" + "y".repeat(40_000)), 413, "at most 65536");
        assertFalse(get(null, job).body().contains("extra2"));
    }

    @Test
    void nobodyButItsOwnerCanTouchASignedInUsersJob() throws Exception {
        String job = create("alice", new ArrayList<>());
        for (String other : new String[] {"bob", null}) {
            assertRefused(send(other, HttpRequest.newBuilder(URI.create(url(job))).DELETE()), 403, "belongs to another user");
            assertRefused(post(other, job, "ACTION=DELETE"), 403, "belongs to another user");
            assertRefused(post(other, job, "PHASE=ABORT"), 403, "belongs to another user");
            assertRefused(post(other, job + "/phase", "PHASE=ABORT"), 403, "belongs to another user");
            assertRefused(post(other, job + "/phase", "PHASE=RUN"), 403, "belongs to another user");
            assertRefused(post(other, job + "/parameters", "QUERY=SELECT+1"), 403, "belongs to another user");
            assertRefused(get(other, job), 403, "belongs to another user");
            assertRefused(get(other, job + "/parameters"), 403, "belongs to another user");
        }
        HttpResponse<String> own = get("alice", job);
        assertEquals(200, own.statusCode());
        assertTrue(own.body().contains("<uws:phase>PENDING</uws:phase>"), own.body());
        assertTrue(own.body().contains("<uws:ownerId>alice</uws:ownerId>"), own.body());
        assertTrue(own.body().contains("SELECT TOP 2 object_id"), own.body());
        assertEquals(303, send("alice", HttpRequest.newBuilder(URI.create(url(job))).DELETE()).statusCode());
        assertEquals(404, get("alice", job).statusCode());
    }

    @Test
    void jobIdsAreUnguessableAndTheListShowsOnlyTheCallersJobs() throws Exception {
        String anonymous = create(null, new ArrayList<>());
        String alices = create("alice", new ArrayList<>());
        String bobs = create("bob", new ArrayList<>());
        for (String job : new String[] {anonymous, alices, bobs}) {
            assertTrue(job.matches("/tap/async/[0-9a-f]{32}"), job);
        }
        assertEquals(List.of(), jobIds(null), "an anonymous caller is listed no job");
        assertEquals(List.of(id(alices)), jobIds("alice"));
        assertEquals(List.of(id(bobs)), jobIds("bob"));
        assertEquals(List.of(), jobIds("carol"));
        // an anonymous job is reached by its id alone
        assertEquals(200, get("bob", anonymous).statusCode());
    }

    private static String id(String job) {
        return job.substring(job.lastIndexOf('/') + 1);
    }

    private static List<String> jobIds(String user) throws Exception {
        HttpResponse<String> r = get(user, "/tap/async");
        assertEquals(200, r.statusCode());
        List<String> ids = new ArrayList<>();
        Matcher m = JOB_REF.matcher(r.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
