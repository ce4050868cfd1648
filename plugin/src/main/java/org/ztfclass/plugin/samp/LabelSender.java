package org.ztfclass.plugin.samp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.astrogrid.samp.Message;
import org.astrogrid.samp.client.HubConnection;
import org.ztfclass.plugin.server.LabelAnswer;
import org.ztfclass.plugin.server.LabelClient;
import org.ztfclass.plugin.server.ServerClient;

/**
 * Sends a {@link LabelTable.Batch} to the server (source {@code samp}, as the token's user),
 * tells the other clients with a {@code ztfclass.label.updated} broadcast when labels were stored,
 * and builds the SAMP result for the sender: counts and, per refused row, its index, object and
 * why (rows refused by the bridge and by the server together, one bad row never stopping the
 * others). An empty batch is not sent; a table of more than {@link #CHUNK} labels goes in several
 * requests (each stored in its own transaction). Thread-safe.
 */
final class LabelSender {

    /** The broadcast after the server stored labels sent over SAMP. */
    static final String UPDATED_MTYPE = "ztfclass.label.updated";
    /** Most labels per request: the server's limit for one batch ({@code LabelService.MAX_BATCH}). */
    static final int CHUNK = 10_000;

    private final ServerClient server;
    private final LabelClient labels;

    LabelSender(ServerClient server) {
        this.server = server;
        this.labels = new LabelClient(server);
    }

    /**
     * @return the SAMP result: {@code accepted}, {@code deduplicated}, {@code rejected} (counts, as
     *         strings), {@code user}, {@code label-column} and {@code rejections} (a list of maps
     *         {@code row}, {@code objectId}, {@code error})
     * @throws java.io.IOException when the server refuses the batch as a whole (no, revoked or viewer token; server down)
     */
    Map<String, Object> send(HubConnection connection, LabelTable.Batch batch) throws Exception {
        List<Map<String, Object>> rejections = new ArrayList<>();
        for (LabelTable.Refused r : batch.refused()) {
            rejections.add(rejection(r.row(), r.objectId(), r.error()));
        }
        LabelAnswer answer = submitInChunks(batch.requests());
        boolean[] refusedByServer = new boolean[batch.requests().size()];
        for (LabelAnswer.Rejected r : answer.rejected()) {
            if (r.index() >= 0 && r.index() < refusedByServer.length) {
                refusedByServer[r.index()] = true;
                int row = batch.rows().get(r.index());
                rejections.add(rejection(row, r.objectId(), "row " + row + ": " + r.error()));
            }
        }
        rejections.sort(java.util.Comparator.comparingInt(m -> Integer.parseInt((String) m.get("row"))));
        List<String> objectIds = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (int i = 0; i < refusedByServer.length; i++) {
            if (!refusedByServer[i]) {
                objectIds.add(batch.requests().get(i).objectId());
                classes.add(batch.requests().get(i).className());
            }
        }
        String user = answer.user() == null ? "" : answer.user();
        if (answer.accepted() > 0) {
            Message updated = new Message(UPDATED_MTYPE);
            updated.addParam("objectIds", objectIds);
            updated.addParam("classes", classes);
            updated.addParam("user", user);
            updated.addParam("source", "samp");
            updated.addParam("accepted", Integer.toString(answer.accepted()));
            updated.addParam("deduplicated", Integer.toString(answer.deduplicated()));
            updated.addParam("rejected", Integer.toString(rejections.size()));
            updated.addParam("server", server.base().toString());
            connection.notifyAll(updated);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("accepted", Integer.toString(answer.accepted()));
        result.put("deduplicated", Integer.toString(answer.deduplicated()));
        result.put("rejected", Integer.toString(rejections.size()));
        result.put("user", user);
        result.put("label-column", batch.labelColumn() == null ? "" : batch.labelColumn());
        result.put("rejections", rejections);
        return result;
    }

    /** Sends the labels in batches the server takes (at most {@link #CHUNK}); the answers merged, indices into the whole list. */
    private LabelAnswer submitInChunks(List<org.ztfclass.plugin.server.LabelRequest> requests) throws java.io.IOException {
        int accepted = 0;
        int deduplicated = 0;
        String user = null;
        List<LabelAnswer.Rejected> rejected = new ArrayList<>();
        for (int from = 0; from < requests.size(); from += CHUNK) {
            LabelAnswer a = labels.submit(requests.subList(from, Math.min(requests.size(), from + CHUNK)));
            accepted += a.accepted();
            deduplicated += a.deduplicated();
            user = a.user();
            for (LabelAnswer.Rejected r : a.rejected()) {
                rejected.add(new LabelAnswer.Rejected(from + r.index(), r.objectId(), r.error()));
            }
        }
        return new LabelAnswer(accepted, deduplicated, rejected, user);
    }

    private static Map<String, Object> rejection(int row, String objectId, String error) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("row", Integer.toString(row));
        m.put("objectId", objectId == null ? "" : objectId);
        m.put("error", error);
        return m;
    }
}
