package org.ztfclass.models.evaluation;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Area under the ROC curve computed exactly as the Mann–Whitney statistic:
 * <pre>
 *   AUC = (1 / (P·N)) · Σ over (positive i, negative j) of  [s_i &gt; s_j] + ½·[s_i = s_j]
 * </pre>
 * the probability that a random positive scores above a random negative, a tie counting one
 * half. It equals the trapezoidal area under the ROC curve of {@link RocCurve}. The pair count is
 * accumulated in integers (doubled, so ties stay whole) and divided once at the end, so the only
 * rounding is that final division. Cost: one sort, {@code O(n log n)}.
 *
 * <p>The AUC is <em>undefined</em>, and returned as {@code NaN}, when there are no positives or
 * no negatives. Stateless and thread-safe.
 */
public final class MannWhitneyAuc {

    private MannWhitneyAuc() {
    }

    /**
     * AUC of {@code scores} for separating {@code positive} objects from the others.
     *
     * @param scores   one score per object, higher meaning more likely positive; no NaN
     * @param positive whether each object is a positive; same length as {@code scores}
     * @return the AUC in {@code [0, 1]}, or NaN if there are no positives or no negatives
     * @throws IllegalArgumentException on null, length mismatch or a NaN score
     */
    public static double auc(double[] scores, boolean[] positive) {
        if (scores == null || positive == null) {
            throw new IllegalArgumentException((scores == null ? "scores" : "positive") + " is null");
        }
        if (scores.length != positive.length) {
            throw new IllegalArgumentException("scores has " + scores.length + " entries but positive has "
                    + positive.length);
        }
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("scores[" + i + "] is NaN");
            }
        }
        return weightedAuc(scores, positive, ascendingOrder(scores), null);
    }

    /**
     * AUC of the one-vs-rest problem "class {@code classIndex} against the rest", scoring each
     * object by its probability of that class.
     *
     * @return the AUC, or NaN if the class has no positives or no negatives in {@code trueClass}
     * @throws IllegalArgumentException on invalid inputs (see {@link EvaluationInputs})
     */
    public static double oneVsRest(int[] trueClass, double[][] probabilities, int classIndex) {
        int k = EvaluationInputs.numClassesOf(probabilities);
        EvaluationInputs.check(trueClass, probabilities, k);
        if (classIndex < 0 || classIndex >= k) {
            throw new IllegalArgumentException("classIndex " + classIndex + " is outside 0.." + (k - 1));
        }
        return auc(column(probabilities, classIndex), positives(trueClass, classIndex));
    }

    /** Indices {@code 0..n-1} sorted by ascending score (stable). */
    static int[] ascendingOrder(double[] scores) {
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble(i -> scores[i]))
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * The AUC of a sample in which object {@code i} appears {@code weights[i]} times (all once
     * when {@code weights} is null), walking {@code order} (indices sorted by ascending score).
     * This is what lets the bootstrap compute a resample's AUC in {@code O(n)} without sorting.
     */
    static double weightedAuc(double[] scores, boolean[] positive, int[] order, int[] weights) {
        long positives = 0;
        long negatives = 0;
        long twiceU = 0; // 2 × (pairs ranked right + ½ tied pairs), exact in integers
        long negativesBelow = 0;
        int g = 0;
        while (g < order.length) {
            double s = scores[order[g]];
            long pos = 0;
            long neg = 0;
            int end = g;
            while (end < order.length && scores[order[end]] == s) {
                int i = order[end];
                long w = weights == null ? 1 : weights[i];
                if (positive[i]) {
                    pos += w;
                } else {
                    neg += w;
                }
                end++;
            }
            twiceU += 2 * pos * negativesBelow + pos * neg;
            negativesBelow += neg;
            positives += pos;
            negatives += neg;
            g = end;
        }
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return twiceU / (2.0 * positives * negatives);
    }

    static double[] column(double[][] probabilities, int classIndex) {
        double[] out = new double[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = probabilities[i][classIndex];
        }
        return out;
    }

    static boolean[] positives(int[] trueClass, int classIndex) {
        boolean[] out = new boolean[trueClass.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = trueClass[i] == classIndex;
        }
        return out;
    }
}
