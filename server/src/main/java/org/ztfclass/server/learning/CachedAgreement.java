package org.ztfclass.server.learning;

import java.sql.SQLException;

/**
 * The agreement report of the label log, computed once per state of the log and shared by every
 * reader (issue 13, finding 7: 100 concurrent readers of {@code /api/learning/agreement} each
 * read every vote and computed every pair, answering after 63 s at p50). The label log is
 * append-only, so its highest event id names its state: a reader checks that id (one index probe)
 * and gets the report computed for it; when labels arrived since, the first reader recomputes
 * while the others wait for that one computation instead of starting their own. Thread-safe.
 */
public final class CachedAgreement {

    private final LabelLog labels;
    private long computedForLabelId = -1;
    private Agreement.Report report;
    private long computations;

    public CachedAgreement(LabelLog labels) {
        this.labels = labels;
    }

    /** @return the agreement of the label log as it is now */
    public synchronized Agreement.Report current() throws SQLException {
        long last = labels.lastLabelId();
        if (report == null || last != computedForLabelId) {
            report = Agreement.of(Consensus.of(labels.votes()));
            computedForLabelId = last;
            computations++;
        }
        return report;
    }

    /** @return how many times the report was computed (for tests) */
    synchronized long computations() {
        return computations;
    }
}
