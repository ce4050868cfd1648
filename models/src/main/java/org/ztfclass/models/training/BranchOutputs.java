package org.ztfclass.models.training;

/**
 * What each branch and the fusion say about a list of objects, rows in input order, columns in
 * {@code TransientClass} order. A row of {@link #lstm} or {@link #cnn} is null where that branch
 * is masked (no light-curve sequence, no usable cutouts) or absent from the model.
 *
 * @param xgboost XGBoost probabilities (every object)
 * @param lstm    LSTM probabilities or null rows
 * @param cnn     CNN probabilities or null rows
 * @param fused   the calibrated fused probabilities (every object): the model's answer
 */
public record BranchOutputs(double[][] xgboost, double[][] lstm, double[][] cnn, double[][] fused) {

    /** @return how many objects the given branch answered for */
    public static int answered(double[][] rows) {
        int n = 0;
        for (double[] r : rows) {
            n += r == null ? 0 : 1;
        }
        return n;
    }
}
