package org.ztfclass.server.api;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.StarTableColumns;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.learning.ModelVersions;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.server.store.PredictionStore;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.domain.Prediction;
import org.ztfclass.votables.domain.ZtfObject;
import org.ztfclass.votables.table.VotableReader;
import uk.ac.starlink.table.StarTable;

/**
 * Which model version's prediction an object shows: the store's current one (the serving version),
 * not the newest. Two versions score the same object differently; after a rollback to the older
 * one, the object JSON, the object list, the match answer SAMP and TOPCAT use, the overlay, the
 * cone search and the object page all show the older (serving) version's prediction, and the newer
 * one only as history. Real server, real SQLite store.
 */
class ObjectHandlersTest {

    private static final String OBJECT = "ZTF20aaelulu"; // in the sample alert packets
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    private Database db;
    private ApiServer server;
    private String other; // a second object, scored by every version

    @BeforeEach
    void start() throws Exception {
        db = TestStores.open(tmp.resolve("versions.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("alerts")), IngestProgress.SILENT);
        other = new PredictionStore(db).objectIds().stream().filter(id -> !id.equals(OBJECT)).findFirst().orElseThrow();
        server = new ApiServer(db).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** v1 (older) says SN Ia 0.7; v2 (newer) says SN II 0.8. */
    private void scoreWithTwoVersions() throws Exception {
        PredictionStore store = new PredictionStore(db);
        store.write("v1", null, null, List.of(new Prediction(OBJECT, "v1", 0.7, 0.2, 0.1), new Prediction(other, "v1", 0.3, 0.3, 0.4)));
        Thread.sleep(5); // v2 is created later than v1
        store.write("v2", null, null, List.of(new Prediction(OBJECT, "v2", 0.1, 0.8, 0.1), new Prediction(other, "v2", 0.5, 0.25, 0.25)));
        new ModelVersions(db).serve("v2");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode object() throws Exception {
        HttpResponse<String> r = get("/api/objects/" + OBJECT);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    /** Checks every place that shows "the" prediction of {@link #OBJECT} says {@code version}'s. */
    private void everyAnswerShows(String version, String otherVersion, double pSnIa, double pSnII, String predicted) throws Exception {
        JsonNode o = object();
        assertEquals(version, o.get("current_model_version").asText(), "current_model_version");
        assertEquals(version, o.get("model_version").asText(), "the object's prediction is the current version's");
        assertEquals(pSnIa, o.get("p_SN_IA").asDouble(), 1e-12);
        assertEquals(predicted, o.get("predicted_class").asText());
        JsonNode ps = o.get("predictions");
        assertEquals(2, ps.size(), ps.toString());
        assertEquals(version, ps.get(0).get("model_version").asText(), "current version's prediction first: " + ps);
        assertTrue(ps.get(0).get("current").asBoolean(), ps.toString());
        assertEquals("serving", ps.get(0).get("status").asText());
        assertEquals(pSnII, ps.get(0).get("p_SN_II").asDouble(), 1e-12);
        assertEquals(otherVersion, ps.get(1).get("model_version").asText());
        assertFalse(ps.get(1).get("current").asBoolean(), ps.toString());

        // the object list
        JsonNode list = JSON.readTree(get("/api/objects?format=json").body()).get("objects");
        boolean listed = false;
        for (JsonNode row : list) {
            if (row.get("objectId").asText().equals(OBJECT)) {
                listed = true;
                assertEquals(version, row.get("model_version").asText(), "object list");
                assertEquals(pSnIa, row.get("p_SN_IA").asDouble(), 1e-12, "object list");
            }
        }
        assertTrue(listed, "the object is listed");
        JsonNode filtered = JSON.readTree(get("/api/objects?format=json&predicted_class=" + predicted).body()).get("objects");
        assertTrue(filtered.findValuesAsText("objectId").contains(OBJECT), "the predicted-class filter uses the current version");

        // the match answer (SAMP table answers and TOPCAT's ztf functions read it)
        String request = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">"
                + "<RESOURCE><TABLE><FIELD name=\"objectId\" datatype=\"char\" arraysize=\"*\" ucd=\"meta.id;meta.main\"/>"
                + "<DATA><TABLEDATA><TR><TD>" + OBJECT + "</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>\n";
        HttpResponse<byte[]> m = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/objects/match"))
                .POST(HttpRequest.BodyPublishers.ofString(request)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, m.statusCode(), new String(m.body(), StandardCharsets.UTF_8));
        StarTable t = VotableReader.read(new ByteArrayInputStream(m.body()), "match");
        Object[] row = t.getRow(0);
        assertEquals(version, row[StarTableColumns.index(t, "model_version")], "match answer");
        assertEquals(pSnIa, ((Number) row[StarTableColumns.index(t, "p_SN_IA")]).doubleValue(), 1e-12, "match answer");
        assertEquals(predicted, row[StarTableColumns.index(t, "predicted_class")], "match answer");

        // the overlay and the cone search
        ZtfObject here = new ObjectQueries(db).object(OBJECT).orElseThrow();
        String at = "ra=" + here.ra() + "&dec=" + here.dec();
        JsonNode overlay = JSON.readTree(get("/api/overlay?format=json&radius=0.0003&" + at).body()).get("rows");
        assertEquals(OBJECT, overlay.get(0).get("objectId").asText());
        assertEquals(predicted, overlay.get(0).get("predicted_class").asText(), "overlay");
        assertEquals(Math.max(pSnIa, pSnII), overlay.get(0).get("p_class").asDouble(), 1e-12, "overlay");
        StarTable cone = VotableReader.read(new ByteArrayInputStream(get("/scs?SR=0.0003&RA=" + here.ra() + "&DEC=" + here.dec())
                .body().getBytes(StandardCharsets.UTF_8)), "cone");
        assertEquals(version, cone.getRow(0)[StarTableColumns.index(cone, "model_version")], "cone search");

        // the object page: the current version headlined, the other as history
        String html = get("/objects/" + OBJECT).body();
        String current = section(html, "<table id=\"prob-current\">", "</table>");
        assertTrue(html.contains("Current model version <strong>" + version + "</strong> (serving) predicts <strong>" + predicted),
                html);
        assertTrue(current.contains("current model version, " + version) && current.contains(String.format(java.util.Locale.ROOT,
                "%.3f", pSnIa)) && current.contains(String.format(java.util.Locale.ROOT, "%.3f", pSnII)), current);
        String history = section(html, "<table id=\"prob-history\">", "</table>");
        assertTrue(html.indexOf("prob-current") < html.indexOf("prob-history"), "headline before history");
        assertTrue(history.contains("<th scope=\"row\">" + otherVersion + "</th>") && !history.contains(">" + version + "<"), history);
        assertTrue(html.contains("Other model versions (history, not current)"));
    }

    private static String section(String html, String from, String to) {
        int a = html.indexOf(from);
        assertTrue(a >= 0, "page has " + from);
        return html.substring(a, html.indexOf(to, a));
    }

    @Test
    void afterARollbackEveryAnswerShowsTheServingVersionNotTheNewest() throws Exception {
        scoreWithTwoVersions();
        everyAnswerShows("v2", "v1", 0.1, 0.8, "SN_II");

        ModelVersions versions = new ModelVersions(db);
        versions.serve("v1"); // rollback: v2 is newer but no longer serves
        everyAnswerShows("v1", "v2", 0.7, 0.2, "SN_IA");
        assertEquals("retired", object().get("predictions").get(1).get("status").asText());

        // a newer candidate does not serve either
        versions.addCandidate("v3", "hash", "{}", null, 0.9, null, 10, null, 1L);
        everyAnswerShows("v1", "v2", 0.7, 0.2, "SN_IA");
    }

    @Test
    void anObjectTheServingVersionDidNotScoreShowsOnlyHistory() throws Exception {
        scoreWithTwoVersions();
        new PredictionStore(db).write("v4", null, null, List.of(new Prediction(other, "v4", 0.2, 0.2, 0.6)));
        new ModelVersions(db).serve("v4");
        JsonNode o = object();
        assertEquals("v4", o.get("current_model_version").asText());
        assertTrue(o.get("model_version").isNull(), "no prediction by the serving version: " + o.get("model_version"));
        JsonNode ps = o.get("predictions");
        assertEquals(2, ps.size());
        assertEquals("v2", ps.get(0).get("model_version").asText(), "the others newest first");
        assertFalse(ps.get(0).get("current").asBoolean() || ps.get(1).get("current").asBoolean(), ps.toString());
        String html = get("/objects/" + OBJECT).body();
        assertFalse(html.contains("id=\"prob-current\""), "no headline from a version that does not serve");
        assertTrue(html.contains("The current model version, <strong>v4</strong>, has not scored this object"), html);
        String history = section(html, "<table id=\"prob-history\">", "</table>");
        assertTrue(history.contains(">v1<") && history.contains(">v2<"), history);
        assertTrue(history.indexOf(">v2<") < history.indexOf(">v1<"), "newest first");
    }

    @Test
    void anUnscoredObjectSaysSo() throws Exception {
        JsonNode o = object();
        assertTrue(o.get("current_model_version").isNull());
        assertEquals(0, o.get("predictions").size());
        assertTrue(get("/objects/" + OBJECT).body().contains("No model has scored this object yet."));
    }
}
