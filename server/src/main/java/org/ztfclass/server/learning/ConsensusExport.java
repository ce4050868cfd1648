package org.ztfclass.server.learning;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.ztfclass.server.store.LabelExport;
import org.ztfclass.server.store.RowCursor;
import org.ztfclass.votables.domain.TransientClass;

/**
 * The consensus class of objects, a page at a time, for export ({@code GET /api/labels?consensus=true}):
 * the same rule as training ({@link Consensus}: each person or catalogue counted once with their
 * latest label, automatic labels never counted, a majority wins) over the votes read in object
 * order, so a page costs memory for its own rows only. Objects whose leading classes tie have no
 * consensus and are left out, as {@link ConsensusObjects} leaves them out of training.
 * Thread-safe.
 */
public final class ConsensusExport {

    /**
     * One object's consensus.
     *
     * @param ra          the object's position, ICRS degrees; null if unknown
     * @param dec         the object's position, ICRS degrees; null if unknown
     * @param topClass    the majority class
     * @param labellers   people and catalogues that labelled the object
     * @param lastLabelAt time of the object's latest counted label, {@code yyyy-MM-ddTHH:mm:ss.SSSZ}
     */
    public record Row(String objectId, Double ra, Double dec, TransientClass topClass, int labellers, int votesSnIa, int votesSnIi,
                      int votesOther, String lastLabelAt) {
    }

    /**
     * @param rows the page's objects, by object id
     * @param more whether another object with a consensus (of the class asked for) follows the last row
     */
    public record Page(List<Row> rows, boolean more) {

        /** @return the cursor for the next page: the last row's object id; null for an empty page */
        public String lastObjectId() {
            return rows.isEmpty() ? null : rows.get(rows.size() - 1).objectId();
        }
    }

    private final LabelExport store;

    public ConsensusExport(LabelExport store) {
        this.store = store;
    }

    /**
     * @param afterObjectId the page starts after this object id; null for the first page
     * @param only          keep objects whose consensus is this class; null for every class
     * @param limit         most rows, 1 or more
     */
    public Page page(String afterObjectId, TransientClass only, int limit) throws SQLException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        List<Row> rows = new ArrayList<>();
        List<LabelExport.VoteRow> group = new ArrayList<>();
        try (RowCursor<LabelExport.VoteRow> votes = store.votesByObject(afterObjectId)) {
            while (votes.next()) {
                LabelExport.VoteRow v = votes.current();
                if (!group.isEmpty() && !group.get(0).objectId().equals(v.objectId())) {
                    Row r = consensus(group, only);
                    group.clear();
                    if (r != null) {
                        if (rows.size() == limit) {
                            return new Page(rows, true);
                        }
                        rows.add(r);
                    }
                }
                group.add(v);
            }
        }
        Row last = group.isEmpty() ? null : consensus(group, only);
        if (last != null) {
            if (rows.size() == limit) {
                return new Page(rows, true);
            }
            rows.add(last);
        }
        return new Page(rows, false);
    }

    /** @return the object's consensus row, or null when tied or not of class {@code only} */
    private static Row consensus(List<LabelExport.VoteRow> group, TransientClass only) {
        List<Vote> votes = new ArrayList<>(group.size());
        String latest = null;
        for (LabelExport.VoteRow v : group) {
            votes.add(new Vote(v.labelId(), v.objectId(), LabelLog.labeller(v.source(), v.sourceRef(), v.userId()),
                    TransientClass.valueOf(v.topClass())));
            latest = v.createdAt();
        }
        Consensus.Outcome o = Consensus.of(votes).get(0);
        if (o.tied() || (only != null && o.label() != only)) {
            return null;
        }
        LabelExport.VoteRow first = group.get(0);
        return new Row(o.objectId(), first.ra(), first.dec(), o.label(), o.labellers(), o.votes().getOrDefault(TransientClass.SN_IA, 0),
                o.votes().getOrDefault(TransientClass.SN_II, 0), o.votes().getOrDefault(TransientClass.OTHER, 0), latest);
    }
}
