package org.ztfclass.server.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.PostgresCluster;
import org.ztfclass.server.Samples;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.TokenStore;
import org.ztfclass.server.auth.User;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;

/**
 * kill -9 during a labelling burst (issue 14): several clients post label batches over HTTP to a
 * real {@code ztfclass serve} child process, each batch under its own {@code Idempotency-Key} and
 * resent under the same key until it is acknowledged (HTTP 200 with its {@code accepted} count).
 * (a) The server is killed with SIGKILL mid-burst, on SQLite and on PostgreSQL, and started again;
 * (b) on PostgreSQL, the database server is killed with SIGKILL mid-burst while ztfclass keeps
 * running, and started again on the same data folder. Every label acknowledged before the kill is
 * in the store right after it; once the clients have had every batch acknowledged, the store holds
 * exactly the acknowledged labels, each once (each label's comment names its batch and position).
 */
class KilledLabellingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 6;

    @TempDir
    Path tmp;

    @Test
    void killedServerOnSqliteLosesAndDoublesNoAcknowledgedLabel() throws Exception {
        killServerMidBurst(tmp.resolve("killed-labelling.db").toString());
    }

    @Test
    void killedServerOnPostgresLosesAndDoublesNoAcknowledgedLabel() throws Exception {
        assumeTrue(PostgresCluster.available(), "PostgreSQL is not installed");
        killServerMidBurst(PostgresCluster.shared().createDatabase("killed_labelling"));
    }

    @Test
    void killedPostgresLosesAndDoublesNoAcknowledgedLabel() throws Exception {
        assumeTrue(PostgresCluster.available(), "PostgreSQL is not installed");
        PostgresCluster cluster = PostgresCluster.start();
        try {
            String db = cluster.createDatabase("killed_postgres");
            List<String> tokens = prepare(db);
            int port = freePort();
            Process server = serve(db, port, "serve.log");
            Burst burst = new Burst("http://127.0.0.1:" + port, tokens, objects(db));
            try {
                burst.start();
                await(() -> burst.acknowledgedBatches() >= 40, "40 batches acknowledged before the kill", server);
                cluster.kill();
                Set<String> before = burst.acknowledged();
                Thread.sleep(1500); // PostgreSQL stays down: in-flight and new posts fail or wait for a connection
                cluster.restart();
                assertStoredOnce(db, before, false);
                await(() -> burst.acknowledged().size() >= before.size() + 120, "the burst goes on after PostgreSQL is back", server);
                burst.finish();
            } finally {
                burst.stopNow();
                server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            assertTrue(burst.errors.get() > 0, "the clients saw errors while PostgreSQL was down");
            assertStoredOnce(db, burst.acknowledged(), true);
        } finally {
            cluster.stop();
        }
    }

    private void killServerMidBurst(String db) throws Exception {
        List<String> tokens = prepare(db);
        int port = freePort();
        Process server = serve(db, port, "serve-1.log");
        Burst burst = new Burst("http://127.0.0.1:" + port, tokens, objects(db));
        try {
            burst.start();
            await(() -> burst.acknowledgedBatches() >= 40, "40 batches acknowledged before the kill", server);
            server.destroyForcibly(); // SIGKILL
            assertTrue(server.waitFor(30, TimeUnit.SECONDS));
            Set<String> before = burst.acknowledged();
            assertStoredOnce(db, before, false);
            Thread.sleep(500);
            server = serve(db, port, "serve-2.log");
            Process restarted = server;
            await(() -> burst.acknowledged().size() >= before.size() + 120, "the burst goes on after the restart", restarted);
            burst.finish();
        } finally {
            burst.stopNow();
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(burst.errors.get() > 0, "the clients saw errors while the server was down");
        assertStoredOnce(db, burst.acknowledged(), true);
    }

    /** The sample's catalogues and one labeller with a token per client. @return the tokens */
    private static List<String> prepare(String location) throws Exception {
        try (Database db = Database.open(location)) {
            new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("catalogues")), IngestProgress.SILENT);
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                User u = new UserStore(db).create("burst-" + i, Role.LABELLER, "burst-password-" + i);
                tokens.add(new TokenStore(db).create(u, "burst").token());
            }
            return tokens;
        }
    }

    private static List<String> objects(String location) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Database db = Database.open(location); Connection c = db.connect(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT object_id FROM objects ORDER BY object_id")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /**
     * Checks the store against the acknowledged labels: each is there exactly once; with
     * {@code exactly}, nothing else of the clients' is there either.
     */
    private static void assertStoredOnce(String location, Set<String> acknowledged, boolean exactly) throws Exception {
        Map<String, Integer> stored = new HashMap<>();
        try (Database db = Database.open(location); Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT l.comment FROM labels l JOIN users u ON u.id = l.user_id WHERE u.name LIKE 'burst-%'")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.merge(rs.getString(1), 1, Integer::sum);
                }
            }
        }
        List<String> lost = acknowledged.stream().filter(k -> !stored.containsKey(k)).limit(5).toList();
        assertTrue(lost.isEmpty(), "acknowledged labels missing from the store (" + acknowledged.size() + " acknowledged, "
                + stored.size() + " stored), e.g. " + lost);
        List<String> doubled = stored.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).limit(5).toList();
        assertTrue(doubled.isEmpty(), "labels stored more than once, e.g. " + doubled);
        if (exactly) {
            assertEquals(acknowledged, stored.keySet(), "every batch was acknowledged in the end: the store holds exactly those labels");
        }
    }

    /** Clients posting batches, each resent under its key until acknowledged. */
    private static final class Burst {
        private final String base;
        private final List<String> tokens;
        private final List<String> objects;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        private final AtomicInteger batches = new AtomicInteger();
        private final AtomicInteger errors = new AtomicInteger();
        /** No new batches once set; a batch not yet acknowledged is still resent. */
        private final AtomicBoolean finishing = new AtomicBoolean();
        /** Stop at once (the test failed or ended). */
        private final AtomicBoolean abandon = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();
        private final List<Throwable> failures = new ArrayList<>();

        Burst(String base, List<String> tokens, List<String> objects) {
            this.base = base;
            this.tokens = tokens;
            this.objects = objects;
        }

        void start() {
            for (int i = 0; i < tokens.size(); i++) {
                int client = i;
                Thread t = new Thread(() -> {
                    try {
                        post(client);
                    } catch (Throwable e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                }, "burst-" + i);
                threads.add(t);
                t.start();
            }
        }

        int acknowledgedBatches() {
            return batches.get();
        }

        Set<String> acknowledged() {
            return new HashSet<>(acknowledged);
        }

        /** Stops making batches, waits until every batch made was acknowledged (at most 2 minutes). */
        void finish() throws Exception {
            finishing.set(true);
            for (Thread t : threads) {
                t.join(TimeUnit.MINUTES.toMillis(2));
                assertTrue(!t.isAlive(), t.getName() + " still has an unacknowledged batch after 2 minutes");
            }
            synchronized (failures) {
                if (!failures.isEmpty()) {
                    throw new AssertionError("a client failed", failures.get(0));
                }
            }
        }

        void stopNow() throws InterruptedException {
            abandon.set(true);
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(90));
            }
        }

        private void post(int client) throws Exception {
            String token = tokens.get(client);
            int next = client * 97;
            String[] classes = {"SN_IA", "SN_II", "OTHER", "TDE", "AGN"};
            while (!finishing.get() && !abandon.get()) {
                String key = UUID.randomUUID().toString();
                ObjectNode body = JSON.createObjectNode().put("source", "web");
                ArrayNode labels = body.putArray("labels");
                List<String> comments = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    // walks the objects in order: the same object comes back to this user only after hundreds of batches
                    String comment = "burst " + key + " #" + i;
                    comments.add(comment);
                    labels.addObject().put("objectId", objects.get(next++ % objects.size())).put("class", classes[(next / 7) % classes.length])
                            .put("comment", comment);
                }
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/labels")).timeout(Duration.ofSeconds(90))
                        .header("Authorization", "Bearer " + token).header("Idempotency-Key", key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
                while (!abandon.get()) {
                    HttpResponse<String> answer;
                    try {
                        answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        Thread.sleep(100);
                        continue;
                    }
                    if (answer.statusCode() != 200) {
                        assertTrue(answer.statusCode() >= 500, "only server errors are expected: " + answer.statusCode() + " " + answer.body());
                        errors.incrementAndGet();
                        Thread.sleep(100);
                        continue;
                    }
                    JsonNode a = JSON.readTree(answer.body());
                    assertEquals(comments.size(), a.path("accepted").asInt(), "every label of the batch accepted: " + answer.body());
                    acknowledged.addAll(comments);
                    batches.incrementAndGet();
                    break;
                }
                Thread.sleep(10);
            }
        }
    }

    private static void await(BooleanSupplier condition, String what, Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting: " + what);
            assertTrue(server.isAlive(), "the server exited while waiting: " + what);
            Thread.sleep(20);
        }
    }

    /** Starts {@code ztfclass serve} in a child JVM and returns once it answers. */
    private Process serve(String db, int port, String log) throws Exception {
        Path logFile = tmp.resolve(log);
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.ztfclass.server.cli.Main", "serve", "--db", db, "--port", Integer.toString(port)))
                .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            assertTrue(p.isAlive(), "serve exited: " + Files.readString(logFile));
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/css/ztfclass.css")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return p;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new AssertionError("serve did not answer within 3 minutes: " + Files.readString(logFile));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
