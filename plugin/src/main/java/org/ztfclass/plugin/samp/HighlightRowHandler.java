package org.ztfclass.plugin.samp;

import java.net.URI;
import java.util.Map;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.client.AbstractMessageHandler;
import org.astrogrid.samp.client.HubConnection;

/**
 * {@code table.highlight.row} on a table ztfclass sent: points the sky viewers at the object
 * ({@code coord.pointAt.sky} broadcast) and sends them its science cutout from the server
 * ({@code image.load.fits} broadcast). A row of another table, or an unmatched row, is answered
 * with an error saying so.
 */
final class HighlightRowHandler extends AbstractMessageHandler {

    static final String MTYPE = "table.highlight.row";

    private final AnsweredTables tables;
    private final URI server;

    HighlightRowHandler(AnsweredTables tables, URI server) {
        super(MTYPE);
        this.tables = tables;
        this.server = server;
    }

    @Override
    public Map processCall(HubConnection connection, String senderId, Message message) throws Exception {
        String url = (String) message.getParam("url");
        String tableId = (String) message.getParam("table-id");
        int row = Integer.parseInt(String.valueOf(message.getParam("row")).trim());
        tables.alias(tableId, url);
        AnsweredTables.Row r = tables.row(url != null ? url : tableId, row);
        if (r == null) {
            r = tables.row(tableId, row);
        }
        if (r == null || r.objectId() == null) {
            throw new IllegalArgumentException("row " + row + " is not a ztfclass object (only tables ztfclass sent, matched rows)");
        }
        if (r.ra() != null && r.dec() != null) {
            Message point = new Message("coord.pointAt.sky");
            point.addParam("ra", Double.toString(r.ra()));
            point.addParam("dec", Double.toString(r.dec()));
            connection.notifyAll(point);
        }
        Message image = new Message("image.load.fits");
        image.addParam("url", server.resolve("api/objects/" + r.objectId() + "/cutouts/science.fits").toString());
        image.addParam("name", r.objectId() + " science cutout");
        connection.notifyAll(image);
        return Map.of();
    }
}
