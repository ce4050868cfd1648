package org.ztfclass.models.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.ztfclass.votables.domain.Band;
import org.ztfclass.votables.domain.Detection;

/**
 * Colour and shape features of a light curve, measured the same way for every object whatever
 * its source, in a fixed order ({@link #NAMES}); a feature the light curve cannot give is NaN
 * (the trees treat it as missing). Only detections are read: positive-subtraction points with a
 * finite magnitude between 10 and 25 in ZTF g or r. Upper limits are ignored on purpose: some
 * sources have them and others do not, and a feature that depends on the source would teach the
 * model where the data came from instead of what the object is.
 *
 * <p>Cleaning, so bad input never gives a crash or a silent nonsense value: points are sorted by
 * time; duplicated epochs (same band within {@link #SAME_EPOCH_DAYS}) are averaged; a missing,
 * NaN or non-positive error becomes 0.1 mag.
 *
 * <p>Times: "peak" of a band is its brightest detection; the reference time {@code T} of the
 * colours is the r-band peak (g if r has no point). A value "at" a time is the band's magnitude
 * interpolated linearly between the two detections around it, if they are at most
 * {@link #MAX_GAP_DAYS} apart (or the nearest point within {@link #NEAR_DAYS}); else NaN.
 *
 * <ol>
 * <li>{@code n_det}, {@code n_det_g}, {@code n_det_r}, {@code n_bands}: detections and bands</li>
 * <li>{@code span_days}: first to last detection; {@code median_gap_days}: median time between detections</li>
 * <li>{@code days_first_to_peak}, {@code days_peak_to_last}: around the brightest detection</li>
 * <li>{@code brightest_mag}: brightest magnitude, any band</li>
 * <li>per band b ∈ {g, r}: {@code peak_mag_b}; {@code amplitude_b} (faintest − brightest);
 *     {@code rise_rate_b} (mag/day, least-squares slope over the {@link #RISE_WINDOW_DAYS} days
 *     before the band's peak); {@code decline_rate_b} (slope over 0…+15 d) and
 *     {@code late_decline_rate_b} (+15…+40 d); {@code drop15_b} and {@code drop30_b} (magnitude at
 *     peak+15 d and +30 d minus the peak); {@code rise_half_b} and {@code fade_half_b} (days from
 *     half the peak flux to the peak and back); {@code plateau_b} (days after the peak until the
 *     band is 0.5 mag fainter; the time to the last point if it never is);
 *     {@code bazin_rise_b}, {@code bazin_fall_b} (log10 days), {@code bazin_peak_offset_b} (days),
 *     {@code bazin_chi2_b} (log10 reduced chi-square) from {@link BazinFit}</li>
 * <li>{@code gr_peak}, {@code gr_p15}, {@code gr_p30}: g − r at T, T+15 d, T+30 d</li>
 * <li>{@code gr_mean}, {@code gr_slope}: mean of g − r over g/r pairs within 1 d, and its
 *     least-squares slope against time (mag/day)</li>
 * <li>{@code gr_first}: g − r of the first such pair; {@code peak_time_g_minus_r}: days between
 *     the g and r peaks; {@code decline_g_minus_r}: {@code decline_rate_g − decline_rate_r}</li>
 * </ol>
 */
public final class LightCurveFeatures {

    /** Two points of a band closer than this are one epoch. */
    public static final double SAME_EPOCH_DAYS = 1e-3;
    /** Longest gap across which a magnitude is interpolated. */
    public static final double MAX_GAP_DAYS = 20;
    /** A point this close to a time stands for the magnitude at that time. */
    public static final double NEAR_DAYS = 3;
    /** Days before a band's peak over which its rise rate is fitted. */
    public static final double RISE_WINDOW_DAYS = 15;

    /** Days from the reference time T at which each band's magnitude, relative to the brightest point, is read. */
    public static final double[] GRID_PHASES = {-10, -5, 5, 10, 20, 30, 45, 60};

    private static final String[] PER_BAND = {"peak_mag", "amplitude", "rise_rate", "decline_rate", "late_decline_rate",
        "drop15", "drop30", "rise_half", "fade_half", "plateau", "bazin_rise", "bazin_fall", "bazin_peak_offset", "bazin_chi2"};

