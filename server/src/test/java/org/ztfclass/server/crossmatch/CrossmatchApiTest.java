package org.ztfclass.server.crossmatch;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.StarTableColumns;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.api.ApiTools;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.CrossmatchCache;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.crossmatch.CatalogueAnswerReader;
import org.ztfclass.votables.crossmatch.Catalogues;
import org.ztfclass.votables.domain.CatalogueEntry;
import org.ztfclass.votables.table.VotableReader;
import uk.ac.starlink.table.StarTable;

/**
 * {@code /api/objects/{id}/crossmatches} and the SAMP match answer read the cache: a recorded real
 * Gaia answer fetched through the loopback stand-in, an NVSS failure (stale), and NVSS/PS1-shaped
 * answers constructed in this test (no recording of those catalogues was found; marked as such).
 */
class CrossmatchApiTest {

    static final String ID = "ZTF22abftjko";

    @TempDir
    static Path tmp;

    private static ApiServer server;

    /** Built here, not recorded: NVSS- and PS1-shaped VizieR answers at AT2022tsd's position. */
    static final String CONSTRUCTED_NVSS = """
            <?xml version="1.0"?><VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE><TABLE>
            <FIELD name="_r" datatype="double" unit="arcmin"/><FIELD name="_RAJ2000" datatype="double" unit="deg"/>
            <FIELD name="_DEJ2000" datatype="double" unit="deg"/><FIELD name="NVSS" datatype="char" arraysize="*"/>
            <FIELD name="S1.4" datatype="double" unit="mJy"/><FIELD name="e_S1.4" datatype="double" unit="mJy"/>
            <DATA><TABLEDATA><TR><TD>0.05</TD><TD>50.0460</TD><TD>8.7480</TD><TD>032011+084453</TD><TD>2.5</TD><TD>0.4</TD></TR>
            </TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>""";
    static final String CONSTRUCTED_PS1 = """
            <?xml version="1.0"?><VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE><TABLE>
            <FIELD name="_r" datatype="double" unit="arcmin"/><FIELD name="objID" datatype="long"/>
            <FIELD name="gmag" datatype="double" unit="mag"/><FIELD name="e_gmag" datatype="double" unit="mag"/>
            <FIELD name="rmag" datatype="double" unit="mag"/><FIELD name="e_rmag" datatype="double" unit="mag"/>
            <DATA><TABLEDATA><TR><TD>0.01</TD><TD>118500500453000000</TD><TD>21.9</TD><TD>0.1</TD><TD>21.3</TD><TD>0.08</TD></TR>
            </TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>""";

