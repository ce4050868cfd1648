package org.ztfclass.server.funnel;

import org.ztfclass.server.store.ObjectFacts;

/**
 * Keeps objects whose peak is brighter than {@code maxPeakMag}: the brightest detection, or the
 * catalogue's peak magnitude when the store holds no detection.
 */
public record FaintStage(double maxPeakMag) implements FunnelStage {

    @Override
    public String name() {
        return "faint";
    }

    @Override
    public String settings() {
        return "peak mag <= " + maxPeakMag;
    }

    @Override
    public Drop judge(ObjectFacts f) {
        Double peak = f.peakMag() != null ? f.peakMag() : f.cataloguePeakMag();
        if (peak == null) {
            return new Drop("no peak magnitude", "no detection and no catalogue peak magnitude");
        }
        return peak > maxPeakMag ? new Drop("peak fainter than " + maxPeakMag, String.format("peak mag %.2f > %s", peak, maxPeakMag)) : null;
    }
}