    /** Feature names, in vector order. */
    public static final List<String> NAMES;

    static {
        List<String> names = new ArrayList<>(List.of("n_det", "n_det_g", "n_det_r", "n_bands", "span_days", "median_gap_days",
                "days_first_to_peak", "days_peak_to_last", "brightest_mag"));
        for (String band : new String[] {"g", "r"}) {
            for (String f : PER_BAND) {
                names.add(f + "_" + band);
            }
        }
        names.addAll(List.of("gr_peak", "gr_p15", "gr_p30", "gr_mean", "gr_slope", "gr_first", "peak_time_g_minus_r", "decline_g_minus_r"));
        for (String band : new String[] {"g", "r"}) {
            for (double phase : GRID_PHASES) {
                names.add(String.format(java.util.Locale.ROOT, "dmag_%s_%+.0f", band, phase));
            }
        }
        NAMES = List.copyOf(names);
    }

    private LightCurveFeatures() {
    }

    /** One cleaned band: times (days, JD) and magnitudes, time-ordered. */
    private record Series(double[] t, double[] m, double[] e) {
        int size() {
            return t.length;
        }

        int brightest() {
            int b = 0;
            for (int i = 1; i < m.length; i++) {
                if (m[i] < m[b]) {
                    b = i;
                }
            }
            return b;
        }
    }

    /** @return the detections of the first {@code days} days after the first detection (upper limits up to then too) */
    public static List<Detection> firstDays(List<Detection> points, double days) {
        double first = Double.POSITIVE_INFINITY;
        for (Detection d : clean(points)) {
            first = Math.min(first, d.jd());
        }
        final double end = first + days;
        return points.stream().filter(d -> Double.isFinite(d.jd()) && d.jd() <= end).toList();
    }

    /** @return the number of usable detections (as counted by {@code n_det}) */
    public static int usableDetections(List<Detection> points) {
        return clean(points).size();
    }

    /** @return the feature vector, {@link #NAMES} order; all NaN but the counts for an empty light curve */
    public static double[] of(List<Detection> points) {
        double[] v = new double[NAMES.size()];
        Arrays.fill(v, Double.NaN);
        List<Detection> det = clean(points);
        Series g = series(det, Band.G);
        Series r = series(det, Band.R);
        int n = g.size() + r.size();
        v[0] = n;
        v[1] = g.size();
        v[2] = r.size();
        v[3] = (g.size() > 0 ? 1 : 0) + (r.size() > 0 ? 1 : 0);
        if (n == 0) {
            return v;
        }
        double[] all = det.stream().mapToDouble(Detection::jd).sorted().toArray();
        v[4] = all[all.length - 1] - all[0];
        if (all.length > 1) {
            double[] gaps = new double[all.length - 1];
            for (int i = 1; i < all.length; i++) {
                gaps[i - 1] = all[i] - all[i - 1];
            }
            Arrays.sort(gaps);
            v[5] = gaps[gaps.length / 2];
        }
        Detection peak = det.stream().min(Comparator.comparingDouble(Detection::magpsf)).orElseThrow();
        v[6] = peak.jd() - all[0];
        v[7] = all[all.length - 1] - peak.jd();
        v[8] = peak.magpsf();
        int at = 9;
        for (Series s : new Series[] {g, r}) {
            perBand(s, v, at);
            at += PER_BAND.length;
        }
        Series ref = r.size() > 0 ? r : g;
        double tRef = ref.t()[ref.brightest()];
        v[at] = at(g, tRef) - at(r, tRef);
        v[at + 1] = at(g, tRef + 15) - at(r, tRef + 15);
        v[at + 2] = at(g, tRef + 30) - at(r, tRef + 30);
        colourPairs(g, r, v, at + 3);
        if (g.size() > 0 && r.size() > 0) {
            v[at + 6] = g.t()[g.brightest()] - r.t()[r.brightest()];
        }
        int g0 = 9 + 3;
        int r0 = 9 + PER_BAND.length + 3;
        v[at + 7] = v[g0] - v[r0];
        int grid = at + 8;
        double brightest = peak.magpsf();
        for (Series s : new Series[] {g, r}) {
            for (double phase : GRID_PHASES) {
                v[grid++] = at(s, tRef + phase) - brightest;
            }
        }
        return v;
    }

