package org.ztfclass.models.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    @Test
    void argmaxTiesGoToTheLowestIndex() {
        assertEquals(0, Argmax.of(new double[] {0.4, 0.4, 0.2}));
        assertEquals(1, Argmax.of(new double[] {0.2, 0.4, 0.4}));
        assertEquals(0, Argmax.of(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}));
        assertEquals(2, Argmax.of(new double[] {0.1, 0.2, 0.7}));
    }

    @Test
    void countsAndPerClassMetricsOfASmallExample() {
        int[] y = {0, 0, 0, 1, 1, 2, 2, 2, 2};
        double[][] p = {
            {0.8, 0.1, 0.1}, // 0 -> 0
            {0.4, 0.4, 0.2}, // 0 -> 0 (tie, lowest index)
            {0.2, 0.7, 0.1}, // 0 -> 1
            {0.1, 0.6, 0.3}, // 1 -> 1
            {0.3, 0.3, 0.4}, // 1 -> 2
            {0.1, 0.1, 0.8}, // 2 -> 2
            {0.2, 0.4, 0.4}, // 2 -> 1 (tie between 1 and 2)
            {0.0, 0.0, 1.0}, // 2 -> 2
            {0.5, 0.25, 0.25}, // 2 -> 0
        };
        ConfusionMatrix cm = ConfusionMatrix.of(y, p, 3);
        assertArrayEquals(new int[][] {{2, 1, 0}, {0, 1, 1}, {1, 1, 2}}, cm.counts());
        assertEquals(9, cm.total());
        assertEquals(3, cm.support(0));
        assertEquals(3, cm.predicted(1));
        // class 0: TP 2, FP 1, FN 1 -> precision 2/3, recall 2/3, F1 2/3
        assertEquals(2 / 3.0, cm.precision(0), 1e-15);
        assertEquals(2 / 3.0, cm.recall(0), 1e-15);
        assertEquals(2 / 3.0, cm.f1(0), 1e-15);
        // class 1: TP 1, FP 2, FN 1 -> precision 1/3, recall 1/2, F1 2/(3+2) = 0.4
        assertEquals(1 / 3.0, cm.precision(1), 1e-15);
        assertEquals(0.5, cm.recall(1), 1e-15);
        assertEquals(0.4, cm.f1(1), 1e-15);
        // class 2: TP 2, FP 1, FN 2 -> precision 2/3, recall 1/2, F1 4/7
        assertEquals(4 / 7.0, cm.f1(2), 1e-15);
        assertEquals(5 / 9.0, cm.accuracy(), 1e-15);
        assertEquals((2 / 3.0 + 0.5 + 0.5) / 3, cm.balancedAccuracy(), 1e-15);
    }

    @Test
    void balancedAccuracyExposesAMajorityVoteOnImbalancedData() {
        int[] y = new int[100];
        for (int i = 90; i < 100; i++) {
            y[i] = 1; // 90 of class 0, 10 of class 1, none of class 2
        }
        double[][] p = new double[100][];
        for (int i = 0; i < 100; i++) {
            p[i] = new double[] {0.6, 0.3, 0.1}; // always predicts class 0
        }
        ConfusionMatrix cm = ConfusionMatrix.of(y, p, 3);
        assertEquals(0.9, cm.accuracy(), 1e-15);
        // recall 1 for class 0 and 0 for class 1; class 2 has no objects and does not count
        assertEquals(0.5, cm.balancedAccuracy(), 1e-15);
        assertTrue(Double.isNaN(cm.recall(2)));
        assertTrue(Double.isNaN(cm.precision(1)), "class 1 is never predicted");
        assertEquals(0.0, cm.f1(1), "present but never predicted: F1 is 0, not undefined");
        assertTrue(Double.isNaN(cm.f1(2)), "neither present nor predicted: F1 undefined");
    }

    @Test
    void countsAreCopiedInAndOut() {
        int[][] counts = {{1, 2}, {3, 4}};
        ConfusionMatrix cm = ConfusionMatrix.ofCounts(counts);
        counts[0][0] = 99;
        cm.counts()[1][1] = 99;
        assertEquals(1, cm.count(0, 0));
        assertEquals(4, cm.count(1, 1));
        assertEquals(ConfusionMatrix.ofCounts(new int[][] {{1, 2}, {3, 4}}), cm);
    }

    @Test
    void rejectsNonSquareOrNegativeCounts() {
        IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.ofCounts(new int[][] {{1, 2}, {3}}));
        assertTrue(a.getMessage().contains("counts[1]"), a.getMessage());
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
                () -> ConfusionMatrix.ofCounts(new int[][] {{1, -2}, {3, 4}}));
        assertTrue(b.getMessage().contains("negative"), b.getMessage());
    }
}
