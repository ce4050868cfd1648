package org.ztfclass.server.learning;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.server.Samples;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.domain.TransientClass;

/**
 * Retraining over the real API on the real sample (BTS catalogue labels): one job at a time,
 * promotion by audit-set macro AUC, every version kept, rollback; the labelling queue; takeover
 * labels and its stop by failed audits; clear rejections of bad input.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetrainingApiTest {

    @TempDir
    static Path tmp;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Database db;
    private static ApiServer server;
    private static final List<String> VERSIONS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        db = TestStores.open(tmp.resolve("learn.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("catalogues")), IngestProgress.SILENT);
        server = new ApiServer(db).start("127.0.0.1", 0);
        org.ztfclass.server.auth.UserStore users = new org.ztfclass.server.auth.UserStore(db);
        org.ztfclass.server.auth.TokenStore tokens = new org.ztfclass.server.auth.TokenStore(db);
        adminToken = tokens.create(users.create("learning-admin", org.ztfclass.server.auth.Role.ADMIN, "a-long-admin-password"), "test").token();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO users (id, name, role, created_at) VALUES (7, 'queue-user', 'labeller', '2026-11-25T00:00:00Z')");
        }
        user7Token = tokens.create(users.byId(7).orElseThrow(), "test").token();
    }

    private static String adminToken;
    private static String user7Token;

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Admin actions go with the admin's API token, a stored queue choice with user 7's; reads are anonymous. */
    private static HttpResponse<String> call(String method, String path) throws Exception {
        String token = method.equals("POST") && path.startsWith("/api/learning/") ? adminToken
                : method.equals("PUT") ? user7Token : null;
        return call(method, path, token);
    }

    private static HttpResponse<String> call(String method, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String method, String path, int status) throws Exception {
        HttpResponse<String> r = call(method, path);
        assertEquals(status, r.statusCode(), method + " " + path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private static long count(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static JsonNode runJob() throws Exception {
        long id = json("POST", "/api/learning/jobs", 202).path("job").asLong();
        JsonNode second = json("POST", "/api/learning/jobs", 409);
        assertTrue(second.path("error").asText().contains("already running"), second.toString());
        long deadline = System.nanoTime() + 600_000_000_000L;
        JsonNode job;
        double progress = 0;
        do {
            Thread.sleep(200);
            job = json("GET", "/api/learning/jobs/" + id, 200);
            assertTrue(job.path("progress").asDouble() >= progress, "progress only grows");
            progress = job.path("progress").asDouble();
        } while (job.path("status").asText().equals("running") && System.nanoTime() < deadline);
        assertEquals("succeeded", job.path("status").asText(), job.toString());
        assertEquals(1.0, job.path("progress").asDouble());
        return job;
    }

    @Test
    @Order(1)
    void retrainsEvaluatesOnTheAuditSetAndPromotesOnlyIfNotWorse() throws Exception {
        long labels = count("SELECT COUNT(*) FROM labels");
        JsonNode first = runJob();
        assertTrue(first.path("promoted").asBoolean(), "no serving version yet: " + first);
        String v1 = first.path("candidate_version").asText();
        VERSIONS.add(v1);
        JsonNode versions = json("GET", "/api/learning/versions", 200).path("versions");
        assertEquals("serving", versions.get(0).path("status").asText());
        assertEquals(v1, versions.get(0).path("version").asText());
        assertNotNull(ModelBundle.load(Path.of(versions.get(0).path("bundle").asText())), "the bundle was saved in place");
        assertEquals(count("SELECT COUNT(*) FROM objects"), count("SELECT COUNT(*) FROM predictions WHERE model_version = '" + v1 + "'"));
        int auditN = versions.get(0).path("audit_n").asInt();
        AuditSet audit = new AuditSet(0.2);
        long expectedAudit = ConsensusObjects.load(db).stream().filter(o -> audit.contains(o.data().objectId())).count();
        assertEquals(expectedAudit, auditN, "evaluated on exactly the audit set");

        JsonNode second = runJob();
        String v2 = second.path("candidate_version").asText();
        VERSIONS.add(v2);
        JsonNode metrics = null;
        for (JsonNode v : json("GET", "/api/learning/versions", 200).path("versions")) {
            if (v.path("version").asText().equals(v2)) {
                metrics = v.path("audit_metrics");
            }
        }
        assertNotNull(metrics);
        boolean notWorse = metrics.path("macro_auc_on_compared").asDouble() >= metrics.path("serving_macro_auc_on_compared").asDouble();
        assertEquals(notWorse, second.path("promoted").asBoolean(), "promoted exactly when not worse: " + metrics);
        assertEquals(json("GET", "/api/learning/versions", 200).path("versions").size(), 2, "every version kept");
        assertTrue(count("SELECT COUNT(*) FROM labels WHERE source <> 'auto'") == labels, "human and catalogue labels untouched");
    }

    @Test
    @Order(2)
    void rollsBackToAVersionThatServedAndRejectsOthers() throws Exception {
        String v1 = VERSIONS.get(0);
        assertEquals(v1, json("POST", "/api/learning/rollback?version=" + v1, 200).path("serving").asText());
        assertEquals(v1, new ModelVersions(db).serving().orElseThrow().version());
        assertEquals(1, count("SELECT COUNT(*) FROM model_versions WHERE status = 'serving'"));
        assertTrue(json("POST", "/api/learning/rollback?version=nope", 404).path("error").asText().contains("no model version"));
        json("POST", "/api/learning/rollback", 400);
        ModelVersions.Version v2 = new ModelVersions(db).find(VERSIONS.get(1)).orElseThrow();
        if (v2.status().equals("candidate")) {
            assertTrue(json("POST", "/api/learning/rollback?version=" + v2.version(), 409).path("error").asText().contains("never promoted"));
        }
    }

    @Test
    @Order(3)
    void theQueueServesTheMostUncertainUnlabelledObjectAndRemembersTheChoice() throws Exception {
        assertEquals("default", json("GET", "/api/queue/strategy?user=7", 200).path("strategy").asText());
        json("PUT", "/api/queue/strategy?user=7&strategy=uncertainty", 200);
        JsonNode next = json("GET", "/api/queue/next?user=7", 200);
        assertEquals("uncertainty", next.path("strategy").asText());
        String serving = new ModelVersions(db).serving().orElseThrow().version();
        String expected = null;
        double best = -1;
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT object_id, p_sn_ia, p_sn_ii, p_other FROM predictions WHERE model_version = '" + serving + "' AND object_id NOT IN "
                        + "(SELECT object_id FROM labels WHERE source <> 'auto') ORDER BY object_id")) {
            while (rs.next()) {
                double h = 0;
                for (int i = 2; i <= 4; i++) {
                    double p = rs.getDouble(i);
                    h -= p > 0 ? p * Math.log(p) : 0;
                }
                if (h > best) {
                    best = h;
                    expected = rs.getString(1);
                }
            }
        }
        if (count("SELECT COUNT(*) FROM audit_requests") == 0) {
            assertEquals(expected, next.path("object_id").asText(), next.toString());
            assertEquals(best, next.path("uncertainty").asDouble(), 1e-9);
        } else {
            assertEquals("audit of an automatic label", next.path("reason").asText());
        }
        assertEquals("margin", json("GET", "/api/queue/next?user=7&strategy=margin", 200).path("strategy").asText());
        assertEquals("uncertainty", json("GET", "/api/queue/strategy?user=7", 200).path("strategy").asText(), "a one-off choice is not stored");
    }

    @Test
    @Order(4)
    void takeoverLabelsAboveTheThresholdAndStopsWhenAuditsFail() throws Exception {
        String version = new ModelVersions(db).serving().orElseThrow().version();
        LearningConfig lenient = new LearningConfig(0.2, 0.5, 5, 0.5, 1.0, 3, 0, 1);
        Takeover takeover = new Takeover(db, lenient);
        Map<TransientClass, ThresholdMetrics> m = new EnumMap<>(TransientClass.class);
        m.put(TransientClass.SN_IA, new ThresholdMetrics(TransientClass.SN_IA, 0.8, 100, 90, 120));
        m.put(TransientClass.SN_II, new ThresholdMetrics(TransientClass.SN_II, 0.8, 100, 40, 50));
        takeover.decide(version, m);
        assertTrue(takeover.state().get(TransientClass.SN_IA).enabled());
        assertFalse(takeover.state().get(TransientClass.SN_II).enabled(), "precision 0.4 < 0.5");
        assertFalse(takeover.state().get(TransientClass.OTHER).enabled(), "no metrics");
        long before = count("SELECT COUNT(*) FROM labels");
        // the promotions above (default settings) may already have labelled some objects automatically
        long autoBefore = count("SELECT COUNT(*) FROM labels l JOIN predictions p ON p.object_id = l.object_id AND p.model_version = l.source_ref "
                + "WHERE l.source = 'auto' AND l.top_class = 'SN_IA' AND p.p_sn_ia >= 0.5 AND l.confidence = p.p_sn_ia AND l.source_ref = '" + version + "'");
        long auditsBefore = count("SELECT COUNT(*) FROM audit_requests");
        Map<TransientClass, Integer> written = takeover.apply(version);
        int n = written.getOrDefault(TransientClass.SN_IA, 0);
        assertTrue(n > 0, "the sample has unlabelled objects the model calls SN Ia with p >= 0.5");
        assertEquals(before + n, count("SELECT COUNT(*) FROM labels"));
        assertEquals(autoBefore + n, count("SELECT COUNT(*) FROM labels l JOIN predictions p ON p.object_id = l.object_id AND p.model_version = l.source_ref "
                + "WHERE l.source = 'auto' AND l.top_class = 'SN_IA' AND p.p_sn_ia >= 0.5 AND l.confidence = p.p_sn_ia AND l.source_ref = '" + version + "'"));
        assertEquals(0, count("SELECT COUNT(*) FROM labels a WHERE a.source = 'auto' AND a.top_class <> 'SN_IA'"));
        assertEquals(0, count("SELECT COUNT(*) FROM labels a WHERE a.source = 'auto' AND EXISTS (SELECT 1 FROM labels h "
                + "WHERE h.object_id = a.object_id AND h.source <> 'auto')"), "never over a human label");
        assertEquals(auditsBefore + n, count("SELECT COUNT(*) FROM audit_requests"), "audit fraction 1: every automatic label audited");
        assertTrue(takeover.apply(version).getOrDefault(TransientClass.SN_IA, 0) == 0, "applying again adds nothing");

        JsonNode next = json("GET", "/api/queue/next?user=8", 200);
        assertEquals("audit of an automatic label", next.path("reason").asText(), "audits come first in the queue");

        // three people disagree with three automatic labels: audited precision 0/3 < 0.5 -> takeover stops by itself
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO users (id, name, role, created_at) VALUES (8, 'auditor', 'labeller', '2026-11-25T00:00:00Z')");
            s.executeUpdate("INSERT INTO labels (object_id, fine_class, top_class, source, user_id, created_at) "
                    + "SELECT object_id, 'SN II', 'SN_II', 'web', 8, '2026-11-25T00:00:00Z' FROM audit_requests ORDER BY label_id LIMIT 3");
        }
        assertEquals(List.of(TransientClass.SN_IA), takeover.recheck(Consensus.of(new LabelLog(db).votes())));
        Takeover.ClassState state = takeover.state().get(TransientClass.SN_IA);
        assertFalse(state.enabled());
        assertTrue(state.reason().contains("confirmed only 0 of 3"), state.reason());
        JsonNode dash = json("GET", "/api/learning/takeover", 200);
        JsonNode ia = dash.path("classes").get(0);
        assertEquals("SN_IA", ia.path("class").asText());
        assertFalse(ia.path("takeover").asBoolean());
        assertTrue(ia.path("reason").asText().contains("stopped"), ia.toString());
        assertEquals(3, ia.path("audit").path("audited").asInt());
        assertEquals(0, ia.path("audit").path("confirmed").asInt());
        assertEquals(count("SELECT COUNT(*) FROM labels WHERE source = 'auto' AND top_class = 'SN_IA'"), ia.path("auto_labels").asInt());
        assertEquals("SN_II", json("GET", "/api/learning/takeover/SN_II", 200).path("class").asText());
    }

    @Test
    @Order(5)
    void badInputIsRejectedWithAClearMessage() throws Exception {
        assertTrue(json("GET", "/api/queue/next", 400).path("error").asText().contains("user"));
        assertTrue(json("GET", "/api/queue/next?user=1&strategy=smart", 400).path("error").asText().contains("default, random, uncertainty, margin"));
        assertTrue(json("PUT", "/api/queue/strategy?strategy=smart", 400).path("error").asText().contains("default, random, uncertainty, margin"));
        assertEquals(401, call("PUT", "/api/queue/strategy?user=7&strategy=random", null).statusCode(), "storing a choice needs a signed-in user");
        assertEquals(401, call("POST", "/api/learning/jobs", null).statusCode(), "retraining is for admins");
        assertEquals(403, call("POST", "/api/learning/rollback?version=x", user7Token).statusCode(), "a labeller may not roll back");
        assertTrue(json("GET", "/api/learning/takeover/SN_IB", 400).path("error").asText().contains("unknown class 'SN_IB'"));
        assertTrue(json("GET", "/api/learning/consensus/ZTF00nothing", 404).path("error").asText().contains("ZTF00nothing"));
        json("GET", "/api/learning/jobs/abc", 400);
        json("GET", "/api/learning/jobs/99999", 404);
        JsonNode consensus = json("GET", "/api/learning/consensus/ZTF18aaqkcso", 200);
        assertNotNull(consensus.path("labellers"));
        JsonNode agreement = json("GET", "/api/learning/agreement", 200);
        assertTrue(agreement.path("objects_with_two_or_more_labellers").asInt() >= 0);
    }

    @Test
    @Order(6)
    void startsByItselfEveryNNewHumanLabels() throws Exception {
        JobLog jobs = new JobLog(db);
        long before = jobs.recent(1).get(0).id();
        int pending = (int) new LabelLog(db).humanLabelsAfter(jobs.lastWatermark());
        try (Retraining r = new Retraining(db, tmp.resolve("auto-models"), ModelTrainer.DEFAULT,
                LearningConfig.defaults().withRetrainEvery(pending + 1))) {
            r.poll();
            r.awaitIdle(1, java.util.concurrent.TimeUnit.MINUTES);
            assertEquals(before, jobs.recent(1).get(0).id(), pending + " new human labels since the last job < N: no job");
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO users (id, name, role, created_at) VALUES (9, 'labeller9', 'labeller', '2026-11-25T00:00:00Z') ON CONFLICT DO NOTHING");
                s.executeUpdate("INSERT INTO labels (object_id, fine_class, top_class, source, user_id, created_at) "
                        + "SELECT object_id, 'SN Ia', 'SN_IA', 'web', 9, '2026-11-25T00:00:01Z' FROM objects ORDER BY object_id LIMIT 1");
            }
            r.poll();
            r.awaitIdle(10, java.util.concurrent.TimeUnit.MINUTES);
            JobLog.Job auto = jobs.recent(1).get(0);
            assertEquals("auto", auto.trigger());
            assertEquals("succeeded", auto.status(), auto.message());
            r.poll();
            r.awaitIdle(1, java.util.concurrent.TimeUnit.MINUTES);
            assertEquals(auto.id(), jobs.recent(1).get(0).id(), "no new labels since: no new job");
        }
    }
}
