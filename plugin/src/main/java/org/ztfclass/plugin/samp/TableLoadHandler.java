package org.ztfclass.plugin.samp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.client.AbstractMessageHandler;
import org.astrogrid.samp.client.HubConnection;
import org.ztfclass.plugin.server.ServerClient;

/**
 * {@code table.load.votable}: a table of ZTF objects from TOPCAT or Aladin goes to the ztfclass
 * server, and the answer (the same rows with probabilities, class, label, detections, peak
 * magnitude and page URL appended; unknown rows kept and marked) is sent back to the sender as a
 * {@code table.load.votable} of its own. Any failure (unreadable URL, not a VOTable, no id or
 * position column, server down) becomes a SAMP error response with the reason, through
 * {@link AbstractMessageHandler}; the bridge stays up.
 *
 * <p>A table with a label column ({@link LabelTable#IMPLICIT_COLUMNS}) also becomes labels: its
 * rows with a class are sent through {@link LabelSender} before the answer is made (so the answer's
 * {@code label_class} shows them), and the call's result holds {@code ztfclass.labels}: the counts
 * and refused rows. A refused token then fails the whole call.
 */
final class TableLoadHandler extends AbstractMessageHandler {

    static final String MTYPE = "table.load.votable";

    private final ServerClient server;
    private final Path outDir;
    private final double radiusArcsec;
    private final AnsweredTables answered;
    private final LabelSender labelSender;

    TableLoadHandler(ServerClient server, Path outDir, double radiusArcsec, AnsweredTables answered, LabelSender labelSender) {
        super(MTYPE);
        this.labelSender = labelSender;
        this.server = server;
        this.outDir = outDir;
        this.radiusArcsec = radiusArcsec;
        this.answered = answered;
    }

    @Override
    public Map processCall(HubConnection connection, String senderId, Message message) throws Exception {
        String url = (String) message.getParam("url");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("table.load.votable without a url parameter");
        }
        String name = message.getParam("name") instanceof String n ? n : "table";
        byte[] table = fetch(url);
        byte[] answer = server.match(table, radiusArcsec);
        Map<String, Object> result = Map.of();
        uk.ac.starlink.table.StarTable parsed = LabelTable.answer(answer);
        String labelColumn = LabelTable.implicitLabelColumn(parsed);
        if (labelColumn != null) {
            Map<String, Object> labels = labelSender.send(connection, LabelTable.read(parsed, labelColumn, false, null, null, null, null));
            result = Map.of("ztfclass.labels", labels);
            if (!"0".equals(labels.get("accepted"))) {
                answer = server.match(table, radiusArcsec); // the answer's label_class shows the labels just stored
                parsed = LabelTable.answer(answer);
            }
        }
        Files.createDirectories(outDir);
        Path file = Files.createTempFile(outDir, "ztfclass-", ".vot");
        Files.write(file, answer);
        String answerUrl = file.toUri().toURL().toString();
        answered.remember(answerUrl, rows(parsed));
        Message reply = new Message(MTYPE);
        reply.addParam("url", answerUrl);
        reply.addParam("name", "ztfclass: " + name);
        connection.notify(senderId, reply);
        return result;
    }

    /** @return the bytes at {@code url} ({@code file:} or {@code http(s):}) */
    static byte[] fetch(String url) throws IOException {
        try (InputStream in = new URL(url).openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IOException("cannot read the table at " + url + ": " + e.getMessage(), e);
        }
    }

    /** @return per answered row: the matched object and its position (read back with STIL) */
    private static java.util.List<AnsweredTables.Row> rows(uk.ac.starlink.table.StarTable t) throws Exception {
        int id = column(t, "ztf_objectId");
        int ra = column(t, "ztf_ra");
        int dec = column(t, "ztf_dec");
        java.util.List<AnsweredTables.Row> out = new java.util.ArrayList<>();
        try (uk.ac.starlink.table.RowSequence rs = t.getRowSequence()) {
            while (rs.next()) {
                Object oid = id < 0 ? null : rs.getCell(id);
                out.add(new AnsweredTables.Row(oid == null ? null : oid.toString(), ra < 0 ? null : number(rs.getCell(ra)),
                        dec < 0 ? null : number(rs.getCell(dec))));
            }
        }
        return out;
    }

    /** @return the last column whose name is {@code name} or {@code name_ztf} (the server's clash suffix), or -1 */
    private static int column(uk.ac.starlink.table.StarTable t, String name) {
        int found = -1;
        for (int i = 0; i < t.getColumnCount(); i++) {
            String n = t.getColumnInfo(i).getName();
            if (n.equals(name) || n.equals(name + "_ztf")) {
                found = i;
            }
        }
        return found;
    }

    private static Double number(Object o) {
        return o instanceof Number n && !Double.isNaN(n.doubleValue()) ? n.doubleValue() : null;
    }
}
