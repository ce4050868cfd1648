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
 */
final class TableLoadHandler extends AbstractMessageHandler {

    static final String MTYPE = "table.load.votable";

    private final ServerClient server;
    private final Path outDir;
    private final double radiusArcsec;

    TableLoadHandler(ServerClient server, Path outDir, double radiusArcsec) {
        super(MTYPE);
        this.server = server;
        this.outDir = outDir;
        this.radiusArcsec = radiusArcsec;
    }

    @Override
    public Map processCall(HubConnection connection, String senderId, Message message) throws Exception {
        String url = (String) message.getParam("url");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("table.load.votable without a url parameter");
        }
        String name = message.getParam("name") instanceof String n ? n : "table";
        byte[] table;
        try (InputStream in = new URL(url).openStream()) {
            table = in.readAllBytes();
        } catch (IOException e) {
            throw new IOException("cannot read the table at " + url + ": " + e.getMessage(), e);
        }
        byte[] answer = server.match(table, radiusArcsec);
        Files.createDirectories(outDir);
        Path file = Files.createTempFile(outDir, "ztfclass-", ".vot");
        Files.write(file, answer);
        Message reply = new Message(MTYPE);
        reply.addParam("url", file.toUri().toURL().toString());
        reply.addParam("name", "ztfclass: " + name);
        connection.notify(senderId, reply);
        return Map.of();
    }
}
