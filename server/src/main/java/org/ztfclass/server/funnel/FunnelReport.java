package org.ztfclass.server.funnel;

import java.util.List;
import org.ztfclass.server.store.FunnelStore;

/**
 * What a funnel run did: objects in, per stage in / dropped / out and the most frequent reason,
 * objects rescued by hand, objects out, and how the run differs from the previous one.
 *
 * @param run        the run
 * @param stages     per-stage counts and settings, in order
 * @param previous   the previous run's per-stage counts (empty if none), for comparison
 * @param difference object-level changes against the previous run, null if there is none
 */
public record FunnelReport(FunnelStore.Run run, List<FunnelStore.StageCount> stages, List<FunnelStore.StageCount> previous, FunnelStore.Difference difference) {

    /** @return a plain-text table for the console */
    public String table() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("funnel run %d: %,d objects in%n", run.id(), run.in()));
        b.append(String.format("%-3s %-15s %12s %12s %12s %14s  %s%n", "#", "stage", "in", "dropped", "out", "vs previous", "main reason"));
        for (FunnelStore.StageCount s : stages) {
            String delta = "";
            for (FunnelStore.StageCount p : previous) {
                if (p.stage().equals(s.stage())) {
                    delta = String.format("%+,d", s.dropped() - p.dropped());
                }
            }
            b.append(String.format("%-3d %-15s %,12d %,12d %,12d %14s  %s%n", s.position(), s.stage(), s.in(), s.dropped(), s.out(),
                    delta, s.mainReason() == null ? "" : s.mainReason()));
        }
        b.append(String.format("rescued by hand: %,d; out: %,d transients; %.2f s%n", run.rescued(), run.out(),
                run.seconds() == null ? 0 : run.seconds()));
        if (difference != null) {
            b.append(String.format("against the previous run: %,d newly dropped, %,d newly passed, %,d dropped by another stage%n",
                    difference.newlyDropped(), difference.newlyPassed(), difference.droppedByAnotherStage()));
        }
        return b.toString();
    }
}