    private static void perBand(Series s, double[] v, int at) {
        if (s.size() == 0) {
            return;
        }
        int p = s.brightest();
        double tp = s.t()[p];
        double mp = s.m()[p];
        v[at] = mp;
        v[at + 1] = Arrays.stream(s.m()).max().orElseThrow() - mp;
        v[at + 2] = slope(s, tp - RISE_WINDOW_DAYS, tp);
        v[at + 3] = slope(s, tp, tp + 15);
        v[at + 4] = slope(s, tp + 15, tp + 40);
        v[at + 5] = at(s, tp + 15) - mp;
        v[at + 6] = at(s, tp + 30) - mp;
        v[at + 7] = halfCrossing(s, p, -1);
        v[at + 8] = halfCrossing(s, p, +1);
        v[at + 9] = plateau(s, p);
        BazinFit fit = BazinFit.of(s.t(), s.m(), s.e());
        v[at + 10] = Math.log10(fit.riseDays());
        v[at + 11] = Math.log10(fit.fallDays());
        v[at + 12] = fit.peakOffset();
        v[at + 13] = Math.log10(fit.reducedChi2());
    }

    /**
     * @return whether a point is a usable detection: not an upper limit nor a negative subtraction, in g or r, with a
     *     time and a magnitude within 10–25 (the rule of every light-curve feature, {@link GaussianProcessFeatures}'s too)
     */
    static boolean isUsable(Detection d) {
        if (d == null || d.isUpperLimit() || "f".equals(d.isdiffpos()) || d.band() == null || d.band() == Band.I) {
            return false;
        }
        double m = d.magpsf();
        return Double.isFinite(m) && m >= 10 && m <= 25 && Double.isFinite(d.jd());
    }

    /** Usable detections, time-ordered, duplicated epochs averaged. */
    private static List<Detection> clean(List<Detection> points) {
        List<Detection> ok = new ArrayList<>();
        for (Detection d : points) {
            if (isUsable(d)) {
                ok.add(d);
            }
        }
        // a total order, so the result does not depend on the input's order when epochs tie
        ok.sort(Comparator.comparingDouble(Detection::jd).thenComparing(Detection::band)
                .thenComparingDouble(Detection::magpsf).thenComparingDouble(LightCurveFeatures::error));
        List<Detection> out = new ArrayList<>();
        List<Integer> merged = new ArrayList<>(); // points averaged into each out entry
        List<Double> sums = new ArrayList<>();
        for (Detection d : ok) {
            Detection last = out.isEmpty() ? null : sameEpoch(out, d);
            if (last == null) {
                out.add(d);
                merged.add(1);
                sums.add(d.magpsf());
            } else {
                // the mean of every point of the epoch (not a running pairwise average, which weights the last one most)
                int k = out.indexOf(last);
                merged.set(k, merged.get(k) + 1);
                sums.set(k, sums.get(k) + d.magpsf());
                out.set(k, new Detection(d.objectId(), last.candid(), last.jd(), last.band(),
                        sums.get(k) / merged.get(k), error(last), null, null, null, null, null, null, null));
            }
        }
        return out;
    }

    private static Detection sameEpoch(List<Detection> out, Detection d) {
        for (int i = out.size() - 1; i >= 0 && d.jd() - out.get(i).jd() <= SAME_EPOCH_DAYS; i--) {
            if (out.get(i).band() == d.band()) {
                return out.get(i);
            }
        }
        return null;
    }

    private static double error(Detection d) {
        Double e = d.sigmapsf();
        return e == null || !Double.isFinite(e) || e <= 0 ? 0.1 : e;
    }

