package org.ztfclass.models.features;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.fitting.leastsquares.ParameterValidator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DiagonalMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * A Bazin et al. (2009) fit of one band's light curve in flux,
 * {@code f(t) = A exp(-(t - t0)/tfall) / (1 + exp(-(t - t0)/trise))}, by Apache Commons Math's
 * Levenberg–Marquardt optimiser (weighted least squares, analytic Jacobian). The baseline is
 * fixed at zero: difference-image photometry has no host flux, and these light curves hold
 * detections only, which cannot constrain a baseline. Fluxes are scaled to the brightest point,
 * times counted from it, so the numbers compare between objects.
 *
 * <p>The parameters are fitted as {@code ln A, t0, ln trise, ln tfall} (so the amplitude and time
 * scales stay positive) and clamped to physical ranges ({@link #MIN_RISE}…{@link #MAX_RISE},
 * {@link #MIN_FALL}…{@link #MAX_FALL} days). Fewer than {@link #MIN_POINTS} points, or an optimiser
 * that fails to converge, give {@link #NONE} (every number NaN): a fit never throws.
 *
 * @param riseDays     {@code trise}, days
 * @param fallDays     {@code tfall}, days
 * @param peakOffset   time of the model's maximum minus the brightest point's time, days
 * @param amplitude    model maximum over the brightest point's flux
 * @param reducedChi2  chi-square per degree of freedom (NaN with no degree of freedom)
 */
public record BazinFit(double riseDays, double fallDays, double peakOffset, double amplitude, double reducedChi2) {

    /** Fewest points in a band for a fit. */
    public static final int MIN_POINTS = 5;
    /** Bounds of {@code trise}, days. */
    public static final double MIN_RISE = 0.3;
    /** Upper bound of {@code trise}, days. */
    public static final double MAX_RISE = 150;
    /** Lower bound of {@code tfall}, days. */
    public static final double MIN_FALL = 1;
    /** Upper bound of {@code tfall}, days. */
    public static final double MAX_FALL = 1000;
    /** Error floor, magnitudes, added in quadrature (calibration and model mismatch). */
    public static final double ERROR_FLOOR_MAG = 0.03;
    /** A fit that could not be made. */
    public static final BazinFit NONE = new BazinFit(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    private static final double MAX_EXPONENT = 60;

    /**
     * Fits one band.
     *
     * @param days time of each point in days (any origin, any order); same length as the others
     * @param mags magnitudes
     * @param errs magnitude errors (non-finite or non-positive ones are replaced by 0.1)
     * @return the fit, or {@link #NONE}
     */
    public static BazinFit of(double[] days, double[] mags, double[] errs) {
        int n = days.length;
        if (n < MIN_POINTS) {
            return NONE;
        }
        int brightest = 0;
        for (int i = 1; i < n; i++) {
            if (mags[i] < mags[brightest]) {
                brightest = i;
            }
        }
        double tPeak = days[brightest];
        double mPeak = mags[brightest];
        double[] t = new double[n];
        double[] f = new double[n];
        double[] w = new double[n];
        double tMin = Double.POSITIVE_INFINITY;
        double tMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            t[i] = days[i] - tPeak;
            f[i] = Math.pow(10, -0.4 * (mags[i] - mPeak));
            double e = errs[i];
            if (!Double.isFinite(e) || e <= 0) {
                e = 0.1;
            }
            e = Math.sqrt(e * e + ERROR_FLOOR_MAG * ERROR_FLOOR_MAG);
            double sigma = f[i] * e * Math.log(10) / 2.5;
            w[i] = 1 / (sigma * sigma);
            tMin = Math.min(tMin, t[i]);
            tMax = Math.max(tMax, t[i]);
        }
        final double lo = tMin - 100;
        final double hi = tMax + 50;
        MultivariateJacobianFunction model = p -> value(p, t);
        ParameterValidator clamp = p -> {
            RealVector q = p.copy();
            q.setEntry(0, Math.max(-5, Math.min(5, q.getEntry(0))));
            q.setEntry(1, Math.max(lo, Math.min(hi, q.getEntry(1))));
            q.setEntry(2, Math.max(Math.log(MIN_RISE), Math.min(Math.log(MAX_RISE), q.getEntry(2))));
            q.setEntry(3, Math.max(Math.log(MIN_FALL), Math.min(Math.log(MAX_FALL), q.getEntry(3))));
            return q;
        };
        double[] start = {Math.log(2), -5, Math.log(3), Math.log(30)};
        LeastSquaresOptimizer.Optimum best;
        try {
            best = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                    .model(model)
                    .target(f)
                    .weight(new DiagonalMatrix(w))
                    .start(start)
                    .parameterValidator(clamp)
                    .maxEvaluations(2000)
                    .maxIterations(500)
                    .lazyEvaluation(false)
                    .build());
        } catch (MathIllegalStateException | IllegalArgumentException e) {
            return NONE;
        }
        double[] p = best.getPoint().toArray();
        double trise = Math.exp(p[2]);
        double tfall = Math.exp(p[3]);
        double chi2 = best.getCost() * best.getCost();
        int dof = n - 4;
        // the maximum of the Bazin function: t0 + trise ln(tfall/trise - 1), where tfall > trise
        double peak = tfall > trise ? p[1] + trise * Math.log(tfall / trise - 1) : p[1] + 3 * trise;
        double amplitude = modelFlux(p, peak);
        if (!Double.isFinite(chi2) || !Double.isFinite(amplitude)) {
            return NONE;
        }
        return new BazinFit(trise, tfall, peak, amplitude, dof > 0 ? chi2 / dof : Double.NaN);
    }

    private static double modelFlux(double[] p, double t) {
        double u = t - p[1];
        double tr = Math.exp(p[2]);
        double tf = Math.exp(p[3]);
        return Math.exp(p[0] + clip(-u / tf)) / (1 + Math.exp(clip(-u / tr)));
    }

    private static Pair<RealVector, org.apache.commons.math3.linear.RealMatrix> value(RealVector params, double[] t) {
        double lnA = params.getEntry(0);
        double t0 = params.getEntry(1);
        double tr = Math.exp(params.getEntry(2));
        double tf = Math.exp(params.getEntry(3));
        double[] v = new double[t.length];
        double[][] j = new double[t.length][4];
        for (int i = 0; i < t.length; i++) {
            double u = t[i] - t0;
            double er = Math.exp(clip(-u / tr));
            double d = 1 + er;
            double fi = Math.exp(lnA + clip(-u / tf)) / d;
            v[i] = fi;
            j[i][0] = fi;
            j[i][1] = fi * (1 / tf - er / (tr * d));
            j[i][2] = -fi * er * u / (tr * d);
            j[i][3] = fi * u / tf;
        }
        return new Pair<>(new ArrayRealVector(v, false), new Array2DRowRealMatrix(j, false));
    }

    private static double clip(double x) {
        return Math.max(-MAX_EXPONENT, Math.min(MAX_EXPONENT, x));
    }
}
