package org.ztfclass.models.evaluation;

/**
 * A two-sided bootstrap confidence interval. It is <em>undefined</em> (both bounds NaN) when no
 * bootstrap round gave a defined value of the statistic (or no rounds were run). Immutable and
 * thread-safe.
 *
 * @param lower       lower bound, NaN when undefined
 * @param upper       upper bound ({@code >= lower}), NaN when undefined
 * @param level       coverage, e.g. 0.95
 * @param validRounds bootstrap rounds in which the statistic was defined and that the bounds
 *                    come from (a resample may lack a class, making its AUC undefined)
 */
public record ConfidenceInterval(double lower, double upper, double level, int validRounds) {

    /** @throws IllegalArgumentException if the bounds are inverted or half-defined, or level/rounds are out of range */
    public ConfidenceInterval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level " + level + " is outside (0, 1)");
        }
        if (validRounds < 0) {
            throw new IllegalArgumentException("validRounds is negative: " + validRounds);
        }
        if (Double.isNaN(lower) != Double.isNaN(upper)) {
            throw new IllegalArgumentException("only one bound is NaN: [" + lower + ", " + upper + "]");
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower bound " + lower + " is above upper bound " + upper);
        }
    }

    /** An undefined interval (NaN bounds) at the given level. */
    public static ConfidenceInterval undefined(double level, int validRounds) {
        return new ConfidenceInterval(Double.NaN, Double.NaN, level, validRounds);
    }

    /** Whether the bounds are numbers. */
    public boolean isDefined() {
        return !Double.isNaN(lower);
    }

    /** Whether {@code x} lies in {@code [lower, upper]}; false when undefined or {@code x} is NaN. */
    public boolean contains(double x) {
        return x >= lower && x <= upper;
    }
}