    private static Series series(List<Detection> det, Band band) {
        List<Detection> in = det.stream().filter(d -> d.band() == band).toList();
        double[] t = new double[in.size()];
        double[] m = new double[in.size()];
        double[] e = new double[in.size()];
        for (int i = 0; i < in.size(); i++) {
            t[i] = in.get(i).jd();
            m[i] = in.get(i).magpsf();
            e[i] = error(in.get(i));
        }
        return new Series(t, m, e);
    }

    /** @return the magnitude at a time, interpolated (see the class comment), or NaN */
    static double at(double[] t, double[] m, double time) {
        int n = t.length;
        if (n == 0) {
            return Double.NaN;
        }
        int nearest = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(t[i] - time) < Math.abs(t[nearest] - time)) {
                nearest = i;
            }
            if (i + 1 < n && t[i] <= time && time <= t[i + 1] && t[i + 1] - t[i] <= MAX_GAP_DAYS) {
                double span = t[i + 1] - t[i];
                return span <= 0 ? (m[i] + m[i + 1]) / 2 : m[i] + (m[i + 1] - m[i]) * (time - t[i]) / span;
            }
        }
        return Math.abs(t[nearest] - time) <= NEAR_DAYS ? m[nearest] : Double.NaN;
    }

    private static double at(Series s, double time) {
        return at(s.t(), s.m(), time);
    }

    /** Least-squares slope (mag/day) of the points within [from, to]; NaN with fewer than 2 or no time spread. */
    private static double slope(Series s, double from, double to) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (s.t()[i] >= from && s.t()[i] <= to) {
                points.add(new double[] {s.t()[i] - from, s.m()[i]});
            }
        }
        return slope(points);
    }

    /** Least-squares slope of {x, y} points; NaN with fewer than 2 points or (almost) no spread in x. */
    private static double slope(List<double[]> points) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        int n = points.size();
        double d = n * sxx - sx * sx;
        return n < 2 || d <= 1e-9 ? Double.NaN : (n * sxy - sx * sy) / d;
    }

    /** Days from the peak to where the flux, linear between points, is half the peak's; NaN if the curve never gets there. */
    private static double halfCrossing(Series s, int peak, int direction) {
        double half = flux(s.m()[peak]) / 2;
        for (int i = peak + direction; i >= 0 && i < s.size(); i += direction) {
            if (flux(s.m()[i]) < half) {
                int j = i - direction;
                double fi = flux(s.m()[i]);
                double fj = flux(s.m()[j]);
                double frac = fj == fi ? 0.5 : (fj - half) / (fj - fi);
                double crossing = s.t()[j] + frac * (s.t()[i] - s.t()[j]);
                return Math.abs(crossing - s.t()[peak]);
            }
        }
        return Double.NaN;
    }

    private static double plateau(Series s, int peak) {
        double limit = s.m()[peak] + 0.5;
        for (int i = peak + 1; i < s.size(); i++) {
            if (s.m()[i] > limit) {
                double t0 = s.t()[i - 1];
                double m0 = s.m()[i - 1];
                double frac = s.m()[i] == m0 ? 0 : (limit - m0) / (s.m()[i] - m0);
                return t0 + frac * (s.t()[i] - t0) - s.t()[peak];
            }
        }
        return peak == s.size() - 1 ? Double.NaN : s.t()[s.size() - 1] - s.t()[peak];
    }

    private static void colourPairs(Series g, Series r, double[] v, int at) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            int best = -1;
            for (int j = 0; j < r.size(); j++) {
                if (Math.abs(r.t()[j] - g.t()[i]) <= 1 && (best < 0 || Math.abs(r.t()[j] - g.t()[i]) < Math.abs(r.t()[best] - g.t()[i]))) {
                    best = j;
                }
            }
            if (best >= 0) {
                pairs.add(new double[] {g.t()[i], g.m()[i] - r.m()[best]});
            }
        }
        if (pairs.isEmpty()) {
            return;
        }
        v[at] = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        v[at + 2] = pairs.get(0)[1]; // gr_first: mean, slope, first
        double t0 = pairs.get(0)[0];
        v[at + 1] = slope(pairs.stream().map(p -> new double[] {p[0] - t0, p[1]}).toList());
    }

    private static double flux(double mag) {
        return Math.pow(10, -0.4 * (mag - 25));
    }
}
