package org.ztfclass.models.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static final Fixtures.Data DATA = Fixtures.threeClass(300, 11);

    @Test
    void sameSeedGivesIdenticalIntervals() {
        BootstrapResult a = new Bootstrap(42, 500).run(DATA.y(), DATA.p(), 3);
        BootstrapResult b = new Bootstrap(42, 500).run(DATA.y(), DATA.p(), 3);
        assertEquals(a, b);
        assertEquals(42, a.seed());
        assertEquals(500, a.rounds());
    }

    @Test
    void differentSeedsGiveDifferentIntervals() {
        BootstrapResult a = new Bootstrap(1, 300).run(DATA.y(), DATA.p(), 3);
        BootstrapResult b = new Bootstrap(2, 300).run(DATA.y(), DATA.p(), 3);
        assertNotEquals(a.macroAuc(), b.macroAuc());
        assertNotEquals(a.balancedAccuracy(), b.balancedAccuracy());
        // but not by much: both estimate the same sampling distribution
        assertEquals(a.macroAuc().lower(), b.macroAuc().lower(), 0.03);
        assertEquals(a.macroAuc().upper(), b.macroAuc().upper(), 0.03);
    }

    @Test
    void intervalsContainThePointEstimates() {
        Evaluation e = Evaluator.evaluate("m", DATA.y(), DATA.p(), Fixtures.CLASSES, 5, 1000);
        assertTrue(e.macroAucCi().contains(e.macroAuc().value()), e.macroAucCi() + " vs " + e.macroAuc());
        assertTrue(e.balancedAccuracyCi().contains(e.balancedAccuracy()), e.balancedAccuracyCi() + " vs "
                + e.balancedAccuracy());
        for (ClassMetrics m : e.perClass()) {
            assertTrue(m.aucCi().contains(m.auc()), m.className() + " " + m.aucCi() + " vs " + m.auc());
            assertTrue(m.aucCi().upper() - m.aucCi().lower() > 0.01, "n = 300 leaves real uncertainty");
            assertEquals(1000, m.aucCi().validRounds());
            assertEquals(0.95, m.aucCi().level());
        }
        assertTrue(e.macroAucCi().upper() - e.macroAucCi().lower() < 0.2);
    }

    @Test
    void rareClassAucIsLeftOutOfRoundsThatMissIt() {
        // class 2 has exactly one object of 60: a resample misses it with probability (59/60)^60 ≈ 0.36
        Fixtures.Data d = Fixtures.noisy(59, new double[] {1, 1}, 1, 3);
        int[] y = new int[60];
        double[][] p = new double[60][];
        for (int i = 0; i < 59; i++) {
            y[i] = d.y()[i];
            p[i] = new double[] {d.p()[i][0] * 0.9, d.p()[i][1] * 0.9, 0.1};
        }
        y[59] = 2;
        p[59] = new double[] {0.2, 0.2, 0.6};
        BootstrapResult r = new Bootstrap(9, 1000).run(y, p, 3);
        int valid = r.perClassAuc().get(2).validRounds();
        assertTrue(valid > 550 && valid < 750, "about 640 rounds should contain the rare object: " + valid);
        assertEquals(1000, r.perClassAuc().get(0).validRounds());
        assertEquals(1000, r.macroAuc().validRounds(), "the macro AUC is defined whenever some class is");
    }

    @Test
    void absentClassHasAnUndefinedInterval() {
        int[] y = {0, 1, 0, 1, 0, 1};
        double[][] p = {{0.7, 0.2, 0.1}, {0.2, 0.7, 0.1}, {0.5, 0.3, 0.2}, {0.1, 0.8, 0.1}, {0.6, 0.3, 0.1},
            {0.4, 0.5, 0.1}};
        BootstrapResult r = new Bootstrap(3, 200).run(y, p, 3);
        ConfidenceInterval absent = r.perClassAuc().get(2);
        assertFalse(absent.isDefined());
        assertEquals(0, absent.validRounds());
        assertTrue(r.macroAuc().isDefined());
    }

    @Test
    void zeroRoundsGiveUndefinedIntervals() {
        BootstrapResult r = new Bootstrap(3, 0).run(DATA.y(), DATA.p(), 3);
        assertFalse(r.macroAuc().isDefined());
        assertFalse(r.balancedAccuracy().isDefined());
        assertTrue(r.perClassAuc().stream().noneMatch(ConfidenceInterval::isDefined));
    }

    @Test
    void defaultRoundsAreOneThousand() {
        assertEquals(1000, new Bootstrap(1).rounds());
        assertEquals(1000, Bootstrap.DEFAULT_ROUNDS);
    }

    @Test
    void rejectsNegativeRounds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Bootstrap(1, -5));
        assertTrue(e.getMessage().contains("-5"), e.getMessage());
    }

    @Test
    void percentilesInterpolateBetweenOrderStatistics() {
        assertEquals(2.5, Percentiles.ofSorted(new double[] {1, 2, 3, 4}, 0.5));
        double[] hundredOne = new double[101];
        for (int i = 0; i <= 100; i++) {
            hundredOne[i] = i;
        }
        assertEquals(2.5, Percentiles.ofSorted(hundredOne, 0.025), 1e-12);
        assertEquals(97.5, Percentiles.ofSorted(hundredOne, 0.975), 1e-12);
        assertEquals(7.0, Percentiles.ofSorted(new double[] {7}, 0.975));
        assertTrue(Double.isNaN(Percentiles.ofSorted(new double[0], 0.5)));
    }
}
