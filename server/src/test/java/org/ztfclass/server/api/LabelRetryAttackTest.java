package org.ztfclass.server.api;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.TokenStore;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.labels.LabelService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;

/**
 * Issue 13, finding 8, replayed against a running server: a client that retries
 * {@code POST /api/labels} after a crash (later than the 5 s duplicate window) stored its labels
 * twice. With an {@code Idempotency-Key} the retry stores nothing and gets the first answer back;
 * the key with another batch is refused; concurrent retries store the batch once.
 */
class LabelRetryAttackTest {

    @TempDir
    static Path tmp;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ApiServer server;
    private static Database db;
    private static List<String> objects;

    @BeforeAll
    static void start() throws Exception {
        db = TestStores.open(tmp.resolve("retry.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("alerts")), IngestProgress.SILENT);
        objects = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT object_id FROM objects ORDER BY object_id LIMIT 3")) {
            while (rs.next()) {
                objects.add(rs.getString(1));
            }
        }
        assertEquals(3, objects.size(), "the sample alerts hold at least three objects");
        server = new ApiServer(db).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** @return the API token of a new labeller (each test labels as its own people, clear of the others' duplicate window) */
    private static String newLabeller() throws Exception {
        String name = "labeller-" + UUID.randomUUID().toString().substring(0, 8);
        return new TokenStore(db).create(new UserStore(db).create(name, Role.LABELLER, name + "-password"), "bridge").token();
    }

    private static String batch(String comment) {
        return "{\"source\":\"samp\",\"labels\":[{\"objectId\":\"" + objects.get(0) + "\",\"class\":\"SN Ia\",\"comment\":\"" + comment
                + "\"},{\"objectId\":\"" + objects.get(1) + "\",\"class\":\"SN II\",\"comment\":\"" + comment + "\"},"
                + "{\"objectId\":\"ZTF00nosuchob\",\"class\":\"SN II\"},{\"objectId\":\"" + objects.get(2) + "\",\"confidence\":\"high\"}]}";
    }

    private static HttpResponse<String> post(String token, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/labels"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long labelsWithComment(String comment) throws Exception {
        try (Connection c = db.connect(); var ps = c.prepareStatement("SELECT COUNT(*) FROM labels WHERE comment = ?")) {
            ps.setString(1, comment);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aRetryAfterTheDuplicateWindowStoresNothingAndAnswersAsTheFirstTime() throws Exception {
        String tokenA = newLabeller();
        String key = UUID.randomUUID().toString();
        String comment = "retry-" + key;
        HttpResponse<String> first = post(tokenA, key, batch(comment));
        assertEquals(200, first.statusCode(), first.body());
        JsonNode a = JSON.readTree(first.body());
        assertEquals(2, a.get("accepted").asInt());
        assertEquals(2, a.get("rejected").size(), "the unknown object and the unreadable confidence: " + first.body());
        assertFalse(a.get("replayed").asBoolean());
        assertEquals(2, labelsWithComment(comment));

        // the client crashed before reading the answer and retries once it is back, later than the duplicate window
        Thread.sleep(LabelService.DEDUPLICATION_WINDOW.toMillis() + 1500);
        HttpResponse<String> retry = post(tokenA, key, batch(comment));
        assertEquals(200, retry.statusCode(), retry.body());
        JsonNode b = JSON.readTree(retry.body());
        assertTrue(b.get("replayed").asBoolean(), retry.body());
        assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(a.get("accepted"), b.get("accepted"), "the first answer again");
        assertEquals(a.get("rejected"), b.get("rejected"), "the first answer again");
        assertEquals(2, labelsWithComment(comment), "the retry stored nothing");

        // without a key, the same late retry is a new batch (the behaviour the key exists for)
        HttpResponse<String> unkeyed = post(tokenA, null, batch(comment));
        assertEquals(2, JSON.readTree(unkeyed.body()).get("accepted").asInt(), unkeyed.body());
        assertFalse(JSON.readTree(unkeyed.body()).has("replayed"), "no key, no replay field");
        assertEquals(4, labelsWithComment(comment));
    }

    @Test
    void theKeyWithAnotherBatchIsRefusedAndStoresNothing() throws Exception {
        String tokenA = newLabeller();
        String key = UUID.randomUUID().toString();
        assertEquals(200, post(tokenA, key, batch("first-" + key)).statusCode());
        HttpResponse<String> other = post(tokenA, key, batch("second-" + key));
        assertEquals(422, other.statusCode(), other.body());
        assertTrue(other.body().contains("different batch"), other.body());
        assertEquals(0, labelsWithComment("second-" + key));
    }

    @Test
    void keysBelongToTheirUser() throws Exception {
        String tokenA = newLabeller();
        String tokenB = newLabeller();
        String key = UUID.randomUUID().toString();
        String comment = "shared-key-" + key;
        assertEquals(200, post(tokenA, key, batch(comment)).statusCode());
        HttpResponse<String> b = post(tokenB, key, batch(comment));
        assertEquals(200, b.statusCode(), b.body());
        assertFalse(JSON.readTree(b.body()).get("replayed").asBoolean(), "another user's key is not this user's batch");
        assertEquals(4, labelsWithComment(comment));
    }

    @Test
    void concurrentRetriesStoreTheBatchOnce() throws Exception {
        String tokenA = newLabeller();
        String key = UUID.randomUUID().toString();
        String comment = "burst-" + key;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> post(tokenA, key, batch(comment))));
            }
            int replayed = 0;
            for (Future<HttpResponse<String>> f : answers) {
                HttpResponse<String> r = f.get();
                assertEquals(200, r.statusCode(), r.body());
                JsonNode n = JSON.readTree(r.body());
                assertEquals(2, n.get("accepted").asInt(), "every copy gets the answer of the one batch stored: " + r.body());
                replayed += n.get("replayed").asBoolean() ? 1 : 0;
            }
            assertEquals(7, replayed, "one stored, seven replayed");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, labelsWithComment(comment));
    }

    @Test
    void anUnusableKeyIsABadRequest() throws Exception {
        String tokenA = newLabeller();
        assertEquals(400, post(tokenA, "x".repeat(129), batch("long-key")).statusCode());
        HttpResponse<String> r = post(tokenA, "tab\there", batch("tab-key"));
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("printable ASCII"), r.body());
        assertEquals(0, labelsWithComment("long-key") + labelsWithComment("tab-key"));
    }
}
