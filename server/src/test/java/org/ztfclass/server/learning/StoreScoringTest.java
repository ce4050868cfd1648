package org.ztfclass.server.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.server.Samples;
import org.ztfclass.server.TestStores;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.PredictionStore;
import org.ztfclass.server.store.StoreWriter;

/**
 * Store-wide scoring with the shipped bundle: an object with a real light curve gets a prediction; one whose
 * light curve holds only upper limits (nothing any branch can read) is in the store but gets none, rather than the
 * answer the trees give every empty input; its page says why.
 */
class StoreScoringTest {

    @TempDir
    Path tmp;

    @Test
    void anObjectWithNothingToReadKeepsNoPrediction() throws Exception {
        Database db = TestStores.open(tmp.resolve("store.db"));
        Path limits = tmp.resolve("upper-limits.csv");
        Files.writeString(limits, "objectId,mjd,band,mag,magerr,upper_limit,diffmaglim,isdiffpos,candid\n"
                + "ZTF00uplimit,60576.1366,g,,,1,20.57,,\nZTF00uplimit,60577.18,r,,,1,20.29,,\n");
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("antares-bts/light-curves/ZTF18aaiykoz.csv"), limits),
                IngestProgress.SILENT);
        PredictionStore predictions = new PredictionStore(db);
        assertTrue(predictions.objectIds().containsAll(List.of("ZTF18aaiykoz", "ZTF00uplimit")), "both objects are in the store");

        ModelBundle bundle = ModelBundle.load(Samples.root().getParent().resolve("models/ztfclass-default"));
        assertEquals(1, StoreScoring.scoreAll(db, bundle));
        assertEquals(1, predictions.of("ZTF18aaiykoz").size());
        assertEquals(0, predictions.of("ZTF00uplimit").size());

        Map<String, String> pages = pages(db, "ZTF00uplimit", "ZTF18aaiykoz");
        String nothing = pages.get("ZTF00uplimit");
        assertTrue(nothing.contains("No model scores this object: only 2 upper limits, no detection"), nothing);
        String scored = pages.get("ZTF18aaiykoz");
        assertTrue(scored.contains("id=\"prob-current\"") && !scored.contains("prob-nothing"), "the scored object shows its probabilities");
    }

    @Test
    void anObjectOnlyTheCnnCanReadGetsTheCnnsAnswerAndItsPageSaysSo() throws Exception {
        Database db = TestStores.open(tmp.resolve("stamps.db"));
        // ZTF18abgzkmf: a Fink history of negative subtractions only, and one alert's stamp files
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("fink-science-alerts")), IngestProgress.SILENT);
        ModelBundle bundle = ModelBundle.load(Samples.root().getParent().resolve("models/ztfclass-default"));
        StoreScoring.scoreAll(db, bundle);
        PredictionStore predictions = new PredictionStore(db);
        assertEquals(1, predictions.of("ZTF18abgzkmf").size(), "scored: the CNN reads its stamps");
        var data = new org.ztfclass.server.store.ObjectDataLoader(db).load("ZTF18abgzkmf").orElseThrow();
        double[] cnn = bundle.outputs(List.of(data)).cnn()[0];
        assertEquals(cnn[0], predictions.of("ZTF18abgzkmf").get(0).pSnIa(), 1e-6, "the CNN's answer, not the trees'");

        Map<String, String> pages = pages(db, "ZTF18abgzkmf", "ZTF18abquxjv");
        String cnnOnly = pages.get("ZTF18abgzkmf");
        assertTrue(cnnOnly.contains("id=\"prob-cnn-only\""), cnnOnly);
        String withLightCurve = pages.get("ZTF18abquxjv");
        assertTrue(withLightCurve.contains("id=\"prob-current\"") && !withLightCurve.contains("prob-cnn-only"), withLightCurve);
    }

    /** @return each object's page, fetched from a server on the store */
    private static Map<String, String> pages(Database db, String... ids) throws Exception {
        ApiServer server = new ApiServer(db).start("127.0.0.1", 0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            Map<String, String> out = new java.util.LinkedHashMap<>();
            for (String id : ids) {
                out.put(id, page(http, server, id));
            }
            return out;
        } finally {
            server.stop();
        }
    }

    private static String page(HttpClient http, ApiServer server, String id) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/objects/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), id);
        return r.body();
    }
}
