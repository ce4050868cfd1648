package org.ztfclass.plugin.samp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.astrogrid.samp.hub.Hub;
import org.astrogrid.samp.hub.HubServiceMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.plugin.server.ServerClient;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.learning.StoreScoring;
import org.ztfclass.server.learning.TrainedModel;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.ObjectDataLoader;
import org.ztfclass.server.store.StoreWriter;

/**
 * The SAMP bridge with a real JSAMP hub, a real ztfclass server on real data, and an independent
 * peer from another ecosystem (astropy.samp, run by Debian's python3) sending its own tables.
 */
class SampBridgeTest {

    @TempDir
    static Path tmp;

    private static Hub hub;
    private static ApiServer server;
    private static SampBridge bridge;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path sample(String relative) {
        Path p = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(p.resolve("install/sample-data"))) {
            p = p.getParent();
        }
        return p.resolve("install/sample-data").resolve(relative);
    }

    @BeforeAll
    static void start() throws Exception {
        Database db = Database.open(tmp.resolve("samp.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(sample("catalogues"), sample("alerts")), IngestProgress.SILENT);
        TrainedModel model = TrainedModel.trainAndSave(new ObjectDataLoader(db).labelled(), 3, tmp.resolve("model"));
        StoreScoring.scoreAll(db, model.bundle());
        server = new ApiServer(db).start("127.0.0.1", 0);
        Files.createDirectories(Path.of(System.getProperty("user.home")));
        hub = Hub.runHub(HubServiceMode.NO_GUI, new org.astrogrid.samp.hub.HubProfile[] {new org.astrogrid.samp.xmlrpc.StandardHubProfile()}, new org.astrogrid.samp.hub.HubProfile[0]);
        bridge = new SampBridge(new ServerClient(URI.create("http://127.0.0.1:" + server.port()), null), tmp.resolve("answers"), 1.5);
        bridge.start(false, 1);
        for (int i = 0; i < 100 && !bridge.isConnected(); i++) {
            Thread.sleep(100);
        }
        assertTrue(bridge.isConnected(), "the bridge registered with the hub");
    }

    @AfterAll
    static void stop() {
        bridge.close();
        hub.shutdown();
        server.stop();
    }

    private static JsonNode peer(String mode) throws Exception {
        Path script = tmp.resolve("astropy_samp_peer.py");
        try (InputStream in = SampBridgeTest.class.getResourceAsStream("/astropy_samp_peer.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path work = Files.createDirectories(tmp.resolve("peer-" + mode));
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString(), mode, work.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("SAMP_HUB", "std-lockurl:" + Path.of(System.getProperty("user.home"), ".samp").toUri());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String text = new String(out, StandardCharsets.UTF_8).trim();
        assertEquals(0, p.exitValue(), text + "\n" + err);
        return JSON.readTree(text.substring(text.lastIndexOf('\n') + 1));
    }

    @Test
    void astropyTableComesBackWithProbabilitiesAndUnknownRowsKept() throws Exception {
        JsonNode out = peer("good");
        assertEquals("samp.ok", out.get("response_status").asText());
        assertEquals("ztfclass: mine", out.get("reply_name").asText());
        List<String> names = new ArrayList<>();
        out.get("columns").forEach(c -> names.add(c.get("name").asText()));
        assertEquals(List.of("name", "ztf_id", "RAJ2000", "DEJ2000", "ztf_objectId", "ztf_ra", "ztf_dec", "match", "match_distance", "p_SN_IA", "p_SN_II",
                "p_OTHER", "predicted_class", "model_version", "label_class", "n_detections", "peak_mag", "url",
                "radio_catalogue", "radio_source_id", "radio_separation", "radio_flux", "radio_flux_err", "radio_frequency",
                "host_catalogue", "host_source_id", "host_separation", "host_r_mag", "host_g_r"), names);
        JsonNode p = out.get("columns").get(names.indexOf("p_SN_IA"));
        assertEquals("stat.probability", p.get("ucd").asText());
        assertEquals("arcsec", out.get("columns").get(names.indexOf("match_distance")).get("unit").asText());
        JsonNode rows = out.get("rows");
        assertEquals(3, rows.size(), "every row comes back");
        assertEquals("ZTF20aaelulu", rows.get(0).get("ztf_objectId").asText());
        assertEquals("id", rows.get(0).get("match").asText());
        double sum = rows.get(0).get("p_SN_IA").asDouble() + rows.get(0).get("p_SN_II").asDouble() + rows.get(0).get("p_OTHER").asDouble();
        assertEquals(1.0, sum, 1e-5);
        assertTrue(rows.get(0).get("url").asText().endsWith("/objects/ZTF20aaelulu"));
        assertEquals("ZTF17aaazdba", rows.get(1).get("ztf_objectId").asText(), "AT2019azh found by position");
        assertEquals("position", rows.get(1).get("match").asText());
        assertEquals("none", rows.get(2).get("match").asText(), "an unknown row is kept and marked");
        assertEquals("samp.ok", out.get("highlight_status").asText());
        assertEquals(185.7288, out.get("point").get("ra").asDouble(), 1e-3, "Aladin is pointed at SN 2020oi");
        assertTrue(out.get("image_url").asText().endsWith("/api/objects/ZTF20aaelulu/cutouts/science.fits"));
        assertEquals("SIMPLE", out.get("image_starts").asText(), "the cutout is a FITS file");
    }

    @Test
    void badTablesGetASampErrorWithTheReasonAndTheBridgeStaysUp() throws Exception {
        JsonNode out = peer("bad");
        assertEquals("samp.error", out.get("junk").get("status").asText());
        assertTrue(out.get("junk").get("error").asText().contains("not a readable VOTable"), out.toString());
        assertEquals("samp.error", out.get("nopos").get("status").asText());
        assertTrue(out.get("nopos").get("error").asText().contains("no object id column"), out.toString());
        assertTrue(bridge.isConnected());
    }

    @Test
    void selectedRowsPointAladinAndSendTheirCutouts() throws Exception {
        JsonNode out = peer("select");
        JsonNode two = out.get("two");
        assertEquals("samp.ok", two.get("status").asText(), out.toString());
        assertEquals("[\"ZTF17aaazdba\",\"ZTF20aaelulu\"]", two.get("result").get("ztfclass.objects").toString());
        assertEquals(123.32, out.get("point").get("ra").asDouble(), 1e-2, "pointed at the first selected row (AT2019azh)");
        assertEquals(2, out.get("images").size(), out.toString());
        assertTrue(out.get("images").toString().contains("/api/objects/ZTF17aaazdba/cutouts/science.fits")
                && out.get("images").toString().contains("/api/objects/ZTF20aaelulu/cutouts/science.fits"), out.toString());
        assertEquals("samp.error", out.get("unmatched").get("status").asText());
        assertTrue(out.get("unmatched").get("error").asText().contains("none of the 1 selected rows"), out.toString());
        assertEquals("samp.ok", out.get("empty").get("status").asText(), "an empty selection is fine");
        assertEquals("samp.error", out.get("foreign").get("status").asText());
        assertTrue(out.get("foreign").get("error").asText().contains("is not one ztfclass sent"), out.toString());
        assertTrue(bridge.isConnected());
    }

    /**
     * A server that cannot be reached and one that refuses the token: the sender gets a SAMP
     * error naming the cause, and the bridge stays registered. The 401 comes from a minimal HTTP
     * endpoint standing in for the accounts work (token revocation) that the server does not
     * have yet; it answers as the server's error bodies do.
     */
    @Test
    void unreachableServerAndRevokedTokenAreSampErrorsAndTheBridgesStayUp() throws Exception {
        int deadPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        com.sun.net.httpserver.HttpServer refusing = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        refusing.createContext("/", ex -> {
            byte[] body = "{\"status\": 401, \"error\": \"API token revoked\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(401, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        refusing.start();
        Path table = Files.writeString(tmp.resolve("one.vot"), "<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.4\" "
                + "xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE><TABLE><FIELD name=\"objectId\" datatype=\"char\" "
                + "arraysize=\"*\"/><DATA><TABLEDATA><TR><TD>ZTF20aaelulu</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>\n");
        SampBridge dead = new SampBridge(new ServerClient(URI.create("http://127.0.0.1:" + deadPort), null), tmp.resolve("a1"), 1.5,
                false, "ztfclass-dead");
        SampBridge revoked = new SampBridge(new ServerClient(URI.create("http://127.0.0.1:" + refusing.getAddress().getPort()),
                "old-token"), tmp.resolve("a2"), 1.5, false, "ztfclass-revoked");
        org.astrogrid.samp.client.HubConnector peer = new org.astrogrid.samp.client.HubConnector(
                org.astrogrid.samp.client.DefaultClientProfile.getProfile());
        try {
            dead.start(false, 1);
            revoked.start(false, 1);
            org.astrogrid.samp.Metadata meta = new org.astrogrid.samp.Metadata();
            meta.setName("java-peer");
            peer.declareMetadata(meta);
            peer.setActive(true);
            for (int i = 0; i < 100 && !(dead.isConnected() && revoked.isConnected() && peer.isConnected()); i++) {
                Thread.sleep(100);
            }
            org.astrogrid.samp.client.HubConnection c = peer.getConnection();
            for (String[] expect : new String[][] {{"ztfclass-dead", "unreachable"}, {"ztfclass-revoked", "refused the API token (HTTP 401: API token revoked)"}}) {
                String id = null;
                for (String cid : c.getRegisteredClients()) {
                    if (expect[0].equals(c.getMetadata(cid).getName())) {
                        id = cid;
                    }
                }
                assertTrue(id != null, expect[0] + " registered");
                org.astrogrid.samp.Message m = new org.astrogrid.samp.Message("table.load.votable");
                m.addParam("url", table.toUri().toURL().toString());
                m.addParam("name", "one");
                org.astrogrid.samp.Response r = c.callAndWait(id, m, 60);
                assertEquals("samp.error", r.getStatus());
                assertTrue(r.getErrInfo().getErrortxt().contains(expect[1]), expect[0] + ": " + r.getErrInfo().getErrortxt());
            }
            assertTrue(dead.isConnected() && revoked.isConnected() && bridge.isConnected(), "every bridge is still registered");
        } finally {
            peer.setActive(false);
            dead.close();
            revoked.close();
            refusing.stop(0);
        }
    }
}
