package org.ztfclass.server.learning;

import org.ztfclass.votables.domain.TransientClass;

/**
 * How a model does for one class at a decision threshold on held-out labelled objects: the
 * objects it would label as the class ({@code p >= threshold}), how many of them truly are
 * (precision), and how many of the class it finds (recall).
 *
 * @param label     the class
 * @param threshold the decision threshold on the class probability
 * @param above     held-out objects at or above the threshold
 * @param correct   of those, how many are of the class
 * @param positives held-out objects of the class
 */
public record ThresholdMetrics(TransientClass label, double threshold, int above, int correct, int positives) {

    /** @return correct / above, NaN if nothing is above the threshold */
    public double precision() {
        return above == 0 ? Double.NaN : (double) correct / above;
    }

    /** @return correct / positives, NaN without positives */
    public double recall() {
        return positives == 0 ? Double.NaN : (double) correct / positives;
    }

    /**
     * @param trueClass     {@link TransientClass} ordinals of the held-out objects
     * @param probabilities their class probabilities, rows in {@link TransientClass} order
     */
    public static ThresholdMetrics of(TransientClass label, double threshold, int[] trueClass, double[][] probabilities) {
        int above = 0;
        int correct = 0;
        int positives = 0;
        int c = label.ordinal();
        for (int i = 0; i < trueClass.length; i++) {
            boolean is = trueClass[i] == c;
            if (is) {
                positives++;
            }
            if (probabilities[i][c] >= threshold) {
                above++;
                if (is) {
                    correct++;
                }
            }
        }
        return new ThresholdMetrics(label, threshold, above, correct, positives);
    }
}
