package org.ztfclass.plugin.samp;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.client.AbstractMessageHandler;
import org.astrogrid.samp.client.HubConnection;
import org.ztfclass.plugin.server.ServerClient;

/**
 * {@code ztfclass.labels.submit} (params {@code url}, optional {@code row-list}, {@code class},
 * {@code label-column}, {@code confidence}, {@code comment}): the rows of the table (all, or the
 * listed ones), matched to ztfclass objects by id or position, become labels on the server as the
 * token's user, through {@link LabelTable} and {@link LabelSender}. The result holds the counts and
 * the refused rows; a missing url, an unreadable table, a table without a label column and no
 * {@code class}, a refused token or an unreachable server are SAMP errors saying which.
 */
final class LabelsSubmitHandler extends AbstractMessageHandler {

    static final String MTYPE = "ztfclass.labels.submit";

    private final ServerClient server;
    private final double radiusArcsec;
    private final LabelSender sender;

    LabelsSubmitHandler(ServerClient server, double radiusArcsec, LabelSender sender) {
        super(MTYPE);
        this.server = server;
        this.radiusArcsec = radiusArcsec;
        this.sender = sender;
    }

    @Override
    public Map processCall(HubConnection connection, String senderId, Message message) throws Exception {
        String url = (String) message.getParam("url");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(MTYPE + " without a url parameter (the table whose rows to label)");
        }
        Set<Integer> chosen = null;
        Object list = message.getParam("row-list");
        if (list != null) {
            if (!(list instanceof List<?> rows)) {
                throw new IllegalArgumentException("row-list must be a list of row indices");
            }
            chosen = new LinkedHashSet<>();
            for (Object o : rows) {
                try {
                    chosen.add(Integer.parseInt(String.valueOf(o).trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("row-list: '" + o + "' is not a row index");
                }
            }
        }
        Double confidence = null;
        String c = text(message.getParam("confidence"));
        if (c != null) {
            try {
                confidence = Double.parseDouble(c);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("confidence '" + c + "' is not a number in 0..1");
            }
        }
        byte[] answer = server.match(TableLoadHandler.fetch(url), radiusArcsec);
        LabelTable.Batch batch = LabelTable.read(LabelTable.answer(answer), text(message.getParam("label-column")), true,
                text(message.getParam("class")), chosen, confidence, text(message.getParam("comment")));
        return sender.send(connection, batch);
    }

    private static String text(Object o) {
        return o instanceof String s && !s.isBlank() ? s.strip() : null;
    }
}
