package org.ztfclass.models.evaluation;

import java.util.List;

/**
 * Bootstrap confidence intervals of one evaluation, with the seed and number of rounds that
 * reproduce them. Immutable and thread-safe.
 *
 * @param perClassAuc      CI of each class's one-vs-rest AUC, in class order
 * @param macroAuc         CI of the macro AUC (each resample averaging its own defined classes)
 * @param balancedAccuracy CI of the balanced accuracy
 * @param seed             the seed of the resampling
 * @param rounds           the number of resamples drawn (0: all intervals undefined)
 */
public record BootstrapResult(List<ConfidenceInterval> perClassAuc, ConfidenceInterval macroAuc,
                              ConfidenceInterval balancedAccuracy, long seed, int rounds) {

    /** @throws IllegalArgumentException on a null part or negative rounds */
    public BootstrapResult {
        if (perClassAuc == null || macroAuc == null || balancedAccuracy == null) {
            throw new IllegalArgumentException("bootstrap intervals must not be null");
        }
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds is negative: " + rounds);
        }
        perClassAuc = List.copyOf(perClassAuc);
    }
}
