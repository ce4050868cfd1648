package org.ztfclass.models.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MannWhitneyAucTest {

    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void perfectSeparationGivesOne() {
        assertEquals(1.0, MannWhitneyAuc.auc(new double[] {0.9, 0.8, 0.3, 0.1}, new boolean[] {T, T, F, F}));
    }

    @Test
    void reversedScoresGiveZero() {
        assertEquals(0.0, MannWhitneyAuc.auc(new double[] {0.1, 0.2, 0.8, 0.9}, new boolean[] {T, T, F, F}));
    }

    @Test
    void handWorkedExampleWithTies() {
        // positives score {0.9, 0.7, 0.3}, negatives {0.7, 0.5, 0.5}: 3 × 3 = 9 pairs.
        //   0.9 beats 0.7, 0.5, 0.5                 -> 3
        //   0.7 ties 0.7 (0.5), beats 0.5 and 0.5    -> 2.5
        //   0.3 beats nothing                        -> 0
        // AUC = (3 + 2.5 + 0) / 9 = 5.5 / 9 = 0.6111...
        double[] s = {0.9, 0.7, 0.7, 0.5, 0.5, 0.3};
        boolean[] pos = {T, F, T, F, F, T};
        assertEquals(5.5 / 9, MannWhitneyAuc.auc(s, pos), 1e-15);
    }

    @Test
    void allScoresTiedGiveOneHalf() {
        assertEquals(0.5, MannWhitneyAuc.auc(new double[] {0.4, 0.4, 0.4, 0.4, 0.4}, new boolean[] {T, F, F, T, F}));
    }

    @Test
    void undefinedWithoutPositivesOrNegatives() {
        assertTrue(Double.isNaN(MannWhitneyAuc.auc(new double[] {0.1, 0.9}, new boolean[] {F, F})));
        assertTrue(Double.isNaN(MannWhitneyAuc.auc(new double[] {0.1, 0.9}, new boolean[] {T, T})));
    }

    @Test
    void agreesWithBruteForcePairCountingOnTiedRandomData() {
        Random r = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 50 + r.nextInt(200);
            double[] s = new double[n];
            boolean[] pos = new boolean[n];
            for (int i = 0; i < n; i++) {
                s[i] = Math.round(r.nextDouble() * 10) / 10.0; // 11 distinct values: many ties
                pos[i] = r.nextDouble() < 0.3 + 0.4 * s[i];
            }
            assertEquals(pairwise(s, pos), MannWhitneyAuc.auc(s, pos), 1e-12, "trial " + trial);
        }
    }

    @Test
    void oneVsRestUsesTheClassColumn() {
        int[] y = {0, 1, 2, 1};
        double[][] p = {{0.8, 0.1, 0.1}, {0.1, 0.8, 0.1}, {0.2, 0.2, 0.6}, {0.3, 0.6, 0.1}};
        assertEquals(1.0, MannWhitneyAuc.oneVsRest(y, p, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MannWhitneyAuc.oneVsRest(y, p, 3));
        assertTrue(e.getMessage().contains("classIndex 3"), e.getMessage());
    }

    @Test
    void rejectsNanScoresAndLengthMismatch() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> MannWhitneyAuc.auc(new double[] {0.1, Double.NaN}, new boolean[] {T, F}));
        assertEquals("scores[1] is NaN", nan.getMessage());
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                () -> MannWhitneyAuc.auc(new double[] {0.1, 0.2, 0.3}, new boolean[] {T, F}));
        assertTrue(len.getMessage().contains("3") && len.getMessage().contains("2"), len.getMessage());
    }

    /** Direct pair counting, O(P·N). */
    private static double pairwise(double[] s, boolean[] pos) {
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (pos[i] && !pos[j]) {
                    pairs++;
                    sum += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        return sum / pairs;
    }
}
