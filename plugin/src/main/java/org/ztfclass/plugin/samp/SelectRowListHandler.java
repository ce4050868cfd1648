package org.ztfclass.plugin.samp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.client.AbstractMessageHandler;
import org.astrogrid.samp.client.HubConnection;

/**
 * {@code table.select.rowList} (params {@code table-id}, {@code url}, {@code row-list}) on a
 * table ztfclass sent: the selected rows that are ztfclass objects are shown through
 * {@link ObjectPointer}: the sky viewers are pointed at the first, and the science cutouts of the
 * first {@link #MAX_CUTOUTS} are sent. The response's {@code ztfclass.objects} lists the object
 * ids shown. An empty selection is accepted and does nothing; a table ztfclass did not send, a
 * malformed row list, or a selection with no ztfclass object is answered with a SAMP error
 * saying which.
 */
final class SelectRowListHandler extends AbstractMessageHandler {

    static final String MTYPE = "table.select.rowList";
    /** Most cutouts sent for one selection (a TOPCAT selection can be thousands of rows). */
    static final int MAX_CUTOUTS = 5;

    private final AnsweredTables tables;
    private final ObjectPointer pointer;

    SelectRowListHandler(AnsweredTables tables, ObjectPointer pointer) {
        super(MTYPE);
        this.tables = tables;
        this.pointer = pointer;
    }

    @Override
    public Map processCall(HubConnection connection, String senderId, Message message) throws Exception {
        String url = (String) message.getParam("url");
        String tableId = (String) message.getParam("table-id");
        Object list = message.getParam("row-list");
        if (!(list instanceof List<?> rowList)) {
            throw new IllegalArgumentException("table.select.rowList needs a row-list parameter (a list of row indices)");
        }
        tables.alias(tableId, url);
        String key = tables.knows(url) ? url : tables.knows(tableId) ? tableId : null;
        if (key == null) {
            throw new IllegalArgumentException("table " + (url != null ? url : tableId) + " is not one ztfclass sent: "
                    + "send the table to ztfclass first and select rows in its answer");
        }
        List<AnsweredTables.Row> matched = new ArrayList<>();
        for (Object o : rowList) {
            int index;
            try {
                index = Integer.parseInt(String.valueOf(o).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("row-list: '" + o + "' is not a row index");
            }
            AnsweredTables.Row r = tables.row(key, index);
            if (r != null && r.objectId() != null && matched.size() < MAX_CUTOUTS) {
                matched.add(r);
            }
        }
        if (rowList.isEmpty()) {
            return Map.of("ztfclass.objects", List.of());
        }
        if (matched.isEmpty()) {
            throw new IllegalArgumentException("none of the " + rowList.size() + " selected rows is a ztfclass object "
                    + "(rows marked match=none are not known to the server)");
        }
        pointer.show(connection, matched);
        return Map.of("ztfclass.objects", matched.stream().map(AnsweredTables.Row::objectId).toList());
    }
}
