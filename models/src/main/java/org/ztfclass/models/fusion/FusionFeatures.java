package org.ztfclass.models.fusion;

/**
 * The fusion network's input for one object: each branch's class log-probabilities (centred, so
 * only their differences count), and for the LSTM and CNN an availability flag. A masked branch
 * (no light-curve sequence, no usable cutouts) contributes zeros and flag 0, so the network
 * falls back on the branches that are there. The XGBoost branch always answers (missing
 * features are missing values to the trees), so it has no flag.
 *
 * <p>Layout: xgb[3], lstm[3], lstm_available, cnn[3], cnn_available.
 */
public final class FusionFeatures {

    /** Input width. */
    public static final int WIDTH = 11;
    private static final double FLOOR = 1e-4;

    private FusionFeatures() {
    }

    /**
     * @param xgb  XGBoost probabilities (required)
     * @param lstm LSTM probabilities, null if masked
     * @param cnn  CNN probabilities, null if masked
     */
    public static float[] of(double[] xgb, double[] lstm, double[] cnn) {
        float[] x = new float[WIDTH];
        put(x, 0, xgb);
        if (lstm != null) {
            put(x, 3, lstm);
            x[6] = 1;
        }
        if (cnn != null) {
            put(x, 7, cnn);
            x[10] = 1;
        }
        return x;
    }

    private static void put(float[] x, int at, double[] p) {
        double mean = 0;
        double[] l = new double[p.length];
        for (int k = 0; k < p.length; k++) {
            l[k] = Math.log(Math.max(FLOOR, p[k]));
            mean += l[k] / p.length;
        }
        for (int k = 0; k < p.length; k++) {
            x[at + k] = (float) (l[k] - mean);
        }
    }
}
