package org.ztfclass.server.funnel;

import org.ztfclass.server.store.ObjectFacts;

/**
 * Drops light curves that look like long-lived variables rather than one transient event:
 * detections spanning more than {@code maxSpanDays}; more than {@code maxEpisodes} separate
 * episodes (bursts of detections 90 days or more apart: repeated rises); or, from the latest
 * alert, ZTF detections at this position that began more than {@code maxPriorHistoryDays}
 * before the object's first stored detection.
 */
public record VariabilityStage(double maxSpanDays, int maxEpisodes, double maxPriorHistoryDays) implements FunnelStage {

    @Override
    public String name() {
        return "variability";
    }

    @Override
    public String settings() {
        return "span <= " + maxSpanDays + " d, episodes <= " + maxEpisodes + ", prior ZTF history <= " + maxPriorHistoryDays + " d";
    }

    @Override
    public Drop judge(ObjectFacts f) {
        if (f.firstJd() != null && f.lastJd() != null && f.lastJd() - f.firstJd() > maxSpanDays) {
            return new Drop("detections span > " + maxSpanDays + " d",
                    String.format("detections span %.0f d > %s d", f.lastJd() - f.firstJd(), maxSpanDays));
        }
        if (f.episodes() > maxEpisodes) {
            return new Drop("> " + maxEpisodes + " episodes", f.episodes() + " separate episodes of detections > " + maxEpisodes);
        }
        if (f.jdstarthist() != null && f.firstJd() != null && f.firstJd() - f.jdstarthist() > maxPriorHistoryDays) {
            return new Drop("ZTF history > " + maxPriorHistoryDays + " d before first detection",
                    String.format("ZTF detected this position %.0f d before the first stored detection (> %s d)",
                            f.firstJd() - f.jdstarthist(), maxPriorHistoryDays));
        }
        return null;
    }
}
