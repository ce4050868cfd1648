package org.ztfclass.plugin.samp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.astrogrid.samp.Metadata;
import org.astrogrid.samp.client.DefaultClientProfile;
import org.astrogrid.samp.client.HubConnector;
import org.astrogrid.samp.hub.Hub;
import org.astrogrid.samp.hub.HubServiceMode;
import org.ztfclass.plugin.server.ServerClient;

/**
 * The desktop SAMP client of ztfclass: registers with the running hub (or starts one when
 * asked) as {@code ztfclass}, and answers the messages of the VO tools with one handler per
 * MType. Reconnects by itself if the hub restarts. Not thread-safe to configure; the handlers
 * are called by JSAMP's threads.
 */
public final class SampBridge implements AutoCloseable {

    /** The SAMP name other clients see. */
    public static final String NAME = "ztfclass";

    private final HubConnector connector;
    private Hub hub;

    /**
     * @param server       the ztfclass server
     * @param outDir       where answer tables are written for the tools to load
     * @param radiusArcsec match radius for rows given by position
     */
    public SampBridge(ServerClient server, Path outDir, double radiusArcsec) {
        this(server, outDir, radiusArcsec, false, NAME);
    }

    /**
     * @param server       the ztfclass server
     * @param outDir       where answer tables are written for the tools to load
     * @param radiusArcsec match radius for rows given by position
     * @param openPages    also open an object's web page in the browser when a row is highlighted or selected
     * @param name         the SAMP name (tests run several bridges on one hub)
     */
    public SampBridge(ServerClient server, Path outDir, double radiusArcsec, boolean openPages, String name) {
        connector = new HubConnector(DefaultClientProfile.getProfile());
        Metadata meta = new Metadata();
        meta.setName(name);
        meta.setDescriptionText("Classifies ZTF transients: send a table of ZTF objects (by objectId or RA/Dec) and get it back "
                + "with SN Ia / SN II / Other probabilities, labels and links (server " + server.base() + ")");
        meta.put("author.affiliation", "ztfclass");
        meta.put("ztfclass.server", server.base().toString());
        connector.declareMetadata(meta);
        AnsweredTables answered = new AnsweredTables();
        LabelSender labels = new LabelSender(server);
        connector.addMessageHandler(new TableLoadHandler(server, outDir, radiusArcsec, answered, labels));
        connector.addMessageHandler(new LabelsSubmitHandler(server, radiusArcsec, labels));
        ObjectPointer pointer = new ObjectPointer(server.base(), openPages);
        connector.addMessageHandler(new HighlightRowHandler(answered, pointer));
        connector.addMessageHandler(new SelectRowListHandler(answered, pointer));
        connector.declareSubscriptions(connector.computeSubscriptions());
    }

    /**
     * Connects (and keeps reconnecting every {@code retrySeconds}).
     *
     * @param startHub start a hub in this process if none is running (Standard Profile only: the
     *                 Web Profile would need a window to authorise web clients)
     */
    public void start(boolean startHub, int retrySeconds) throws IOException {
        if (startHub && !DefaultClientProfile.getProfile().isHubRunning()) {
            hub = Hub.runHub(HubServiceMode.NO_GUI, new org.astrogrid.samp.hub.HubProfile[] {new org.astrogrid.samp.xmlrpc.StandardHubProfile()}, new org.astrogrid.samp.hub.HubProfile[0]);
        }
        connector.setActive(true);
        connector.setAutoconnect(retrySeconds);
    }

    /** @return true while registered with a hub */
    public boolean isConnected() {
        return connector.isConnected();
    }

    /** @return the other clients, by id, with their metadata */
    public Map<String, Object> clients() {
        return new LinkedHashMap<>(connector.getClientMap());
    }

    @Override
    public void close() {
        connector.setActive(false);
        if (hub != null) {
            hub.shutdown();
        }
    }
}
