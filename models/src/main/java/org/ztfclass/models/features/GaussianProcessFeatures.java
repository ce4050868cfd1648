package org.ztfclass.models.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ztfclass.votables.domain.Band;
import org.ztfclass.votables.domain.Detection;

/**
 * Light-curve features read from a Gaussian process fitted to both bands at once, in the way of Boone (2019,
 * "Avocado", AJ 158, 257): the g and r fluxes are one process in time, correlated across the two bands, so that
 * where one band has no point the other informs it. Colours at fixed phases, rise and decline times and the
 * post-peak shape come from the process's mean curve instead of from interpolating between detections, and the
 * fitted time scale is a feature itself (how fast the transient evolves).
 *
 * <p>The model, per object:
 * <ul>
 * <li>data: the usable g and r detections ({@link LightCurveFeatures}' rule: no upper limit, no negative
 *     subtraction, magnitude 10–25), as flux relative to the brightest detection, with flux errors from the
 *     magnitude errors (a missing, non-positive or non-finite error taken as 0.1 mag; at most 1 mag; at least
 *     0.01 of the peak flux). Repeats of an epoch count once (their mean, as in {@link LightCurveFeatures}); points
 *     of one band within {@value #NIGHT_DAYS} d are averaged (inverse-variance, one
 *     point a night), only points from {@value #WINDOW_BEFORE_DAYS} d before to {@value #WINDOW_AFTER_DAYS} d after
 *     the brightest are kept, and a curve still longer than {@value #MAX_POINTS} points is thinned evenly:
 *     the cost stays bounded (the fit is cubic in the points) and the features need no more;</li>
 * <li>kernel: {@code k((t,b),(t',b')) = M32(|t - t'| / l) * (b == b' ? 1 : c)}, Matérn 3/2 in time with scale
 *     {@code l}, band correlation {@code c}, unit amplitude (the fluxes are relative to the peak), zero mean
 *     (no flux far from the transient), the flux variances on the diagonal;</li>
 * <li>fit: {@code l} in {@link #SCALES_DAYS} and {@code c} in {@link #BAND_CORRELATIONS} (1 for a one-band curve),
 *     the pair of largest marginal likelihood; a grid, not an optimiser, so that the fit is deterministic, cannot
 *     fail to converge and costs the same for every object (~0.2 ms for a typical curve);</li>
 * <li>reading: the mean curve of each band on a 1-day grid over the data; T is the r mean's maximum (g's if there
 *     is no r).</li>
 * </ul>
 *
 * <p>Features ({@link #NAMES}): {@code gp_log_scale} (log10 l, days), {@code gp_band_corr} (c; two bands only);
 * {@code gp_gr_m10 … gp_gr_30}: g − r of the mean at T −10, 0, +10, +20, +30 d (both bands observed within 10 d
 * of that time); per band, days from half the mean's maximum to the maximum and back ({@code gp_r_rise_half},
 * {@code gp_r_fall_half}, {@code gp_g_…}, missing if the mean does not fall to half within the data); magnitudes
 * below the band's maximum at +15, +30, +60 d (r) and +15, +30 d (g), where the band has a point within 10 d;
 * and the curvature {@code gp_r_curv} / {@code gp_g_curv}: the magnitude at +25 d minus the mean of those at +10
 * and +40 d (negative for the shoulder SN Ia show in r), where the band has points within 8 d of all three.
 * Fewer than 3 usable points (after the nightly average): every feature missing. Never NaN where defined, never
 * infinite; measured in cross-validation on the ANTARES light curves: macro AUC +0.004 to +0.006 over the other
 * features alone (docs/classifier.md).
 */
public final class GaussianProcessFeatures {

    /** Feature names, in vector order. */
    public static final List<String> NAMES = List.of("gp_log_scale", "gp_band_corr",
            "gp_gr_m10", "gp_gr_0", "gp_gr_10", "gp_gr_20", "gp_gr_30",
            "gp_r_rise_half", "gp_r_fall_half", "gp_g_rise_half", "gp_g_fall_half",
            "gp_r_15", "gp_r_30", "gp_r_60", "gp_g_15", "gp_g_30",
            "gp_r_curv", "gp_g_curv");

