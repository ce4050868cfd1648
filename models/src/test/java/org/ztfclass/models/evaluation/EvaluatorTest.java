package org.ztfclass.models.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    @Test
    void perfectClassifierScoresOneEverywhere() {
        int[] y = {0, 1, 2, 0, 1, 2, 0, 0, 1, 2, 2, 2};
        Evaluation e = Evaluator.evaluate("perfect", y, Fixtures.oneHot(y, 3), Fixtures.CLASSES, 1, 200);
        assertEquals(1.0, e.macroAuc().value());
        assertEquals(3, e.macroAuc().definedClasses());
        assertEquals(1.0, e.accuracy());
        assertEquals(1.0, e.balancedAccuracy());
        for (ClassMetrics m : e.perClass()) {
            assertEquals(1.0, m.auc());
            assertEquals(1.0, m.precision());
            assertEquals(1.0, m.recall());
            assertEquals(1.0, m.f1());
        }
        assertEquals(1.0, e.macroAucCi().lower());
        assertEquals(1.0, e.balancedAccuracyCi().upper());
        assertEquals(List.of(4, 3, 5), e.nPerClass());
        assertEquals(12, e.n());
    }

    @Test
    void reversedClassifierHasAucZero() {
        int[] y = {0, 0, 0, 1, 1, 1, 1};
        double[][] p = new double[y.length][];
        for (int i = 0; i < y.length; i++) {
            double wrong = 0.6 + 0.05 * i; // confident in the wrong class, with distinct scores
            p[i] = y[i] == 0 ? new double[] {1 - wrong, wrong} : new double[] {wrong, 1 - wrong};
        }
        Evaluation e = Evaluator.evaluate("reversed", y, p, List.of("A", "B"), 1, 50);
        assertEquals(0.0, e.perClass().get(0).auc());
        assertEquals(0.0, e.perClass().get(1).auc());
        assertEquals(0.0, e.macroAuc().value());
        assertEquals(0.0, e.accuracy());
    }

    @Test
    void absentClassMakesItsAucUndefinedAndMacroAveragesTheRest() {
        Fixtures.Data d = Fixtures.noisy(200, new double[] {2, 1}, 1.2, 4); // classes 0 and 1 only
        double[][] p = new double[200][];
        for (int i = 0; i < 200; i++) {
            p[i] = new double[] {d.p()[i][0] * 0.8, d.p()[i][1] * 0.8, 0.2};
        }
        Evaluation e = Evaluator.evaluate("two of three", d.y(), p, Fixtures.CLASSES, 1, 100);
        ClassMetrics other = e.perClass().get(2);
        assertTrue(Double.isNaN(other.auc()));
        assertFalse(other.aucCi().isDefined());
        assertEquals(0, other.support());
        assertFalse(e.rocCurves().get(2).isDefined());
        assertEquals(2, e.macroAuc().definedClasses());
        assertEquals(3, e.macroAuc().totalClasses());
        assertEquals((e.perClass().get(0).auc() + e.perClass().get(1).auc()) / 2, e.macroAuc().value(), 1e-15);
    }

    @Test
    void sameSeedSameEvaluationAndInputsAreNotShared() {
        Fixtures.Data d = Fixtures.threeClass(150, 2);
        Evaluation a = Evaluator.evaluate("m", d.y(), d.p(), Fixtures.CLASSES, 77, 300);
        Evaluation b = Evaluator.evaluate("m", d.y(), d.p(), Fixtures.CLASSES, 77, 300);
        assertEquals(a, b);
        d.y()[0] = (d.y()[0] + 1) % 3;
        d.p()[0][0] = 0.5;
        d.p()[0][1] = 0.5;
        d.p()[0][2] = 0.0;
        assertEquals(b, a, "mutating the inputs afterwards changes nothing");
        assertThrows(UnsupportedOperationException.class, () -> a.perClass().clear());
        assertThrows(UnsupportedOperationException.class, () -> a.rocCurves().get(0).points().clear());
    }

    @Test
    void defaultBootstrapIsOneThousandRounds() {
        Fixtures.Data d = Fixtures.threeClass(60, 2);
        Evaluation e = Evaluator.evaluate("m", d.y(), d.p(), Fixtures.CLASSES, 3);
        assertEquals(1000, e.bootstrapRounds());
        assertEquals(3, e.bootstrapSeed());
        assertEquals(1000, e.macroAucCi().validRounds());
    }

    @Test
    void rejectsBadArguments() {
        int[] y = {0, 1};
        double[][] p = {{0.9, 0.1}, {0.2, 0.8}};
        List<String> names = List.of("A", "B");
        assertEquals("modelName is blank", assertThrows(IllegalArgumentException.class,
                () -> Evaluator.evaluate(" ", y, p, names, 1, 10)).getMessage());
        assertEquals("bootstrap rounds is -1; it must be >= 0", assertThrows(IllegalArgumentException.class,
                () -> Evaluator.evaluate("m", y, p, names, 1, -1)).getMessage());
        assertEquals("probabilities[0] has 2 columns but there are 3 classes", assertThrows(IllegalArgumentException.class,
                () -> Evaluator.evaluate("m", y, p, Fixtures.CLASSES, 1, 10)).getMessage());
    }
}
