package org.ztfclass.models.evaluation;

/**
 * The metrics of one class. NaN means undefined for the data: the AUC of a class with no
 * positives or no negatives, the precision of a class never predicted, the recall of a class
 * with no objects (see {@link ConfusionMatrix} and {@link RocCurve}). Immutable and thread-safe.
 *
 * @param className class name
 * @param support   number of objects of this class
 * @param auc       one-vs-rest AUC, NaN if undefined
 * @param aucCi     bootstrap interval of the AUC
 * @param precision TP / (TP + FP) of the argmax predictions
 * @param recall    TP / (TP + FN)
 * @param f1        2·TP / (2·TP + FP + FN)
 */
public record ClassMetrics(String className, int support, double auc, ConfidenceInterval aucCi, double precision,
                           double recall, double f1) {

    /** @throws IllegalArgumentException on a null name or interval, or a negative support */
    public ClassMetrics {
        if (className == null || aucCi == null) {
            throw new IllegalArgumentException((className == null ? "className" : "aucCi") + " is null");
        }
        if (support < 0) {
            throw new IllegalArgumentException("support is negative: " + support);
        }
    }
}