    /** The time scales tried, days. */
    static final double[] SCALES_DAYS = {4, 8, 15, 25, 40, 70};
    /** The band correlations tried (two-band curves). */
    static final double[] BAND_CORRELATIONS = {0.5, 0.8, 0.95};
    static final double NIGHT_DAYS = 0.5;
    static final double WINDOW_BEFORE_DAYS = 60;
    static final double WINDOW_AFTER_DAYS = 120;
    static final int MAX_POINTS = 80;
    private static final double GRID_DAYS = 1;
    private static final double[] COLOUR_PHASES = {-10, 0, 10, 20, 30};
    private static final double[] R_DROP_PHASES = {15, 30, 60};
    private static final double[] G_DROP_PHASES = {15, 30};
    private static final double NEAR_DAYS = 10;
    private static final double CURVATURE_NEAR_DAYS = 8;
    private static final int G = 0;
    private static final int R = 1;

    private GaussianProcessFeatures() {
    }

    /** The fitted process: points (time from the brightest, band, relative flux), its weights and hyper-parameters. */
    record Fit(double[] t, int[] band, double[] weights, double scale, double correlation, boolean hasG, boolean hasR) {

        /** @return the mean relative flux of {@code b} at time {@code at} (days from the brightest detection) */
        double mean(double at, int b) {
            double s = 0;
            for (int i = 0; i < t.length; i++) {
                s += matern32(Math.abs(at - t[i]) / scale) * (band[i] == b ? 1 : correlation) * weights[i];
            }
            return s;
        }

        /** Puts the mean of both bands at {@code at} into {@code out[G][i]} and {@code out[R][i]}: {@link #mean} of each, one kernel pass. */
        void means(double at, double[][] out, int i) {
            double g = 0;
            double r = 0;
            for (int j = 0; j < t.length; j++) {
                double k = matern32(Math.abs(at - t[j]) / scale);
                g += k * (band[j] == G ? 1 : correlation) * weights[j];
                r += k * (band[j] == R ? 1 : correlation) * weights[j];
            }
            out[G][i] = g;
            out[R][i] = r;
        }

        /** @return whether band {@code b} has a point within {@code days} of {@code at} */
        boolean observedNear(double at, int b, double days) {
            for (int i = 0; i < t.length; i++) {
                if (band[i] == b && Math.abs(t[i] - at) <= days) {
                    return true;
                }
            }
            return false;
        }
    }

    /** @return the feature vector, {@link #NAMES} order; all NaN if fewer than 3 usable points */
    public static double[] of(List<Detection> points) {
        double[] v = new double[NAMES.size()];
        Arrays.fill(v, Double.NaN);
        Fit fit = fit(points);
        if (fit == null) {
            return v;
        }
        double start = fit.t()[0];
        int steps = (int) Math.floor((fit.t()[fit.t().length - 1] - start) / GRID_DAYS) + 1;
        double[][] mean = new double[2][steps];
        for (int s = 0; s < steps; s++) {
            fit.means(start + GRID_DAYS * s, mean, s);
        }
        double reference = start + GRID_DAYS * argmax(mean[fit.hasR() ? R : G]);
        v[0] = Math.log10(fit.scale());
        boolean twoBands = fit.hasG() && fit.hasR();
        v[1] = twoBands ? fit.correlation() : Double.NaN;
        if (twoBands) {
            for (int k = 0; k < COLOUR_PHASES.length; k++) {
                double at = reference + COLOUR_PHASES[k];
                if (fit.observedNear(at, G, NEAR_DAYS) && fit.observedNear(at, R, NEAR_DAYS)) {
                    double fg = fit.mean(at, G);
                    double fr = fit.mean(at, R);
                    if (fg > 0.02 && fr > 0.02) {
                        v[2 + k] = -2.5 * Math.log10(fg / fr);
                    }
                }
            }
        }
        bandShape(fit, mean[R], R, start, v, 7, 11, R_DROP_PHASES, 16);
        bandShape(fit, mean[G], G, start, v, 9, 14, G_DROP_PHASES, 17);
        return v;
    }

