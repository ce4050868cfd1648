package org.ztfclass.models.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MajorityBaselineTest {

    @Test
    void givesTheTrainingFrequenciesToEveryObject() {
        int[] train = {0, 0, 0, 0, 0, 0, 1, 1, 1, 2}; // 60% / 30% / 10%
        MajorityBaseline b = new MajorityBaseline(train, 3);
        assertArrayEquals(new double[] {0.6, 0.3, 0.1}, b.frequencies(), 1e-15);
        assertEquals(0, b.majorityClass());
        double[][] rows = b.predict(4);
        assertEquals(4, rows.length);
        for (double[] row : rows) {
            assertArrayEquals(new double[] {0.6, 0.3, 0.1}, row, 1e-15);
        }
        rows[0][0] = 99;
        assertEquals(0.6, b.predict(1)[0][0], 1e-15, "rows are independent copies");
    }

    @Test
    void baselineAucIsOneHalfAndItPredictsTheMajorityClass() {
        int[] train = {1, 1, 1, 1, 0, 0, 2, 2, 2};
        Fixtures.Data test = Fixtures.threeClass(120, 8);
        double[][] p = MajorityBaseline.probabilities(train, 3, test.y().length);
        Evaluation e = Evaluator.evaluate("baseline", test.y(), p, Fixtures.CLASSES, 1, 100);
        for (ClassMetrics m : e.perClass()) {
            assertEquals(0.5, m.auc(), 0.0, m.className());
        }
        assertEquals(0.5, e.macroAuc().value(), 0.0);
        ConfusionMatrix cm = e.confusionMatrix();
        assertEquals(120, cm.predicted(1), "every object goes to the majority training class");
        assertEquals(1 / 3.0, e.balancedAccuracy(), 1e-15);
    }

    @Test
    void tiedFrequenciesPredictTheLowestIndex() {
        MajorityBaseline b = new MajorityBaseline(new int[] {2, 1, 1, 2}, 3);
        assertEquals(1, b.majorityClass());
        assertEquals(1, Argmax.of(b.predict(1)[0]));
    }

    @Test
    void rejectsBadTrainingLabels() {
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> new MajorityBaseline(new int[] {0, 3}, 3));
        assertEquals("trainingLabels[1] = 3 is outside the class range 0..2", range.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> new MajorityBaseline(new int[0], 3));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MajorityBaseline(new int[] {0}, 3).predict(-1));
    }
}
