package org.ztfclass.models.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The early-classification table and plot: one row per phase with macro AUC, balanced accuracy
 * and SN Ia precision/recall as the evaluations computed them, an SVG that names what it plots.
 */
class EarlyClassificationTest {

    private static final List<String> CLASSES = List.of("SN_IA", "SN_II", "OTHER");

    /** A model that is right more often the later the phase. */
    private static Evaluation phase(int correctOfTen) {
        int[] y = new int[30];
        double[][] p = new double[30][];
        for (int i = 0; i < 30; i++) {
            y[i] = i % 3;
            int guess = i / 3 < correctOfTen ? y[i] : (y[i] + 1) % 3;
            p[i] = new double[] {0.1, 0.1, 0.1};
            p[i][guess] = 0.8;
        }
        return Evaluator.evaluate("phase " + correctOfTen, y, p, CLASSES, 1, 50);
    }

    @Test
    void tableAndPlotCarryEveryPhase() {
        List<Evaluation> rows = new ArrayList<>();
        for (int k : new int[] {4, 6, 8, 9, 10}) {
            rows.add(phase(k));
        }
        EarlyClassification early = new EarlyClassification(rows, EarlyClassification.phaseLabels());
        String table = early.table();
        for (String label : List.of("5 d", "10 d", "20 d", "40 d", "all")) {
            assertTrue(table.contains("<th scope=\"row\">" + label + "</th>"), label);
        }
        double[] last = EarlyClassification.snIaPrecisionRecall(rows.get(4));
        assertEquals(1.0, last[0], 1e-9, "every SN Ia right at the last phase");
        assertEquals(1.0, last[1], 1e-9);
        assertTrue(table.contains("1.000"), table);
        double[] first = EarlyClassification.snIaPrecisionRecall(rows.get(0));
        assertEquals(0.4, first[1], 1e-9, "4 of 10 SN Ia right at the first phase");
        String svg = early.svg();
        assertTrue(svg.startsWith("<svg") && svg.contains("macro AUC") && svg.contains("SN Ia recall") && svg.contains("days since first detection"));
        assertEquals(3, svg.split("<path ").length - 1, "three lines: macro AUC, SN Ia precision, SN Ia recall");
        assertEquals("early: served, first 5 d (12 objects)", EarlyClassification.rowName("served", "5 d", 12));
        assertThrows(IllegalArgumentException.class, () -> new EarlyClassification(rows, List.of("5 d")));
    }
}