    @BeforeAll
    static void start() throws Exception {
        Database db = TestStores.open(tmp.resolve("api.db"));
        new StoreWriter(db).writeCatalogue(List.of(new CatalogueEntry("BTS", ID, "AT2022tsd", 50.0453078, 8.7488721, null, null, null,
                19.0, null, null, null, null, null, null, null, null)), "test");
        new IngestService(new StoreWriter(db)).forObject(ID).ingest(List.of(Samples.path("at2022tsd")), IngestProgress.SILENT);
        CrossmatchCache cache = new CrossmatchCache(db);
        try (RecordedServices vizier = new RecordedServices()
                .on("I/355/gaiadr3", RecordedServices.Reply.recorded("gaia-dr3-archive-tap.vot"))
                .on("VIII/65/nvss", RecordedServices.Reply.of(200, "text/xml", CONSTRUCTED_NVSS), RecordedServices.Reply.recorded("vizier-error.xml"))) {
            CrossmatchRefresher r = new CrossmatchRefresher(new VizierConeService(vizier.url(), Duration.ofSeconds(5), 1, Duration.ofMillis(1),
                    Duration.ofMillis(1)), cache);
            r.refresh(cache.targets(List.of()), Catalogues.byKeys(List.of("gaia_dr3", "nvss")), 5.0, false, null);
            r.refresh(cache.targets(List.of()), Catalogues.byKeys(List.of("nvss")), 5.0, false, null); // fails: stale
        }
        var ps1 = Catalogues.byKey("ps1");
        cache.storeAnswer(new CrossmatchCache.Key(ID, "ps1", 5.0, ps1.version()), "test (constructed)", "constructed", Instant.now(),
                CatalogueAnswerReader.read(CONSTRUCTED_PS1.getBytes(StandardCharsets.UTF_8), "constructed", ps1, 50.0453078, 8.7488721).records(), 0);
        server = new ApiServer(db).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void jsonGivesRowsWithUnitsProvenanceAndCatalogueStates() throws Exception {
        HttpResponse<byte[]> r = get("/api/objects/" + ID + "/crossmatches?format=json");
        assertEquals(200, r.statusCode());
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertEquals(ID, body.get("objectId").asText());
        java.util.Map<String, String> states = new java.util.HashMap<>();
        body.get("catalogues").forEach(c -> states.put(c.get("catalogue").asText(), c.get("state").asText()));
        assertEquals("answered", states.get("gaia_dr3"));
        assertEquals("stale", states.get("nvss"));
        assertEquals("not asked", states.get("allwise"));
        JsonNode rows = body.get("rows");
        assertTrue(rows.size() >= 2 * 3 + 1 + 2, rows.toString());
        JsonNode nvss = null;
        for (JsonNode row : rows) {
            if (row.get("catalogue").asText().equals("nvss")) {
                nvss = row;
            }
        }
        assertEquals(2500.0, nvss.get("flux").asDouble(), 1e-9, "2.5 mJy in uJy");
        assertEquals(1.4, nvss.get("frequency").asDouble(), 1e-9);
        assertTrue(nvss.get("stale").asBoolean());
        assertTrue(nvss.get("query").asText().contains("-source=VIII%2F65%2Fnvss"));
        boolean hasUnit = false;
        for (JsonNode c : body.get("columns")) {
            hasUnit |= c.get("name").asText().equals("flux") && c.get("unit").asText().equals("uJy");
        }
        assertTrue(hasUnit, body.get("columns").toString());
        assertEquals(404, get("/api/objects/ZTF00nothere/crossmatches").statusCode());
    }

    @Test
    void votablePassesVotlint() throws Exception {
        HttpResponse<byte[]> r = get("/api/objects/" + ID + "/crossmatches?format=votable");
        assertEquals(200, r.statusCode());
        Path f = Files.write(tmp.resolve("xm.vot"), r.body());
        String lint = ApiTools.votlint(f);
        assertFalse(lint.contains("ERROR") || lint.contains("WARNING"), lint);
        String s = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(s.contains("name=\"catalogue_nvss\"") && s.contains("stale"), s.substring(0, Math.min(3000, s.length())));
        assertTrue(s.contains("unit=\"arcsec\"") && s.contains("unit=\"uJy\""));
    }

    @Test
    void sampMatchAnswerCarriesNearestRadioSourceAndHostFromTheCache() throws Exception {
        String table = """
                <?xml version="1.0"?><VOTABLE version="1.4" xmlns="http://www.ivoa.net/xml/VOTable/v1.3"><RESOURCE><TABLE>
                <FIELD name="objectId" datatype="char" arraysize="*" ucd="meta.id;meta.main"/>
                <DATA><TABLEDATA><TR><TD>ZTF22abftjko</TD></TR><TR><TD>ZTF00nothere</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>""";
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/api/objects/match")).header("Content-Type", "application/x-votable+xml")
                .POST(HttpRequest.BodyPublishers.ofString(table)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        StarTable t = VotableReader.read(new ByteArrayInputStream(r.body()), "match answer");
        int flux = StarTableColumns.index(t, "radio_flux");
        int sep = StarTableColumns.index(t, "radio_separation");
        int host = StarTableColumns.index(t, "host_r_mag");
        int colour = StarTableColumns.index(t, "host_g_r");
        assertEquals(2500.0, ((Number) t.getCell(0, flux)).doubleValue(), 1e-9);
        assertTrue(((Number) t.getCell(0, sep)).doubleValue() > 2 && ((Number) t.getCell(0, sep)).doubleValue() < 4);
        assertEquals(21.3, ((Number) t.getCell(0, host)).doubleValue(), 1e-9);
        assertEquals(0.6, ((Number) t.getCell(0, colour)).doubleValue(), 1e-9);
        assertEquals(null, t.getCell(1, flux), "an unknown object gets no cross-match");
        assertEquals("uJy", t.getColumnInfo(flux).getUnitString());
    }
}
