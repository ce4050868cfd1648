package org.ztfclass.models.sequence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ztfclass.models.MultimodalSamples;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.votables.domain.Band;
import org.ztfclass.votables.domain.Detection;

class LightCurveSequenceTest {

    private static Detection point(double jd, Band band, Double mag) {
        return new Detection("ZTF00test", mag == null ? null : (long) (jd * 1000), jd, band, mag, mag == null ? null : 0.1, 20.5,
                null, null, null, null, "t", 1);
    }

    @Test
    void aOnePointLightCurveGivesNoSequenceSoTheBranchIsMasked() {
        assertNull(LightCurveSequence.encode(List.of(point(2459000.5, Band.G, 18.0))));
        assertNull(LightCurveSequence.encode(List.of()));
        // upper limits are not detections
        assertNull(LightCurveSequence.encode(List.of(point(2459000.5, Band.G, 18.0), point(2459001.5, Band.R, null))));
    }

    @Test
    void stepsAreTimeOrderedWithBandOneHotAndShape() {
        float[][] x = LightCurveSequence.encode(List.of(point(2459010.5, Band.R, 18.0), point(2459000.5, Band.G, 19.0),
                point(2459003.5, Band.I, 18.5)));
        assertEquals(3, x.length);
        assertEquals(0f, x[0][0]);
        assertEquals(1f, x[0][2], "first step is the g point");
        assertEquals(1f, x[1][4], "then i");
        assertEquals(1f, x[2][3], "then r");
        assertEquals(10 / 30.0, x[2][0], 1e-6);
        assertEquals((float) Math.log1p(7), x[2][1], 1e-6);
        assertEquals(0f, x[2][6], 1e-6, "the brightest step has shape 0");
        assertEquals(0.5f, x[0][6], 1e-6, "one magnitude fainter than the peak");
    }

    @Test
    void longCurvesAreCutToTheWindowAndMaxSteps() {
        List<Detection> dense = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            dense.add(point(2459000.5 + i * 0.5, i % 2 == 0 ? Band.G : Band.R, 18 + i * 0.01));
        }
        assertEquals(LightCurveSequence.MAX_STEPS, LightCurveSequence.encode(dense).length);
        List<Detection> sparse = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sparse.add(point(2459000.5 + i * 10, Band.G, 18.0));
        }
        float[][] x = LightCurveSequence.encode(sparse);
        assertTrue(x.length <= LightCurveSequence.WINDOW_DAYS / 10 + 1, "only the first " + LightCurveSequence.WINDOW_DAYS + " days");
    }

    @Test
    void realAlertHistoriesAndAlerceDetectionsEncodeAndPadWithAMask() throws Exception {
        List<float[][]> seqs = new ArrayList<>();
        for (LabelledObject o : MultimodalSamples.alerce()) {
            float[][] s = LightCurveSequence.encode(o.data().lightCurve());
            assertTrue(s != null, o.data().objectId() + " has alert detections");
            for (float[] step : s) {
                for (float v : step) {
                    assertTrue(Float.isFinite(v));
                }
            }
            seqs.add(s);
        }
        Object[] batch = LightCurveSequence.encodeBatch(seqs);
        float[][] mask = (float[][]) batch[1];
        for (int n = 0; n < seqs.size(); n++) {
            float sum = 0;
            for (float m : mask[n]) {
                sum += m;
            }
            assertEquals(seqs.get(n).length, sum, 1e-6);
        }
        long fink = MultimodalSamples.finkAlerts().stream()
                .filter(o -> LightCurveSequence.has(o.data().lightCurve())).count();
        assertTrue(fink >= 30, "most labelled Fink alerts have a 30-day history: " + fink);
        assertFalse(LightCurveSequence.has(List.of()));
    }
}
