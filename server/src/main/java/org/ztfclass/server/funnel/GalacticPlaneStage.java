package org.ztfclass.server.funnel;

import org.ztfclass.server.store.ObjectFacts;
import org.ztfclass.votables.sky.GalacticLatitude;

/**
 * Drops objects within {@code bMin} degrees of the Galactic plane (crowded, extincted, mostly
 * stellar). An object without a position (known only from a light-curve file) cannot be judged
 * and is kept.
 */
public record GalacticPlaneStage(double bMin) implements FunnelStage {

    @Override
    public String name() {
        return "galactic_plane";
    }

    @Override
    public String settings() {
        return "|b| >= " + bMin + " deg";
    }

    @Override
    public Drop judge(ObjectFacts f) {
        if (f.ra() == null || f.dec() == null) {
            return null;
        }
        double b = GalacticLatitude.of(f.ra(), f.dec());
        return Math.abs(b) < bMin ? new Drop("|b| < " + bMin + " deg", String.format("|b| = %.2f deg < %s deg", Math.abs(b), bMin)) : null;
    }
}
