package org.ztfclass.server.ingest;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.api.ApiTools;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.IngestCounts;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.domain.PhotometryPoint;

/** AT2022tsd's ZTF forced, PS1, ATLAS and radio photometry, ingested and served next to ZTF's. */
class SurveyPhotometryTest {

    @TempDir
    Path tmp;

    private static final String ID = "ZTF22abftjko";

    @Test
    void filesWithoutAnObjectAreRefusedByNameThenIngestedForTheGivenObjectOnce() throws Exception {
        Database db = TestStores.open(tmp.resolve("p.db"));
        ObjectQueries queries = new ObjectQueries(db);
        IngestReport anonymous = new IngestService(new StoreWriter(db), queries).ingest(List.of(Samples.path("at2022tsd")), IngestProgress.SILENT);
        assertEquals(0, anonymous.added().detections());
        assertEquals(9, anonymous.problems().size(), anonymous.problems().toString());
        assertTrue(anonymous.problems().stream().allMatch(p -> p.reason().contains("--object")));

        IngestReport named = new IngestService(new StoreWriter(db), queries).forObject(ID)
                .ingest(List.of(Samples.path("at2022tsd")), IngestProgress.SILENT);
        assertTrue(named.added().detections() > 1000);
        assertEquals(12, named.problems().size(), "the 12 epochs the forced-photometry service could not measure");
        assertTrue(named.problems().stream().allMatch(p -> p.reason().startsWith("no forced flux at this epoch")));
        IngestReport again = new IngestService(new StoreWriter(db), queries).forObject(ID)
                .ingest(List.of(Samples.path("at2022tsd")), IngestProgress.SILENT);
        assertEquals(IngestCounts.NONE, again.added(), "re-ingest adds nothing");

        List<PhotometryPoint> points = queries.photometry(ID);
        assertTrue(points.stream().anyMatch(p -> p.instrument().equals("VLA") && p.frequencyGHz() == 15.0));
        assertTrue(points.stream().anyMatch(p -> p.instrument().equals("PS1")));
        assertTrue(points.stream().anyMatch(p -> p.instrument().equals("ATLAS")));
        assertTrue(points.stream().anyMatch(p -> p.instrument().equals("ZTF-forced") && !p.isUpperLimit()));
        for (int i = 1; i < points.size(); i++) {
            assertTrue(points.get(i - 1).mjd() <= points.get(i).mjd(), "time order");
        }
    }

    @Test
    void aForcedPhotometryFileFindsItsObjectByPosition() throws Exception {
        Database db = TestStores.open(tmp.resolve("pos.db"));
        new StoreWriter(db).writeCatalogue(List.of(new org.ztfclass.votables.domain.CatalogueEntry("BTS", ID, "AT2022tsd", 50.0453078,
                8.7488721, null, null, null, 19.0, null, null, null, null, null, null, null, null)), "test");
        IngestReport r = new IngestService(new StoreWriter(db), new ObjectQueries(db))
                .ingest(List.of(Samples.path("at2022tsd/optical/ipac_forced_phot.txt")), IngestProgress.SILENT);
        assertTrue(r.added().detections() > 50, r.summary());
        assertEquals(r.added().detections(), new ObjectQueries(db).photometry(ID).size());
    }

    @Test
    void photometryEndpointServesEverySurveyAsAValidVotable() throws Exception {
        Database db = TestStores.open(tmp.resolve("api.db"));
        new IngestService(new StoreWriter(db)).forObject(ID).ingest(List.of(Samples.path("at2022tsd")), IngestProgress.SILENT);
        ApiServer server = new ApiServer(db).start("127.0.0.1", 0);
        try {
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + server.port() + "/api/objects/" + ID + "/photometry?format=votable")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode());
            Path f = Files.write(tmp.resolve("phot.vot"), r.body());
            String lint = ApiTools.votlint(f);
            assertFalse(lint.contains("ERROR") || lint.contains("WARNING"), lint);
            String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(body.contains("unit=\"uJy\"") && body.contains("unit=\"GHz\"") && body.contains("NOEMA"));
        } finally {
            server.stop();
        }
    }
}
