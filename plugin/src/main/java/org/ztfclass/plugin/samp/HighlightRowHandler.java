package org.ztfclass.plugin.samp;

import java.util.List;
import java.util.Map;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.client.AbstractMessageHandler;
import org.astrogrid.samp.client.HubConnection;

/**
 * {@code table.highlight.row} on a table ztfclass sent: points the sky viewers at the object
 * ({@code coord.pointAt.sky} broadcast) and sends them its science cutout from the server
 * ({@code image.load.fits} broadcast), through {@link ObjectPointer}. A row of another table, or
 * an unmatched row, is answered with an error saying so.
 */
final class HighlightRowHandler extends AbstractMessageHandler {

    static final String MTYPE = "table.highlight.row";

    private final AnsweredTables tables;
    private final ObjectPointer pointer;

    HighlightRowHandler(AnsweredTables tables, ObjectPointer pointer) {
        super(MTYPE);
        this.tables = tables;
        this.pointer = pointer;
    }

    @Override
    public Map processCall(HubConnection connection, String senderId, Message message) throws Exception {
        String url = (String) message.getParam("url");
        String tableId = (String) message.getParam("table-id");
        Object rowParam = message.getParam("row");
        int row;
        try {
            row = Integer.parseInt(String.valueOf(rowParam).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("table.highlight.row: row '" + rowParam + "' is not a row index");
        }
        tables.alias(tableId, url);
        AnsweredTables.Row r = tables.row(url != null ? url : tableId, row);
        if (r == null) {
            r = tables.row(tableId, row);
        }
        if (r == null || r.objectId() == null) {
            throw new IllegalArgumentException("row " + row + " is not a ztfclass object (only tables ztfclass sent, matched rows)");
        }
        pointer.show(connection, List.of(r));
        return Map.of();
    }
}
