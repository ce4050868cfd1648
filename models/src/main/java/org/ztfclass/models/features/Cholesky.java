package org.ztfclass.models.features;

/**
 * The Cholesky factorisation of a small symmetric positive-definite matrix held as a row-major {@code n × n} array,
 * in place, and the solves that use it: the Gaussian-process fit ({@link GaussianProcessFeatures}) does one per
 * hyper-parameter pair of every light curve, and a plain array is ~1.5× faster there than Commons Math's
 * {@code CholeskyDecomposition} over matrix objects (its results are the same; see the test).
 */
final class Cholesky {

    private Cholesky() {
    }

    /**
     * Replaces the lower triangle of {@code a} (which is all that is read) by L, with {@code a = L Lᵀ}.
     *
     * @return false if {@code a} is not positive definite (then {@code a} is left part-way)
     */
    static boolean factor(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            for (int q = 0; q < j; q++) {
                d -= a[j * n + q] * a[j * n + q];
            }
            if (!(d > 0)) {
                return false;
            }
            d = Math.sqrt(d);
            a[j * n + j] = d;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int q = 0; q < j; q++) {
                    s -= a[i * n + q] * a[j * n + q];
                }
                a[i * n + j] = s / d;
            }
        }
        return true;
    }

    /**
     * @param l    a factor from {@link #factor}
     * @param work scratch of length n
     * @return x with {@code L Lᵀ x = y}
     */
    static double[] solve(double[] l, int n, double[] y, double[] work) {
        for (int i = 0; i < n; i++) {
            double s = y[i];
            for (int q = 0; q < i; q++) {
                s -= l[i * n + q] * work[q];
            }
            work[i] = s / l[i * n + i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = work[i];
            for (int q = i + 1; q < n; q++) {
                s -= l[q * n + i] * x[q];
            }
            x[i] = s / l[i * n + i];
        }
        return x;
    }

    /** @return log det(L Lᵀ) for a factor from {@link #factor} (a sum of logs: no overflow for large n) */
    static double logDeterminant(double[] l, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += 2 * Math.log(l[i * n + i]);
        }
        return s;
    }
}
