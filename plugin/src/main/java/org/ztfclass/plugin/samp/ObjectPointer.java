package org.ztfclass.plugin.samp;

import java.awt.Desktop;
import java.net.URI;
import java.util.List;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.client.HubConnection;
import org.astrogrid.samp.client.SampException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows ztfclass objects in the desktop tools: points the sky viewers at one
 * ({@code coord.pointAt.sky} broadcast), sends science cutouts ({@code image.load.fits}
 * broadcast, the FITS file served by the ztfclass server) and, when asked, opens the object's
 * web page in the desktop browser. Thread-safe.
 */
final class ObjectPointer {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectPointer.class);

    private final URI server;
    private final boolean openPages;

    /**
     * @param server    the ztfclass server
     * @param openPages open the object's page in the browser too (ignored where there is no desktop)
     */
    ObjectPointer(URI server, boolean openPages) {
        this.server = server;
        this.openPages = openPages;
    }

    /**
     * Points the viewers at the first row with a position, sends the science cutout of each row
     * and opens the first row's page if configured.
     *
     * @param rows matched rows (object id set), at least one
     */
    void show(HubConnection connection, List<AnsweredTables.Row> rows) throws SampException {
        for (AnsweredTables.Row r : rows) {
            if (r.ra() != null && r.dec() != null) {
                Message point = new Message("coord.pointAt.sky");
                point.addParam("ra", Double.toString(r.ra()));
                point.addParam("dec", Double.toString(r.dec()));
                connection.notifyAll(point);
                break;
            }
        }
        for (AnsweredTables.Row r : rows) {
            Message image = new Message("image.load.fits");
            image.addParam("url", cutoutUrl(r.objectId()));
            image.addParam("name", r.objectId() + " science cutout");
            connection.notifyAll(image);
        }
        if (openPages && Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            try {
                Desktop.getDesktop().browse(server.resolve("objects/" + rows.get(0).objectId()));
            } catch (Exception e) {
                LOG.warn("cannot open the page of {} in a browser: {}", rows.get(0).objectId(), e.getMessage());
            }
        }
    }

    /** @return the URL of an object's science cutout on the server */
    String cutoutUrl(String objectId) {
        return server.resolve("api/objects/" + objectId + "/cutouts/science.fits").toString();
    }
}
