package org.ztfclass.models.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.junit.jupiter.api.Test;
import org.ztfclass.votables.domain.Detection;

/**
 * The two-band Gaussian-process features on real ANTARES light curves (the same objects as
 * {@link LightCurveFeaturesTest}), each value checked against what the object is known to do, within ranges wide
 * enough for a small change of method and narrow enough to catch a wrong band, sign or unit; and the Cholesky
 * factorisation the fit uses against Commons Math's.
 */
class GaussianProcessFeaturesTest {

    private static double f(double[] v, String name) {
        int i = GaussianProcessFeatures.NAMES.indexOf(name);
        assertTrue(i >= 0, name);
        return v[i];
    }

    private static void within(double lo, double hi, double x, String what) {
        assertTrue(x >= lo && x <= hi, what + " = " + x + ", expected " + lo + " … " + hi);
    }

    @Test
    void snIaIsBlueAtPeakReddensByAMagnitudeInAMonthAndShowsTheRBandShoulder() throws Exception {
        double[] v = GaussianProcessFeatures.of(LightCurveFeaturesTest.antares(LightCurveFeaturesTest.SN_IA));
        within(-0.4, 0.1, f(v, "gp_gr_0"), "g - r at the r maximum");
        within(0.5, 1.3, f(v, "gp_gr_30"), "g - r 30 days later");
        within(6, 20, f(v, "gp_r_rise_half"), "r: half maximum to maximum, days");
        within(10, 30, f(v, "gp_r_fall_half"), "r: maximum to half maximum, days");
        within(0.4, 1.0, f(v, "gp_r_15"), "r: drop 15 days after the maximum, mag");
        within(1.5, 3.0, f(v, "gp_g_30"), "g: drop 30 days after, mag (g fades faster than r)");
        assertTrue(f(v, "gp_g_30") > f(v, "gp_r_30"), "g fades faster than r");
        within(-0.3, -0.02, f(v, "gp_r_curv"), "r: the secondary shoulder makes +25 d brighter than the line from +10 to +40");
        within(1.0, 2.0, f(v, "gp_log_scale"), "log10 time scale, days");
        within(0.5, 0.95, f(v, "gp_band_corr"), "band correlation");
    }

    @Test
    void snIIpStaysOnItsPlateauForMonthsInR() throws Exception {
        double[] v = GaussianProcessFeatures.of(LightCurveFeaturesTest.antares(LightCurveFeaturesTest.SN_IIP));
        within(50, 150, f(v, "gp_r_fall_half"), "r: maximum to half maximum, days (the plateau)");
        within(0, 0.6, f(v, "gp_r_30"), "r: drop 30 days after the maximum, mag");
        assertTrue(f(v, "gp_gr_30") > f(v, "gp_gr_0") + 0.3, "it reddens on the plateau");
    }

    @Test
    void aOneBandCurveHasNoColoursAndAOnePointCurveNothing() throws Exception {
        double[] r = GaussianProcessFeatures.of(LightCurveFeaturesTest.antares(LightCurveFeaturesTest.ONE_BAND));
        for (String name : List.of("gp_band_corr", "gp_gr_m10", "gp_gr_0", "gp_gr_10", "gp_gr_20", "gp_gr_30", "gp_g_rise_half",
                "gp_g_15", "gp_g_curv")) {
            assertTrue(Double.isNaN(f(r, name)), name);
        }
        within(5, 25, f(r, "gp_r_rise_half"), "r rise");
        within(10, 35, f(r, "gp_r_fall_half"), "r fall");
        for (double x : GaussianProcessFeatures.of(LightCurveFeaturesTest.antares(LightCurveFeaturesTest.ONE_POINT))) {
            assertTrue(Double.isNaN(x));
        }
    }

    @Test
    void theCholeskyFactorSolveAndDeterminantAgreeWithCommonsMath() throws Exception {
        List<Detection> lc = LightCurveFeaturesTest.antares(LightCurveFeaturesTest.SN_IA);
        GaussianProcessFeatures.Fit fit = GaussianProcessFeatures.fit(lc);
        double[] t = fit.t();
        int n = t.length;
        assertTrue(n > 30, "a real-sized system: " + n);
        double[][] k = new double[n][n];
        double[] packed = new double[n * n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                k[i][j] = GaussianProcessFeatures.matern32(Math.abs(t[i] - t[j]) / fit.scale())
                        * (fit.band()[i] == fit.band()[j] ? 1 : fit.correlation()) + (i == j ? 1e-3 : 0);
                packed[i * n + j] = k[i][j];
            }
            y[i] = Math.sin(t[i] / 10);
        }
        CholeskyDecomposition reference = new CholeskyDecomposition(new Array2DRowRealMatrix(k));
        assertTrue(Cholesky.factor(packed, n));
        double[][] l = reference.getL().getData();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                assertEquals(l[i][j], packed[i * n + j], 1e-9, "L[" + i + "][" + j + "]");
            }
        }
        assertArrayEquals(reference.getSolver().solve(new ArrayRealVector(y)).toArray(), Cholesky.solve(packed, n, y, new double[n]), 1e-6);
        assertEquals(Math.log(reference.getDeterminant()), Cholesky.logDeterminant(packed, n), 1e-9);
        assertTrue(!Cholesky.factor(new double[] {1, 0, 2, -1}, 2), "not positive definite");
    }
}
