package org.ztfclass.models.fusion;

/**
 * Temperature scaling (Guo et al. 2017): one number T that divides the log-probabilities before
 * the softmax, chosen to minimise the negative log-likelihood on a validation set. T &gt; 1 softens
 * over-confident probabilities, T &lt; 1 sharpens; the predicted class never changes.
 */
public final class TemperatureScaling {

    /** Search range of T. */
    public static final double MIN = 0.05;
    public static final double MAX = 20;

    private TemperatureScaling() {
    }

    /** @return the probabilities with temperature {@code t} applied */
    public static double[] apply(double[] p, double t) {
        double[] out = new double[p.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < p.length; k++) {
            out[k] = Math.log(Math.max(1e-12, p[k])) / t;
            max = Math.max(max, out[k]);
        }
        double sum = 0;
        for (int k = 0; k < p.length; k++) {
            out[k] = Math.exp(out[k] - max);
            sum += out[k];
        }
        for (int k = 0; k < p.length; k++) {
            out[k] /= sum;
        }
        return out;
    }

    /** @return mean negative log-likelihood of the true classes at temperature {@code t} */
    public static double nll(double[][] p, int[] y, double t) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s -= Math.log(Math.max(1e-12, apply(p[i], t)[y[i]]));
        }
        return s / p.length;
    }

    /**
     * Golden-section search of log T over [{@link #MIN}, {@link #MAX}].
     *
     * @return the temperature; 1 if there is nothing to fit on
     */
    public static double fit(double[][] p, int[] y) {
        if (p.length == 0) {
            return 1;
        }
        double a = Math.log(MIN);
        double b = Math.log(MAX);
        double g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        for (int i = 0; i < 60; i++) {
            if (nll(p, y, Math.exp(c)) < nll(p, y, Math.exp(d))) {
                b = d;
            } else {
                a = c;
            }
            c = b - g * (b - a);
            d = a + g * (b - a);
        }
        return Math.exp((a + b) / 2);
    }
}
