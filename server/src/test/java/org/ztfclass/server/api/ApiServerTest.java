package org.ztfclass.server.api;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.ObjectFilter;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.domain.Alert;
import org.ztfclass.votables.domain.Cutout;
import org.ztfclass.votables.domain.CutoutKind;
import org.ztfclass.votables.table.VotableReader;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.StarTable;

/** The HTTP API on a real server and a real SQLite store holding real ZTF data. */
class ApiServerTest {

    @TempDir
    static Path tmp;

    private static ApiServer server;
    private static ObjectQueries queries;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OBJECT = "ZTF20aaelulu"; // SN 2020oi: BTS row, alert packet with cutouts

    @BeforeAll
    static void start() throws Exception {
        Database db = TestStores.open(tmp.resolve("api.db"));
        Path someCurves = Files.createDirectories(tmp.resolve("lightcurves"));
        try (var s = Files.list(Samples.path("lightcurves-snia"))) {
            for (Path f : s.sorted().limit(40).toList()) {
                Files.copy(f, someCurves.resolve(f.getFileName()));
            }
        }
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("catalogues"), Samples.path("alerce-30sne"),
                someCurves, Samples.path("alerts")), IngestProgress.SILENT);
        queries = new ObjectQueries(db);
        server = new ApiServer(db).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Path save(String name, byte[] body) throws Exception {
        return Files.write(tmp.resolve(name), body);
    }

    @Test
    void objectsVotableHasEveryObjectWithUcdsAndUnitsAndPassesVotlint() throws Exception {
        HttpResponse<byte[]> r = get("/api/objects?format=votable");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/x-votable+xml"));
        StarTable t = VotableReader.read(new ByteArrayInputStream(r.body()), "objects");
        assertEquals(queries.countObjects(ObjectFilter.ALL), t.getRowCount());
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < t.getColumnCount(); i++) {
            ColumnInfo c = t.getColumnInfo(i);
            names.add(c.getName());
            assertNotNull(c.getUCD(), c.getName() + " has a UCD");
            // every physical quantity has a unit; probabilities are dimensionless and VOUnit has no word for that
            if (Number.class.isAssignableFrom(c.getContentClass()) && !c.getUCD().startsWith("stat.probability")) {
                assertNotNull(c.getUnitString(), c.getName() + " has a unit");
            }
        }
        assertEquals(List.of("objectId", "ra", "dec", "first_detection_jd", "last_detection_jd", "n_detections",
                "peak_mag_g", "peak_mag_r", "peak_mag_i", "label_status", "label_class", "label_fine_class", "dropped_by", "drop_reason", "p_SN_IA", "p_SN_II", "p_OTHER",
                "predicted_class", "model_version"), names);
        String lint = ExternalTools.votlint(save("objects.vot", r.body()));
        assertFalse(lint.contains("ERROR") || lint.contains("WARNING"), "votlint: " + lint);
    }

    @Test
    void votlintCatchesABrokenVotableSoTheCheckAboveCanFail() throws Exception {
        String broken = "<?xml version='1.0'?><VOTABLE version='1.4' xmlns='http://www.ivoa.net/xml/VOTable/v1.3'>"
                + "<RESOURCE><TABLE><FIELD name='x' datatype='nonsense'/><DATA><TABLEDATA><TR><TD>1</TD><TD>2</TD></TR>"
                + "</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>";
        String lint = ExternalTools.votlint(save("broken.vot", broken.getBytes()));
        assertTrue(lint.contains("ERROR"), lint);
    }

    @Test
    void astropyReadsOurVotablesWithTheRightUnitsAndUcds() throws Exception {
        HttpResponse<byte[]> r = get("/api/objects?format=votable");
        JsonNode out = JSON.readTree(ExternalTools.astropyFields(save("objects-astropy.vot", r.body()), tmp));
        assertEquals("OK", out.get("infos").get("QUERY_STATUS").asText());
        assertEquals(queries.countObjects(ObjectFilter.ALL), out.get("nrows").asLong());
        assertEquals(0, out.get("warnings").size(), out.get("warnings").toString());
        JsonNode fields = out.get("fields");
        assertEquals("deg", fields.get(1).get("unit").asText());
        assertEquals("pos.eq.ra;meta.main", fields.get(1).get("ucd").asText());
        assertEquals("pos.eq.dec;meta.main", fields.get(2).get("ucd").asText());
        assertEquals("d", fields.get(3).get("unit").asText());
        assertEquals("mag", fields.get(6).get("unit").asText());
        assertEquals("meta.id;meta.main", fields.get(0).get("ucd").asText());

        HttpResponse<byte[]> lc = get("/api/objects/" + OBJECT + "/lightcurve?format=votable");
        JsonNode lcOut = JSON.readTree(ExternalTools.astropyFields(save("lc-astropy.vot", lc.body()), tmp));
        assertEquals(queries.lightCurve(OBJECT).size(), lcOut.get("nrows").asInt());
        assertEquals(0, lcOut.get("warnings").size(), lcOut.get("warnings").toString());
    }

    @Test
    void jsonSaysTheSameAsTheVotable() throws Exception {
        JsonNode json = JSON.readTree(get("/api/objects?format=json&limit=25&offset=100").body());
        StarTable t = VotableReader.read(new ByteArrayInputStream(get("/api/objects?format=votable&limit=25&offset=100").body()), "v");
        assertEquals(25, json.get("objects").size());
        assertEquals(t.getRowCount(), json.get("objects").size());
        for (int row = 0; row < 25; row++) {
            JsonNode o = json.get("objects").get(row);
            for (int col = 0; col < t.getColumnCount(); col++) {
                Object cell = t.getCell(row, col);
                JsonNode v = o.get(t.getColumnInfo(col).getName());
                if (cell == null || (cell instanceof Double d && d.isNaN())) {
                    assertTrue(v.isNull(), t.getColumnInfo(col).getName());
                } else if (cell instanceof Number n) {
                    assertEquals(n.doubleValue(), v.asDouble(), 1e-9);
                } else {
                    assertEquals(cell.toString(), v.asText());
                }
            }
        }
    }

    @Test
    void oneObjectAsJsonWithItsCatalogueLabelsAndAlerts() throws Exception {
        HttpResponse<byte[]> r = get("/api/objects/" + OBJECT);
        assertEquals(200, r.statusCode());
        JsonNode o = JSON.readTree(r.body());
        assertEquals(OBJECT, o.get("objectId").asText());
        assertEquals("labelled", o.get("label_status").asText());
        assertEquals("SN Ic", o.get("label_fine_class").asText());
        assertEquals("BTS", o.get("catalogue_entries").get(0).get("catalogue").asText());
        assertEquals("catalogue", o.get("labels").get(0).get("source").asText());
        assertEquals(1105522281015015000L, o.get("alerts").get(0).get("candid").asLong());
    }

    @Test
    void lightCurveVotableHasEveryPointWithTheCandidateFields() throws Exception {
        HttpResponse<byte[]> r = get("/api/objects/" + OBJECT + "/lightcurve?format=votable");
        assertEquals(200, r.statusCode());
        StarTable t = VotableReader.read(new ByteArrayInputStream(r.body()), "lc");
        assertEquals(queries.lightCurve(OBJECT).size(), t.getRowCount());
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < t.getColumnCount(); i++) {
            names.add(t.getColumnInfo(i).getName());
        }
        assertTrue(names.containsAll(List.of("jd", "band", "magpsf", "sigmapsf", "ra", "dec", "rb", "drb", "isdiffpos",
                "programid", "upper_limit", "diffmaglim")), names.toString());
        int upper = names.indexOf("upper_limit");
        int mag = names.indexOf("magpsf");
        boolean sawLimit = false;
        for (long row = 0; row < t.getRowCount(); row++) {
            if (Boolean.TRUE.equals(t.getCell(row, upper))) {
                sawLimit = true;
                Object m = t.getCell(row, mag);
                assertTrue(m == null || ((Double) m).isNaN(), "an upper limit has no magnitude");
            }
        }
        assertTrue(sawLimit, "this object's packet holds non-detections");
        String lint = ExternalTools.votlint(save("lc.vot", r.body()));
        assertFalse(lint.contains("ERROR") || lint.contains("WARNING"), "votlint: " + lint);
    }

    @Test
    void cutoutsComeAsTheOriginalFitsAndAsPng() throws Exception {
        Alert alert = Samples.readAlerts(List.of(Samples.path("alerts/kowalski/20200202/1105522281015015000.avro"))).get(0);
        for (Cutout c : alert.cutouts()) {
            HttpResponse<byte[]> fits = get("/api/objects/" + OBJECT + "/cutouts/" + c.kind().urlName() + ".fits");
            assertEquals(200, fits.statusCode());
            assertEquals("application/fits", fits.headers().firstValue("Content-Type").orElse(""));
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(c.stampData()))) {
                assertArrayEquals(in.readAllBytes(), fits.body(), "the FITS file exactly as in the packet");
            }
            assertArrayEquals(c.stampData(), get("/api/objects/" + OBJECT + "/cutouts/" + c.kind().urlName() + ".fits.gz").body());
            HttpResponse<byte[]> png = get("/api/objects/" + OBJECT + "/cutouts/" + c.kind().urlName() + ".png");
            assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
            var image = ImageIO.read(new ByteArrayInputStream(png.body()));
            assertEquals(252, image.getWidth());
            assertEquals(252, image.getHeight());
        }
        assertEquals(3, CutoutKind.values().length);
    }

    @Test
    void unknownObjectIs404WithAJsonMessage() throws Exception {
        HttpResponse<byte[]> r = get("/api/objects/ZTF99zzzzzzz");
        assertEquals(404, r.statusCode());
        JsonNode body = JSON.readTree(r.body());
        assertTrue(body.get("error").asText().contains("ZTF99zzzzzzz"), body.toString());
    }

    @Test
    void errorsAskedAsVotableComeAsQueryStatusError() throws Exception {
        HttpResponse<byte[]> r = get("/api/objects/ZTF99zzzzzzz/lightcurve?format=votable");
        assertEquals(404, r.statusCode());
        JsonNode out = JSON.readTree(ExternalTools.astropyFields(save("error.vot", r.body()), tmp));
        assertEquals("ERROR", out.get("infos").get("QUERY_STATUS").asText());
        assertEquals(0, out.get("tables").asInt());
        String lint = ExternalTools.votlint(tmp.resolve("error.vot"));
        assertFalse(lint.contains("ERROR"), lint);
        assertTrue(new String(r.body()).contains("unknown objectId 'ZTF99zzzzzzz'"));
    }

    @Test
    void malformedParametersAre400NamingTheParameter() throws Exception {
        for (String q : List.of("limit=abc", "limit=-1", "offset=x", "format=csv", "label_status=maybe", "class=SN_III")) {
            HttpResponse<byte[]> r = get("/api/objects?" + q);
            assertEquals(400, r.statusCode(), q);
            String name = q.substring(0, q.indexOf('='));
            assertTrue(JSON.readTree(r.body()).get("error").asText().startsWith("parameter " + name), q);
        }
        assertEquals(400, get("/api/objects/" + OBJECT + "/cutouts/science.fits?candid=abc").statusCode());
        assertEquals(404, get("/api/objects/" + OBJECT + "/cutouts/sky.fits").statusCode());
        assertEquals(404, get("/api/objects/ZTF18abcdefg/cutouts/science.png").statusCode());
    }

    @Test
    void filtersSelectByLabel() throws Exception {
        JsonNode ia = JSON.readTree(get("/api/objects?format=json&class=SN_IA").body());
        assertTrue(ia.get("total").asInt() > 1000);
        for (JsonNode o : ia.get("objects")) {
            assertEquals("SN_IA", o.get("label_class").asText());
        }
        JsonNode unlabelled = JSON.readTree(get("/api/objects?format=json&label_status=unlabelled").body());
        for (JsonNode o : unlabelled.get("objects")) {
            assertTrue(o.get("label_class").isNull());
        }
        assertNull(null);
    }

    @Test
    void objectPageIsThereForLinksFromVotablesAndSamp() throws Exception {
        HttpResponse<byte[]> r = get("/objects/" + OBJECT);
        assertEquals(200, r.statusCode());
        String html = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!doctype html>") && html.contains("<html lang=\"en\">"));
        assertTrue(html.contains("<h1>" + OBJECT + "</h1>"));
        assertTrue(html.contains("alt=\"Science image of " + OBJECT), "cutouts have text alternatives");
        assertTrue(html.contains("SN Ic") && html.contains("BTS"), "label history and catalogue rows");
        assertTrue(html.contains("/lightcurve?format=votable"));
        int open = html.split("<table", -1).length - 1;
        assertEquals(open, html.split("</table>", -1).length - 1, "every table is closed");
        assertEquals(open, html.split("<caption", -1).length - 1, "every table has a caption");
        assertEquals(404, get("/objects/ZTF99zzzzzzz").statusCode());
    }
}
