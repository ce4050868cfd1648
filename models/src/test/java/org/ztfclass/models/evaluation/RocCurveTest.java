package org.ztfclass.models.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RocCurveTest {

    private static final List<String> TWO = List.of("A", "B");

    /** The tied example of {@link MannWhitneyAucTest}, as class B's probability. */
    private static final double[] SCORES = {0.9, 0.7, 0.7, 0.5, 0.5, 0.3};
    private static final int[] Y = {1, 0, 1, 0, 0, 1};

    private static double[][] rows(double[] scoreOfB) {
        double[][] p = new double[scoreOfB.length][];
        for (int i = 0; i < p.length; i++) {
            p[i] = new double[] {1 - scoreOfB[i], scoreOfB[i]};
        }
        return p;
    }

    @Test
    void handWorkedCurveHasOnePointPerDistinctScore() {
        RocCurve c = RocCurve.oneVsRest(Y, rows(SCORES), TWO, 1);
        // 3 positives, 3 negatives. Lowering the threshold through 0.9, 0.7 (one of each), 0.5 (two negatives), 0.3:
        List<RocPoint> expected = List.of(new RocPoint(0, 0, Double.POSITIVE_INFINITY), new RocPoint(0, 1 / 3.0, 0.9),
                new RocPoint(1 / 3.0, 2 / 3.0, 0.7), new RocPoint(1, 2 / 3.0, 0.5), new RocPoint(1, 1, 0.3));
        assertEquals(expected, c.points());
        assertEquals(3, c.positives());
        assertEquals(3, c.negatives());
        // trapezoids: 1/3·(1/3 + 2/3)/2 + 2/3·(2/3 + 2/3)/2 = 1/6 + 4/9 = 11/18 = 5.5/9, the Mann–Whitney value
        assertEquals(11 / 18.0, c.trapezoidArea(), 1e-15);
        assertEquals(11 / 18.0, c.auc(), 1e-15);
    }

    @Test
    void curveRunsFromOriginToOneOneMonotonically() {
        Fixtures.Data d = Fixtures.threeClass(400, 3);
        for (int k = 0; k < 3; k++) {
            RocCurve c = RocCurve.oneVsRest(d.y(), d.p(), Fixtures.CLASSES, k);
            List<RocPoint> pts = c.points();
            assertEquals(new RocPoint(0, 0, Double.POSITIVE_INFINITY), pts.get(0));
            assertEquals(1.0, pts.get(pts.size() - 1).fpr());
            assertEquals(1.0, pts.get(pts.size() - 1).tpr());
            for (int i = 1; i < pts.size(); i++) {
                assertTrue(pts.get(i).fpr() >= pts.get(i - 1).fpr() && pts.get(i).tpr() >= pts.get(i - 1).tpr());
                assertTrue(pts.get(i).threshold() < pts.get(i - 1).threshold());
            }
            assertEquals(c.auc(), c.trapezoidArea(), 1e-12, "class " + k);
            assertTrue(c.auc() > 0.7, "signal 1.5 should give a clearly better than chance AUC: " + c.auc());
        }
    }

    @Test
    void classWithoutObjectsHasAnUndefinedCurve() {
        int[] y = {0, 1, 0, 1};
        double[][] p = {{0.7, 0.2, 0.1}, {0.2, 0.7, 0.1}, {0.5, 0.3, 0.2}, {0.1, 0.8, 0.1}};
        RocCurve c = RocCurve.oneVsRest(y, p, Fixtures.CLASSES, 2);
        assertFalse(c.isDefined());
        assertTrue(c.points().isEmpty());
        assertTrue(Double.isNaN(c.auc()));
        assertEquals(0, c.positives());
        assertEquals(4, c.negatives());
        assertTrue(Double.isNaN(c.tprAt(0.5)));
    }

    @Test
    void tprIsInterpolatedBetweenPoints() {
        RocCurve c = RocCurve.oneVsRest(Y, rows(SCORES), TWO, 1);
        assertEquals(0.5, c.tprAt(1 / 6.0), 1e-12); // halfway from (0, 1/3) to (1/3, 2/3)
        assertEquals(1.0, c.tprAt(1.0)); // vertical step at fpr 1: the top
    }

    @Test
    void rejectsBadClassIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RocCurve.oneVsRest(Y, rows(SCORES), TWO, -1));
        assertTrue(e.getMessage().contains("classIndex -1"), e.getMessage());
    }
}
