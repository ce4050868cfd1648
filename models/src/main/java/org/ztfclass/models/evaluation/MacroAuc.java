package org.ztfclass.models.evaluation;

import java.util.List;

/**
 * The macro-averaged one-vs-rest AUC: the mean of the per-class AUCs that are defined (classes
 * with both positives and negatives), with the count of classes that entered the mean. It is
 * NaN only when no class has a defined AUC. Immutable and thread-safe.
 *
 * @param value          mean of the defined per-class AUCs, NaN if none is defined
 * @param definedClasses how many classes had a defined AUC and entered the mean
 * @param totalClasses   the number of classes K
 */
public record MacroAuc(double value, int definedClasses, int totalClasses) {

    /** @throws IllegalArgumentException if the counts are inconsistent */
    public MacroAuc {
        if (definedClasses < 0 || definedClasses > totalClasses) {
            throw new IllegalArgumentException("definedClasses " + definedClasses + " is outside 0.." + totalClasses);
        }
    }

    /**
     * Macro AUC of per-class AUCs, NaN entries meaning "undefined" and being skipped.
     *
     * @throws IllegalArgumentException if {@code perClassAuc} is null
     */
    public static MacroAuc of(double[] perClassAuc) {
        if (perClassAuc == null) {
            throw new IllegalArgumentException("perClassAuc is null");
        }
        double sum = 0;
        int defined = 0;
        for (double a : perClassAuc) {
            if (!Double.isNaN(a)) {
                sum += a;
                defined++;
            }
        }
        return new MacroAuc(defined == 0 ? Double.NaN : sum / defined, defined, perClassAuc.length);
    }

    /**
     * Macro AUC of probabilities against true classes: the one-vs-rest Mann–Whitney AUC of each
     * class (a column of {@code probabilities}), undefined classes skipped.
     *
     * @return the macro AUC; undefined (NaN, no class defined) when there are no objects
     */
    public static MacroAuc oneVsRest(int[] trueClass, double[][] probabilities) {
        if (trueClass.length == 0) {
            return of(new double[0]);
        }
        double[] per = new double[probabilities[0].length];
        for (int c = 0; c < per.length; c++) {
            per[c] = MannWhitneyAuc.oneVsRest(trueClass, probabilities, c);
        }
        return of(per);
    }

    /** Macro AUC of the curves' AUCs. */
    public static MacroAuc ofCurves(List<RocCurve> curves) {
        return of(curves.stream().mapToDouble(RocCurve::auc).toArray());
    }

    /** Whether at least one class had a defined AUC. */
    public boolean isDefined() {
        return definedClasses > 0;
    }
}