    /** Rise and fall to half maximum, drops after the maximum and curvature of one band's mean, into {@code v}. */
    private static void bandShape(Fit fit, double[] mean, int b, double start, double[] v, int halfAt, int dropAt, double[] drops,
            int curvatureAt) {
        if (b == R ? !fit.hasR() : !fit.hasG()) {
            return;
        }
        int p = argmax(mean);
        double peak = mean[p];
        if (!(peak > 0)) {
            return;
        }
        double peakTime = start + GRID_DAYS * p;
        for (int s = p; s >= 0; s--) {
            if (mean[s] < peak / 2) {
                v[halfAt] = peakTime - (start + GRID_DAYS * s);
                break;
            }
        }
        for (int s = p; s < mean.length; s++) {
            if (mean[s] < peak / 2) {
                v[halfAt + 1] = (start + GRID_DAYS * s) - peakTime;
                break;
            }
        }
        for (int k = 0; k < drops.length; k++) {
            double at = peakTime + drops[k];
            if (fit.observedNear(at, b, NEAR_DAYS)) {
                double f = fit.mean(at, b);
                if (f > 0.01 * peak) {
                    v[dropAt + k] = -2.5 * Math.log10(f / peak);
                }
            }
        }
        double[] at = {peakTime + 10, peakTime + 25, peakTime + 40};
        for (double t : at) {
            if (!fit.observedNear(t, b, CURVATURE_NEAR_DAYS)) {
                return;
            }
        }
        double m10 = magnitude(fit.mean(at[0], b));
        double m25 = magnitude(fit.mean(at[1], b));
        double m40 = magnitude(fit.mean(at[2], b));
        if (Double.isFinite(m10 + m25 + m40)) {
            v[curvatureAt] = m25 - (m10 + m40) / 2;
        }
    }

