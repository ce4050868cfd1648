package org.ztfclass.plugin.samp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ztfclass.plugin.server.ServerClient;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.TokenStore;
import org.ztfclass.server.auth.User;
import org.ztfclass.server.auth.UserStore;

/**
 * Labels over SAMP: a label column in a table sent with table.load.votable, ztfclass.labels.submit
 * (row subsets, big tables in batches, named label columns), the ztfclass.label.updated broadcast,
 * and the refusals for a viewer's, a revoked or no token. The hub, server and bridge (on the
 * labeller ada's token) are {@link SampFixture}'s.
 */
@ExtendWith(SampFixture.Resolver.class)
class SampLabelsTest {

    private static SampFixture samp;

    @BeforeAll
    static void fixture(SampFixture shared) {
        samp = shared;
    }

    /** @return the labels stored with source samp: "objectId fineClass topClass user", oldest first */
    private static List<String> sampLabels() throws Exception {
        List<String> out = new ArrayList<>();
        try (java.sql.Connection c = samp.db.connect(); java.sql.ResultSet rs = c.createStatement().executeQuery(
                "SELECT l.object_id, l.fine_class, l.top_class, u.name, l.confidence, l.comment FROM labels l "
                        + "JOIN users u ON u.id = l.user_id WHERE l.source = 'samp' ORDER BY l.id")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4) + " "
                        + rs.getObject(5) + " " + rs.getString(6));
            }
        }
        return out;
    }

    /** A second ztfclass-aware client (JSAMP) that collects the ztfclass.label.updated broadcasts. */
    private static org.astrogrid.samp.client.HubConnector listener(java.util.concurrent.BlockingQueue<Map<?, ?>> updates)
            throws Exception {
        org.astrogrid.samp.client.HubConnector listener = new org.astrogrid.samp.client.HubConnector(
                org.astrogrid.samp.client.DefaultClientProfile.getProfile());
        org.astrogrid.samp.Metadata meta = new org.astrogrid.samp.Metadata();
        meta.setName("ztfclass-listener");
        listener.declareMetadata(meta);
        listener.addMessageHandler(new org.astrogrid.samp.client.AbstractMessageHandler(LabelSender.UPDATED_MTYPE) {
            @Override
            public Map processCall(org.astrogrid.samp.client.HubConnection connection, String senderId,
                    org.astrogrid.samp.Message message) {
                updates.add(message.getParams());
                return Map.of();
            }
        });
        listener.declareSubscriptions(listener.computeSubscriptions());
        listener.setActive(true);
        for (int i = 0; i < 100 && !listener.isConnected(); i++) {
            Thread.sleep(100);
        }
        assertTrue(listener.isConnected(), "the listener registered");
        return listener;
    }

    /**
     * astropy.samp sends a table it made with a label column: the labelled rows that are ztfclass
     * objects (by id or by position) are stored as the token's user with source samp, the two bad
     * rows are reported with their reasons, the same table again is deduplicated, a row subset
     * with one class goes through ztfclass.labels.submit, and another JSAMP client hears
     * ztfclass.label.updated each time labels were stored.
     */
    @Test
    void labelsFromAnAstropyTableAreStoredAsTheTokensUserAndBroadcast() throws Exception {
        java.util.concurrent.BlockingQueue<Map<?, ?>> updates = new java.util.concurrent.LinkedBlockingQueue<>();
        org.astrogrid.samp.client.HubConnector listener = listener(updates);
        try {
            List<String> before = sampLabels();
            JsonNode out = samp.peer("labels");
            JsonNode first = out.get("first");
            assertEquals("samp.ok", first.get("status").asText(), out.toString());
            JsonNode labels = first.get("result").get("ztfclass.labels");
            assertEquals("2", labels.get("accepted").asText(), out.toString());
            assertEquals("0", labels.get("deduplicated").asText());
            assertEquals("2", labels.get("rejected").asText());
            assertEquals("ada", labels.get("user").asText());
            assertEquals("label", labels.get("label-column").asText());
            JsonNode rejections = labels.get("rejections");
            assertEquals("2", rejections.get(0).get("row").asText());
            assertTrue(rejections.get(0).get("error").asText().contains("not a ztfclass object"), out.toString());
            assertEquals("3", rejections.get(1).get("row").asText());
            assertEquals("ZTF20aaelulu", rejections.get(1).get("objectId").asText());
            assertTrue(rejections.get(1).get("error").asText().contains("unknown class 'SN_XX'"), out.toString());
            List<String> stored = sampLabels().subList(before.size(), sampLabels().size());
            assertEquals(List.of("ZTF20aaelulu SN Ia SN_IA ada 0.9 from astropy", "ZTF17aaazdba TDE OTHER ada 0.8 null"),
                    stored.subList(0, 2), "row 0 by id, row 1 (AT2019azh) by position; rows 2, 3 refused, row 4 has no label");
            assertEquals("SN_IA", out.get("answer_labels").get(0).asText(),
                    "the answer table shows the new label (the catalogue's SN Ic made it OTHER before): " + out);

            JsonNode again = out.get("again").get("result").get("ztfclass.labels");
            assertEquals("0", again.get("accepted").asText(), out.toString());
            assertEquals("2", again.get("deduplicated").asText(), "the same table resent is not labelled twice");

            JsonNode submit = out.get("submit");
            assertEquals("samp.ok", submit.get("status").asText(), out.toString());
            assertEquals("1", submit.get("result").get("accepted").asText(), out.toString());
            assertEquals("1", submit.get("result").get("rejected").asText());
            assertTrue(submit.get("result").get("rejections").get(0).get("error").asText().contains("row 99 is not in the table"));
            assertEquals(List.of("ZTF20aaelulu SN Ia SN_IA ada 0.9 from astropy", "ZTF17aaazdba TDE OTHER ada 0.8 null",
                    "ZTF17aaazdba SN II SN_II ada 0.5 selected in astropy"), sampLabels().subList(before.size(), sampLabels().size()));

            Map<?, ?> update = updates.poll(30, TimeUnit.SECONDS);
            assertTrue(update != null, "the listener heard ztfclass.label.updated");
            assertEquals(List.of("ZTF20aaelulu", "ZTF17aaazdba"), update.get("objectIds"));
            assertEquals(List.of("SN Ia", "TDE"), update.get("classes"));
            assertEquals("ada", update.get("user"));
            assertEquals("samp", update.get("source"));
            assertEquals("2", update.get("accepted"));
            assertEquals("http://127.0.0.1:" + samp.server.port() + "/", update.get("server"));
            Map<?, ?> second = updates.poll(30, TimeUnit.SECONDS);
            assertTrue(second != null, "a broadcast for ztfclass.labels.submit too (none for the deduplicated resend)");
            assertEquals(List.of("ZTF17aaazdba"), second.get("objectIds"));
            assertEquals(List.of("SN_II"), second.get("classes"));
            assertEquals(null, updates.poll(1, TimeUnit.SECONDS), "nothing else was broadcast");
            assertTrue(samp.bridge.isConnected());
        } finally {
            listener.setActive(false);
        }
    }

    /** A viewer's token, a revoked token and no token: SAMP errors saying why, nothing stored, every bridge stays up. */
    @Test
    void labelsWithAViewerRevokedOrNoTokenAreRefusedAndTheBridgesStayUp() throws Exception {
        UserStore users = new UserStore(samp.db);
        User vic = users.create("vic", Role.VIEWER, "vic-password-1");
        String vicToken = samp.tokens.create(vic, "viewer").token();
        TokenStore.Created old = samp.tokens.create(samp.ada, "to revoke");
        samp.tokens.revoke(samp.ada, old.listing().id());
        URI base = URI.create("http://127.0.0.1:" + samp.server.port());
        SampBridge viewer = new SampBridge(new ServerClient(base, vicToken), samp.tmp.resolve("v"), 1.5, false, "ztfclass-viewer");
        SampBridge revoked = new SampBridge(new ServerClient(base, old.token()), samp.tmp.resolve("r"), 1.5, false, "ztfclass-revoked-token");
        SampBridge none = new SampBridge(new ServerClient(base, null), samp.tmp.resolve("n"), 1.5, false, "ztfclass-no-token");
        try {
            for (SampBridge b : List.of(viewer, revoked, none)) {
                b.start(false, 1);
            }
            for (int i = 0; i < 100 && !(viewer.isConnected() && revoked.isConnected() && none.isConnected()); i++) {
                Thread.sleep(100);
            }
            List<String> before = sampLabels();
            JsonNode out = samp.peer("labels-refused", "ztfclass-viewer", "ztfclass-revoked-token", "ztfclass-no-token");
            assertEquals("samp.error", out.get("ztfclass-viewer").get("status").asText(), out.toString());
            assertTrue(out.get("ztfclass-viewer").get("error").asText().contains("refused to store labels (HTTP 403"), out.toString());
            assertTrue(out.get("ztfclass-viewer").get("error").asText().contains("may not label"), out.toString());
            assertEquals("samp.error", out.get("ztfclass-revoked-token").get("status").asText(), out.toString());
            assertTrue(out.get("ztfclass-revoked-token").get("error").asText().contains("refused the API token (HTTP 401"), out.toString());
            assertEquals("samp.error", out.get("ztfclass-no-token").get("status").asText(), out.toString());
            assertTrue(out.get("ztfclass-no-token").get("error").asText().contains("labels need an API token"), out.toString());
            assertEquals(before, sampLabels(), "nothing stored");
            assertTrue(viewer.isConnected() && revoked.isConnected() && none.isConnected() && samp.bridge.isConnected());
        } finally {
            viewer.close();
            revoked.close();
            none.close();
        }
    }

    /** A VOTable with an objectId column and the given other string columns, one array per row. */
    private static Path votable(String name, List<String> columns, List<String[]> rows) throws Exception {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">"
                + "<RESOURCE><TABLE>");
        for (String c : columns) {
            b.append("<FIELD name=\"").append(c).append("\" datatype=\"char\" arraysize=\"*\"/>");
        }
        b.append("<DATA><TABLEDATA>\n");
        for (String[] r : rows) {
            b.append("<TR>");
            for (String v : r) {
                b.append("<TD>").append(v).append("</TD>");
            }
            b.append("</TR>\n");
        }
        b.append("</TABLEDATA></DATA></TABLE></RESOURCE></VOTABLE>\n");
        return Files.writeString(samp.tmp.resolve(name), b.toString());
    }

    /**
     * ztfclass.labels.submit from a JSAMP peer: a 10,002-row table with a {@code class} column
     * (read as labels only when asked) goes to the server in two batches, the rejected rows keep
     * their own row numbers (a confidence that is not a number, an unknown class in the last row),
     * repeats in the table are deduplicated; a column named by {@code label-column} is used; a
     * table without a label column and no {@code class} is a SAMP error naming the columns looked for.
     */
    @Test
    void labelsSubmitTakesBigTablesInBatchesAndNamedLabelColumns() throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 10_002; i++) {
            rows.add(new String[] {"ZTF17aadlxmv", i == 10_001 ? "SN_XX" : "SN Ia", i == 1 ? "high" : "0.7"});
        }
        Path big = votable("big.vot", List.of("objectId", "class", "label_confidence"), rows);
        Path named = votable("named.vot", List.of("objectId", "my_class"), List.<String[]>of(new String[] {"ZTF18aaaqexr", "SN IIn"}));
        Path none = votable("none.vot", List.of("objectId", "flux"), List.<String[]>of(new String[] {"ZTF18aaaqexr", "1.0"}));
        org.astrogrid.samp.client.HubConnector peer = new org.astrogrid.samp.client.HubConnector(
                org.astrogrid.samp.client.DefaultClientProfile.getProfile());
        try {
            org.astrogrid.samp.Metadata meta = new org.astrogrid.samp.Metadata();
            meta.setName("java-label-peer");
            peer.declareMetadata(meta);
            peer.setActive(true);
            for (int i = 0; i < 100 && !peer.isConnected(); i++) {
                Thread.sleep(100);
            }
            org.astrogrid.samp.client.HubConnection c = peer.getConnection();
            String id = null;
            for (String cid : c.getRegisteredClients()) {
                if (SampBridge.NAME.equals(c.getMetadata(cid).getName())) {
                    id = cid;
                }
            }
            org.astrogrid.samp.Message m = new org.astrogrid.samp.Message(LabelsSubmitHandler.MTYPE);
            m.addParam("url", big.toUri().toURL().toString());
            org.astrogrid.samp.Response r = c.callAndWait(id, m, 300);
            assertEquals("samp.ok", r.getStatus(), String.valueOf(r.getErrInfo()));
            Map<?, ?> result = r.getResult();
            assertEquals("1", result.get("accepted"), result.toString().substring(0, 300));
            assertEquals("9999", result.get("deduplicated"));
            assertEquals("2", result.get("rejected"));
            assertEquals("class", result.get("label-column"));
            List<?> rejections = (List<?>) result.get("rejections");
            assertEquals("1", ((Map<?, ?>) rejections.get(0)).get("row"));
            assertTrue(((Map<?, ?>) rejections.get(0)).get("error").toString().contains("label_confidence 'high' is not a number"));
            assertEquals("10001", ((Map<?, ?>) rejections.get(1)).get("row"), "the second batch's rejection keeps its row number");
            assertTrue(((Map<?, ?>) rejections.get(1)).get("error").toString().contains("unknown class 'SN_XX'"));

            m = new org.astrogrid.samp.Message(LabelsSubmitHandler.MTYPE);
            m.addParam("url", named.toUri().toURL().toString());
            m.addParam("label-column", "my_class");
            m.addParam("confidence", "0.6");
            r = c.callAndWait(id, m, 60);
            assertEquals("samp.ok", r.getStatus(), String.valueOf(r.getErrInfo()));
            assertEquals("1", r.getResult().get("accepted"));
            assertTrue(sampLabels().contains("ZTF18aaaqexr SN IIn SN_II ada 0.6 null"), sampLabels().toString());

            m = new org.astrogrid.samp.Message(LabelsSubmitHandler.MTYPE);
            m.addParam("url", none.toUri().toURL().toString());
            r = c.callAndWait(id, m, 60);
            assertEquals("samp.error", r.getStatus());
            assertTrue(r.getErrInfo().getErrortxt().contains("no label column (looked for ztf_label, label, class"),
                    r.getErrInfo().getErrortxt());
            assertTrue(samp.bridge.isConnected());
        } finally {
            peer.setActive(false);
        }
    }
}
