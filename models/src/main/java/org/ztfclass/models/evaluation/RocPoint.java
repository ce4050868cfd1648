package org.ztfclass.models.evaluation;

/**
 * One point of a ROC curve: calling an object positive when its score is
 * {@code >= threshold} gives this false-positive and true-positive rate. The first point of a
 * curve, (0, 0), has threshold {@code +Infinity} (nothing is called positive).
 *
 * @param fpr       false-positive rate in {@code [0, 1]}
 * @param tpr       true-positive rate in {@code [0, 1]}
 * @param threshold the score threshold; {@code +Infinity} for the (0, 0) point, never NaN
 */
public record RocPoint(double fpr, double tpr, double threshold) {

    /** @throws IllegalArgumentException if a rate is outside [0, 1] or NaN, or the threshold is NaN */
    public RocPoint {
        if (!(fpr >= 0 && fpr <= 1) || !(tpr >= 0 && tpr <= 1)) {
            throw new IllegalArgumentException("ROC rates must be in [0, 1]: fpr " + fpr + ", tpr " + tpr);
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("ROC threshold is NaN");
        }
    }
}
