package org.ztfclass.models.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ztfclass.models.ModelSamples;
import org.ztfclass.votables.domain.Band;
import org.ztfclass.votables.domain.CatalogueEntry;
import org.ztfclass.votables.domain.Detection;

/**
 * Features measured from real SN Ia light curves agree with the same objects' BTS summaries.
 * Tolerances (stated here, checked on all 1,673 shipped SN Ia that have both): median absolute
 * difference ≤ 0.05 mag in peak magnitude, ≤ 1 d in peak time, ≤ 2 d in rise, ≤ 5 d in fade and
 * duration; 80th percentiles ≤ 0.15 mag, 4 d, 4 d, 10 d, 10 d. Lower limits on either side are
 * left out of the rise/fade/duration comparisons.
 */
class LightCurveShapeTest {

    @Test
    void measuredShapesAgreeWithTheBtsSummaries() throws Exception {
        Map<String, CatalogueEntry> bts = ModelSamples.bts();
        List<Double> mag = new ArrayList<>();
        List<Double> time = new ArrayList<>();
        List<Double> rise = new ArrayList<>();
        List<Double> fade = new ArrayList<>();
        List<Double> duration = new ArrayList<>();
        for (Path f : ModelSamples.lightCurveFiles()) {
            CatalogueEntry e = bts.get(f.getFileName().toString().replace(".csv", ""));
            if (e == null || e.peakMag() == null) {
                continue;
            }
            LightCurveShape s = LightCurveShape.measure(ModelSamples.lightCurve(f));
            mag.add(Math.abs(s.peakMag() - e.peakMag()));
            time.add(Math.abs(s.peakJd() - e.peakJd()));
            String limits = e.lowerLimits() == null ? "" : e.lowerLimits();
            if (!s.riseIsLowerLimit() && !Double.isNaN(s.riseDays()) && e.riseDays() != null && !limits.contains("rise")) {
                rise.add(Math.abs(s.riseDays() - e.riseDays()));
            }
            if (!s.fadeIsLowerLimit() && !Double.isNaN(s.fadeDays()) && e.fadeDays() != null && !limits.contains("fade")) {
                fade.add(Math.abs(s.fadeDays() - e.fadeDays()));
            }
            if (!s.riseIsLowerLimit() && !s.fadeIsLowerLimit() && !Double.isNaN(s.durationDays()) && e.durationDays() != null
                    && limits.isEmpty()) {
                duration.add(Math.abs(s.durationDays() - e.durationDays()));
            }
        }
        assertEquals(1673, mag.size(), "SN Ia with both a light curve and a BTS summary");
        check("peak mag", mag, 0.05, 0.15);
        check("peak time", time, 1.0, 4.0);
        check("rise", rise, 2.0, 4.0);
        check("fade", fade, 5.0, 10.0);
        check("duration", duration, 5.0, 10.0);
        assertTrue(rise.size() > 500 && fade.size() > 1000, "enough well-sampled curves: " + rise.size() + ", " + fade.size());
    }

    private static void check(String what, List<Double> diffs, double medianMax, double p80Max) {
        List<Double> v = new ArrayList<>(diffs);
        Collections.sort(v);
        double median = v.get(v.size() / 2);
        double p80 = v.get((int) (v.size() * 0.8));
        assertTrue(median <= medianMax, what + " median " + median + " > " + medianMax);
        assertTrue(p80 <= p80Max, what + " 80th percentile " + p80 + " > " + p80Max);
    }

    @Test
    void syntheticRiseAndFadeAreExact() {
        // flux 1 at t=0, 2 at t=10 (peak), 1 at t=30: half maximum exactly at t=0 and t=30
        List<Detection> lc = List.of(point(0, 25 + 2.5 * Math.log10(1e0 / 1)), point(10, 25 - 2.5 * Math.log10(2)),
                point(30, 25));
        LightCurveShape s = LightCurveShape.measure(lc);
        assertEquals(10, s.riseDays(), 1e-9);
        assertEquals(20, s.fadeDays(), 1e-9);
        assertEquals(30, s.durationDays(), 1e-9);
        assertTrue(!s.riseIsLowerLimit() && !s.fadeIsLowerLimit());
    }

    @Test
    void onePointGivesNoRiseOrFadeAndNoDetectionsGiveNothing() {
        LightCurveShape one = LightCurveShape.measure(List.of(point(5, 18)));
        assertEquals(18, one.peakMag());
        assertTrue(Double.isNaN(one.riseDays()) && Double.isNaN(one.fadeDays()));
        assertTrue(Double.isNaN(LightCurveShape.measure(List.of()).peakMag()));
    }

    private static Detection point(double day, double mag) {
        return new Detection("ZTF20aaaaaaa", null, 2459000 + day, Band.G, mag, 0.05, null, null, null, null, null, "t", null);
    }
}
