package org.ztfclass.server.funnel;

import org.ztfclass.server.store.ObjectFacts;

/**
 * Drops candidates with a known solar-system object within {@code maxDistanceArcsec} that is
 * brighter than {@code maxMag} (ZTF's {@code ssdistnr}, {@code ssmagnr}; −999 means none known).
 */
public record AsteroidStage(double maxDistanceArcsec, double maxMag) implements FunnelStage {

    @Override
    public String name() {
        return "asteroids";
    }

    @Override
    public String settings() {
        return "no solar-system object within " + maxDistanceArcsec + " arcsec brighter than " + maxMag + " mag";
    }

    @Override
    public Drop judge(ObjectFacts f) {
        Double d = f.ssdistnr();
        if (d == null || d < 0 || d > maxDistanceArcsec) {
            return null;
        }
        if (f.ssmagnr() != null && f.ssmagnr() > 0 && f.ssmagnr() > maxMag) {
            return null;
        }
        return new Drop("solar-system object within " + maxDistanceArcsec + " arcsec",
                String.format("known solar-system object %.2f arcsec away, %s mag", d, f.ssmagnr() == null ? "?" : String.format("%.1f", f.ssmagnr())));
    }
}
