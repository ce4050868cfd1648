package org.ztfclass.models.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void perfectlyCalibratedToyCaseHasZeroEce() {
        // 10 objects at confidence 0.7 of which 7 are right, and 4 at confidence 0.5 of which 2 are right
        int[] y = {0, 0, 0, 0, 0, 0, 0, 1, 1, 2, /* second group: */ 1, 1, 0, 2};
        double[][] p = new double[14][];
        for (int i = 0; i < 10; i++) {
            p[i] = new double[] {0.7, 0.2, 0.1};
        }
        for (int i = 10; i < 14; i++) {
            p[i] = new double[] {0.25, 0.5, 0.25};
        }
        Calibration c = Calibration.of(y, p, 3);
        assertEquals(0.0, c.expectedCalibrationError(), 1e-12);
        CalibrationBin seven = c.bins().get(7);
        assertEquals(10, seven.count());
        assertEquals(0.7, seven.meanConfidence(), 1e-12);
        assertEquals(0.7, seven.accuracy(), 1e-12);
        CalibrationBin five = c.bins().get(5);
        assertEquals(4, five.count());
        assertEquals(0.5, five.accuracy(), 1e-12);
        assertTrue(c.bins().get(0).isEmpty() && Double.isNaN(c.bins().get(0).accuracy()));
    }

    @Test
    void overConfidentModelHasPositiveEce() {
        // confidence 0.9 but only half right: ECE = |0.5 - 0.9| = 0.4
        int[] y = {0, 0, 0, 0, 0, 1, 1, 1, 2, 2};
        double[][] p = new double[10][];
        for (int i = 0; i < 10; i++) {
            p[i] = new double[] {0.9, 0.05, 0.05};
        }
        Calibration c = Calibration.of(y, p, 3);
        assertEquals(0.4, c.expectedCalibrationError(), 1e-12);
        assertTrue(c.expectedCalibrationError() > 0);
    }

    @Test
    void brierScoreAndLogLossOfHandWorkedRows() {
        int[] y = {0, 2};
        double[][] p = {{0.7, 0.2, 0.1}, {0.3, 0.3, 0.4}};
        Calibration c = Calibration.of(y, p, 3);
        // row 1: 0.3² + 0.2² + 0.1² = 0.14; row 2: 0.3² + 0.3² + 0.6² = 0.54; mean 0.34
        assertEquals(0.34, c.brierScore(), 1e-12);
        assertEquals((-Math.log(0.7) - Math.log(0.4)) / 2, c.logLoss(), 1e-12);
    }

    @Test
    void logLossClipsAZeroProbabilityAt1e15() {
        Calibration c = Calibration.of(new int[] {1}, new double[][] {{1.0, 0.0}}, 2);
        assertEquals(-Math.log(1e-15), c.logLoss(), 1e-9);
        assertEquals(34.538776, c.logLoss(), 1e-5);
        assertEquals(2.0, c.brierScore(), 1e-15, "the worst possible row");
        assertEquals(1.0, c.expectedCalibrationError(), 1e-15);
    }

    @Test
    void perfectClassifierHasNoLoss() {
        int[] y = {0, 1, 2, 1};
        Calibration c = Calibration.of(y, Fixtures.oneHot(y, 3), 3);
        assertEquals(0.0, c.brierScore());
        assertEquals(0.0, c.logLoss(), 1e-14);
        assertEquals(0.0, c.expectedCalibrationError());
        assertEquals(4, c.bins().get(9).count(), "confidence 1 falls in the last, closed bin");
    }

    @Test
    void tenEqualWidthBinsCoverTheUnitInterval() {
        Calibration c = Calibration.of(new int[] {0}, new double[][] {{0.55, 0.45}}, 2);
        List<CalibrationBin> bins = c.bins();
        assertEquals(10, bins.size());
        for (int b = 0; b < 10; b++) {
            assertEquals(b / 10.0, bins.get(b).lower(), 1e-15);
            assertEquals((b + 1) / 10.0, bins.get(b).upper(), 1e-15);
        }
        assertEquals(1, bins.get(5).count());
        assertEquals(1, bins.stream().mapToInt(CalibrationBin::count).sum());
    }

    @Test
    void rejectsZeroBins() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Calibration.of(new int[] {0}, new double[][] {{0.5, 0.5}}, 2, 0));
        assertTrue(e.getMessage().contains("numBins is 0"), e.getMessage());
    }
}
