package org.ztfclass.plugin.samp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ztfclass.plugin.server.ServerClient;

/**
 * What goes wrong reaches the sender as a SAMP error naming the cause, and the bridges stay
 * registered: tables that are not VOTables or have no id/position columns, a server that cannot
 * be reached, a server that refuses the token. Label refusals are in {@link SampLabelsTest}.
 * The hub, server and bridge are {@link SampFixture}'s.
 */
@ExtendWith(SampFixture.Resolver.class)
class SampErrorsTest {

    private static SampFixture samp;

    @BeforeAll
    static void fixture(SampFixture shared) {
        samp = shared;
    }

    @Test
    void badTablesGetASampErrorWithTheReasonAndTheBridgeStaysUp() throws Exception {
        JsonNode out = samp.peer("bad");
        assertEquals("samp.error", out.get("junk").get("status").asText());
        assertTrue(out.get("junk").get("error").asText().contains("not a readable VOTable"), out.toString());
        assertEquals("samp.error", out.get("nopos").get("status").asText());
        assertTrue(out.get("nopos").get("error").asText().contains("no object id column"), out.toString());
        assertTrue(samp.bridge.isConnected());
    }

    /**
     * A server that cannot be reached and one that refuses the token: the sender gets a SAMP
     * error naming the cause, and the bridge stays registered. The 401 here comes from a minimal
     * HTTP endpoint answering as the server's error bodies do; a token really revoked on the real
     * server is in {@link SampLabelsTest#labelsWithAViewerRevokedOrNoTokenAreRefusedAndTheBridgesStayUp}.
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
        Path table = Files.writeString(samp.tmp.resolve("one.vot"), "<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.4\" "
                + "xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\"><RESOURCE><TABLE><FIELD name=\"objectId\" datatype=\"char\" "
                + "arraysize=\"*\"/><DATA><TABLEDATA><TR><TD>ZTF20aaelulu</TD></TR></TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>\n");
        SampBridge dead = new SampBridge(new ServerClient(URI.create("http://127.0.0.1:" + deadPort), null), samp.tmp.resolve("a1"), 1.5,
                false, "ztfclass-dead");
        SampBridge revoked = new SampBridge(new ServerClient(URI.create("http://127.0.0.1:" + refusing.getAddress().getPort()),
                "old-token"), samp.tmp.resolve("a2"), 1.5, false, "ztfclass-revoked");
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
            assertTrue(dead.isConnected() && revoked.isConnected() && samp.bridge.isConnected(), "every bridge is still registered");
        } finally {
            peer.setActive(false);
            dead.close();
            revoked.close();
            refusing.stop(0);
        }
    }
}
