package org.ztfclass.server.api;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;

/** Simple Cone Search 1.03 at /scs, queried by STILTS's own cone-search client. */
class ConeSearchTest {

    @TempDir
    static Path tmp;

    private static ApiServer server;

    @BeforeAll
    static void start() throws Exception {
        Database db = TestStores.open(tmp.resolve("scs.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("catalogues"), Samples.path("alerts")), IngestProgress.SILENT);
        server = new ApiServer(db).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port() + "/scs";
    }

    private static String get(String query) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "?" + query)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void stiltsConeFindsSn2020oiAndNothingElseNearby() throws Exception {
        String csv = ExternalTools.stilts("cone", "serviceurl=" + base() + "?", "lon=185.7288", "lat=15.8236", "radius=0.01", "ofmt=csv");
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(2, lines.size(), csv);
        assertTrue(lines.get(1).startsWith("ZTF20aaelulu,"), csv);
    }

    @Test
    void answerIsAValidVotableWithTheStandardsUcds() throws Exception {
        String body = get("RA=185.7288&DEC=15.8236&SR=2");
        Path f = Files.writeString(tmp.resolve("cone.vot"), body);
        String lint = ExternalTools.votlint(f);
        assertFalse(lint.contains("ERROR"), lint);
        assertTrue(body.contains("ucd=\"ID_MAIN\"") && body.contains("ucd=\"POS_EQ_RA_MAIN\"") && body.contains("ucd=\"POS_EQ_DEC_MAIN\""));
        assertTrue(body.contains("ZTF20aaelulu"));
    }

    @Test
    void coneAcrossRaZeroAndMetadataQuery() throws Exception {
        String wide = get("RA=0.5&DEC=0&SR=10");
        assertTrue(wide.contains("<TR>"), "objects on both sides of RA 0 are found");
        String metadata = get("RA=10&DEC=10&SR=0");
        assertTrue(metadata.contains("<FIELD") && !metadata.contains("<TR>"));
    }

    @Test
    void badParametersAreAnErrorVotableNamingTheParameter() throws Exception {
        for (String[] c : new String[][] {{"RA=abc&DEC=1&SR=1", "parameter RA"}, {"RA=1&SR=1", "parameter DEC is required"},
                {"RA=1&DEC=95&SR=1", "parameter DEC: 95"}, {"RA=1&DEC=1&SR=-1", "parameter SR"}, {"RA=1&DEC=1&SR=50", "parameter SR"}}) {
            String body = get(c[0]);
            assertTrue(body.contains("name=\"Error\"") && body.contains(c[1]), c[0] + ": " + body);
        }
    }
}