    /** @return the process fitted to the usable points, or null if fewer than 3 remain */
    static Fit fit(List<Detection> points) {
        List<double[]> usable = new ArrayList<>(); // jd, band, magnitude, error
        for (Detection d : points) {
            if (!LightCurveFeatures.isUsable(d)) {
                continue;
            }
            Double e = d.sigmapsf();
            double error = e == null || !Double.isFinite(e) || e <= 0 ? 0.1 : Math.min(e, 1.0);
            usable.add(new double[] {d.jd(), d.band() == Band.G ? G : R, d.magpsf(), error});
        }
        if (usable.size() < 3) {
            return null;
        }
        usable = oneEpochOnce(usable);
        double brightest = Double.POSITIVE_INFINITY;
        double t0 = 0;
        for (double[] p : usable) {
            if (p[2] < brightest) {
                brightest = p[2];
                t0 = p[0];
            }
        }
        List<double[]> nights = nightly(usable, brightest, t0);
        if (nights.size() < 3) {
            return null;
        }
        int n = nights.size();
        double[] t = new double[n];
        double[] f = new double[n];
        double[] variance = new double[n];
        int[] band = new int[n];
        boolean hasG = false;
        boolean hasR = false;
        for (int i = 0; i < n; i++) {
            double[] q = nights.get(i);
            t[i] = q[0];
            band[i] = (int) q[1];
            f[i] = q[2];
            variance[i] = q[3];
            hasG |= band[i] == G;
            hasR |= band[i] == R;
        }
        double[] correlations = hasG && hasR ? BAND_CORRELATIONS : new double[] {1};
        double best = Double.NEGATIVE_INFINITY;
        Fit chosen = null;
        double[] time = new double[n * n];
        double[] k = new double[n * n];
        double[] work = new double[n];
        for (double scale : SCALES_DAYS) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    time[i * n + j] = matern32(Math.abs(t[i] - t[j]) / scale);
                }
            }
            for (double c : correlations) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j <= i; j++) {
                        k[i * n + j] = time[i * n + j] * (band[i] == band[j] ? 1 : c);
                    }
                    k[i * n + i] += variance[i] + 1e-9;
                }
                if (!Cholesky.factor(k, n)) {
                    continue;
                }
                double[] weights = Cholesky.solve(k, n, f, work);
                double logLikelihood = -0.5 * dot(f, weights) - 0.5 * Cholesky.logDeterminant(k, n);
                if (logLikelihood > best) {
                    best = logLikelihood;
                    chosen = new Fit(t, band, weights, scale, c, hasG, hasR);
                }
            }
        }
        return chosen;
    }

    /**
     * @return the points in time order with the repeats of an epoch (same band, within
     *     {@link LightCurveFeatures#SAME_EPOCH_DAYS}) replaced by their mean, as {@link LightCurveFeatures} counts them:
     *     a curve whose every epoch is listed twice gives the same fit
     */
    private static List<double[]> oneEpochOnce(List<double[]> points) {
        points.sort(java.util.Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1])
                .thenComparingDouble(p -> p[2]).thenComparingDouble(p -> p[3]));
        List<double[]> out = new ArrayList<>();
        double[][] last = new double[2][]; // per band: sum jd, band, sum mag, sum error, count, first jd
        for (double[] p : points) {
            int b = (int) p[1];
            double[] open = last[b];
            if (open != null && p[0] - open[5] <= LightCurveFeatures.SAME_EPOCH_DAYS) {
                open[0] += p[0];
                open[2] += p[2];
                open[3] += p[3];
                open[4]++;
            } else {
                last[b] = new double[] {p[0], b, p[2], p[3], 1, p[0]};
                out.add(last[b]);
            }
        }
        List<double[]> means = new ArrayList<>(out.size());
        for (double[] q : out) {
            means.add(new double[] {q[0] / q[4], q[1], q[2] / q[4], q[3] / q[4]});
        }
        means.sort(java.util.Comparator.comparingDouble(p -> p[0]));
        return means;
    }

    /** @return per band and night one point (time from {@code t0}, band, relative flux, flux variance), in time order */
    private static List<double[]> nightly(List<double[]> usable, double brightest, double t0) {
        List<double[]> out = new ArrayList<>(); // sum w*t, band, sum w*f, -, sum w, first time
        double[][] open = new double[2][];
        for (double[] p : usable) {
            double t = p[0] - t0;
            if (t < -WINDOW_BEFORE_DAYS || t > WINDOW_AFTER_DAYS) {
                continue;
            }
            int b = (int) p[1];
            double flux = Math.pow(10, -0.4 * (p[2] - brightest));
            double sigma = Math.max(0.01, flux * 0.4 * Math.log(10) * p[3]);
            double w = 1 / (sigma * sigma);
            if (open[b] != null && t - open[b][5] < NIGHT_DAYS) {
                open[b][0] += w * t;
                open[b][2] += w * flux;
                open[b][4] += w;
            } else {
                open[b] = new double[] {w * t, b, w * flux, 0, w, t};
                out.add(open[b]);
            }
        }
        for (double[] q : out) {
            q[0] /= q[4];
            q[2] /= q[4];
            q[3] = 1 / q[4];
        }
        out.sort((a, b) -> Double.compare(a[0], b[0]));
        if (out.size() <= MAX_POINTS) {
            return out;
        }
        List<double[]> thinned = new ArrayList<>(MAX_POINTS);
        for (int i = 0; i < MAX_POINTS; i++) {
            thinned.add(out.get((int) Math.round(i * (out.size() - 1.0) / (MAX_POINTS - 1))));
        }
        return thinned;
    }

    static double matern32(double r) {
        double x = Math.sqrt(3) * r;
        return (1 + x) * Math.exp(-x);
    }

    private static double magnitude(double relativeFlux) {
        return relativeFlux > 0.005 ? -2.5 * Math.log10(relativeFlux) : Double.NaN;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static int argmax(double[] x) {
        int k = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i] > x[k]) {
                k = i;
            }
        }
        return k;
    }
}
