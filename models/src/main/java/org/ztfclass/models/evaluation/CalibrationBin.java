package org.ztfclass.models.evaluation;

/**
 * One bin of a reliability curve: the objects whose top-class confidence (largest probability
 * of the row) falls in {@code [lower, upper)} (the last bin also holds confidence 1). For an
 * empty bin the mean confidence and accuracy are undefined (NaN). Immutable and thread-safe.
 *
 * @param lower          lower edge of the bin
 * @param upper          upper edge of the bin
 * @param count          objects in the bin
 * @param meanConfidence mean top-class confidence of those objects, NaN if none
 * @param accuracy       fraction of those objects whose argmax is the true class, NaN if none
 */
public record CalibrationBin(double lower, double upper, int count, double meanConfidence, double accuracy) {

    /** @throws IllegalArgumentException if the edges are inverted, the count negative, or an empty bin has statistics */
    public CalibrationBin {
        if (!(lower < upper)) {
            throw new IllegalArgumentException("bin edges must satisfy lower < upper: [" + lower + ", " + upper + ")");
        }
        if (count < 0) {
            throw new IllegalArgumentException("bin count is negative: " + count);
        }
        if (count == 0 && !(Double.isNaN(meanConfidence) && Double.isNaN(accuracy))) {
            throw new IllegalArgumentException("an empty bin has no mean confidence or accuracy (NaN)");
        }
    }

    /** Whether the bin holds objects. */
    public boolean isEmpty() {
        return count == 0;
    }
}
