package org.ztfclass.models.evaluation;

/** Sample quantiles; package-private helper of {@link Bootstrap}. Stateless and thread-safe. */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * The {@code q}-quantile of ascending {@code sorted}, interpolating linearly between order
     * statistics (Hyndman–Fan type 7, the default of numpy and R): position {@code q·(n−1)}.
     * NaN for an empty array.
     */
    static double ofSorted(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = pos - lo;
        return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
    }
}
