package org.ztfclass.models.evaluation;

/**
 * The predicted class of a probability row: the index of its largest value, ties going to the
 * lowest index (so a row of equal probabilities predicts class 0). Stateless and thread-safe.
 */
public final class Argmax {

    private Argmax() {
    }

    /**
     * Index of the largest value of {@code row}, the lowest such index on ties.
     *
     * @param row non-empty, no NaN (callers check with {@link EvaluationInputs})
     * @return an index in {@code 0..row.length-1}
     * @throws IllegalArgumentException if {@code row} is null or empty
     */
    public static int of(double[] row) {
        if (row == null || row.length == 0) {
            throw new IllegalArgumentException("row is " + (row == null ? "null" : "empty"));
        }
        int best = 0;
        for (int k = 1; k < row.length; k++) {
            if (row[k] > row[best]) {
                best = k;
            }
        }
        return best;
    }

    /** {@link #of(double[])} of each row. */
    public static int[] ofEach(double[][] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = of(rows[i]);
        }
        return out;
    }
}
