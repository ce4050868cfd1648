package org.ztfclass.models.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * The one-vs-rest ROC curve of one class: positives are the objects of that class, the score is
 * the probability of that class. Immutable and thread-safe.
 *
 * <p>When both positives and negatives exist the points run from (0, 0) at threshold
 * {@code +Infinity} to (1, 1) at the lowest score, one point per distinct score (tied scores
 * move the curve diagonally), and {@link #auc()} is the exact Mann–Whitney AUC
 * ({@link MannWhitneyAuc}), which equals the trapezoidal area under these points. When the class
 * has no positives or no negatives the curve is <em>undefined</em>: {@link #points()} is empty
 * and {@link #auc()} is NaN.
 *
 * @param className the class
 * @param positives number of objects of the class
 * @param negatives number of other objects
 * @param points    the curve, by increasing fpr and tpr; empty when undefined
 * @param auc       the AUC, NaN when undefined
 */
public record RocCurve(String className, int positives, int negatives, List<RocPoint> points, double auc) {

    /** @throws IllegalArgumentException on a null name or points, or negative counts */
    public RocCurve {
        if (className == null || points == null) {
            throw new IllegalArgumentException((className == null ? "className" : "points") + " is null");
        }
        if (positives < 0 || negatives < 0) {
            throw new IllegalArgumentException("negative counts: positives " + positives + ", negatives " + negatives);
        }
        points = List.copyOf(points);
    }

    /** Whether the class had both positives and negatives, so that the curve and AUC exist. */
    public boolean isDefined() {
        return positives > 0 && negatives > 0;
    }

    /**
     * The one-vs-rest ROC curve of class {@code classIndex}.
     *
     * @throws IllegalArgumentException on invalid inputs (see {@link EvaluationInputs}) or a
     *                                  class index outside {@code 0..K-1}
     */
    public static RocCurve oneVsRest(int[] trueClass, double[][] probabilities, List<String> classNames, int classIndex) {
        EvaluationInputs.check(trueClass, probabilities, classNames);
        if (classIndex < 0 || classIndex >= classNames.size()) {
            throw new IllegalArgumentException("classIndex " + classIndex + " is outside 0.." + (classNames.size() - 1));
        }
        double[] scores = MannWhitneyAuc.column(probabilities, classIndex);
        boolean[] positive = MannWhitneyAuc.positives(trueClass, classIndex);
        int[] order = MannWhitneyAuc.ascendingOrder(scores);
        return of(classNames.get(classIndex), scores, positive, order);
    }

    /** The curve from validated scores, labels and the ascending score order. */
    static RocCurve of(String className, double[] scores, boolean[] positive, int[] order) {
        int p = 0;
        for (boolean b : positive) {
            if (b) {
                p++;
            }
        }
        int n = positive.length - p;
        double auc = MannWhitneyAuc.weightedAuc(scores, positive, order, null);
        if (p == 0 || n == 0) {
            return new RocCurve(className, p, n, List.of(), Double.NaN);
        }
        List<RocPoint> points = new ArrayList<>();
        points.add(new RocPoint(0, 0, Double.POSITIVE_INFINITY));
        int tp = 0;
        int fp = 0;
        int g = order.length - 1; // walk from the highest score down
        while (g >= 0) {
            double s = scores[order[g]];
            while (g >= 0 && scores[order[g]] == s) {
                if (positive[order[g]]) {
                    tp++;
                } else {
                    fp++;
                }
                g--;
            }
            points.add(new RocPoint(fp / (double) n, tp / (double) p, s));
        }
        return new RocCurve(className, p, n, points, auc);
    }

    /**
     * Trapezoidal area under {@link #points()}; equals {@link #auc()} up to rounding (a check of
     * the curve), NaN when undefined.
     */
    public double trapezoidArea() {
        if (points.isEmpty()) {
            return Double.NaN;
        }
        double area = 0;
        for (int i = 1; i < points.size(); i++) {
            RocPoint a = points.get(i - 1);
            RocPoint b = points.get(i);
            area += (b.fpr() - a.fpr()) * (a.tpr() + b.tpr()) / 2;
        }
        return area;
    }

    /**
     * The true-positive rate at false-positive rate {@code fpr}, interpolated linearly between
     * points (the highest one at a vertical step); NaN when undefined.
     */
    public double tprAt(double fpr) {
        if (points.isEmpty()) {
            return Double.NaN;
        }
        double best = 0;
        for (int i = 0; i < points.size(); i++) {
            RocPoint b = points.get(i);
            if (b.fpr() == fpr) {
                best = Math.max(best, b.tpr());
            } else if (i > 0 && points.get(i - 1).fpr() < fpr && fpr < b.fpr()) {
                RocPoint a = points.get(i - 1);
                best = Math.max(best, a.tpr() + (b.tpr() - a.tpr()) * (fpr - a.fpr()) / (b.fpr() - a.fpr()));
            }
        }
        return best;
    }
}
