package org.ztfclass.models.sequence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ztfclass.votables.domain.Band;
import org.ztfclass.votables.domain.Detection;

/**
 * The LSTM's view of a light curve, whatever its source (alert history, broker export, survey
 * light-curve file): the positive detections of the first {@link #WINDOW_DAYS}
 * days after the first one (at most {@link #MAX_STEPS}, time-ordered), each a step of
 * {@link #FEATURES} numbers. Uneven sampling is kept as it is (each step carries the time since
 * the first detection and since the previous step); variable length is handled by the mask that
 * {@link #encodeBatch} returns. Fixed scalings, nothing fitted, so the encoding needs no state.
 *
 * <ol>
 * <li>time since the first detection, / 30 days</li>
 * <li>log(1 + days since the previous step)</li>
 * <li>band g (one-hot)</li>
 * <li>band r</li>
 * <li>band i</li>
 * <li>(magnitude − 19) / 2: apparent brightness</li>
 * <li>(magnitude − brightest magnitude in the window) / 2: the shape</li>
 * <li>magnitude error / 0.2, clipped to 5</li>
 * </ol>
 * Upper limits, negative subtractions, points without a finite time or a magnitude between 10
 * and 25 are left out (so NaN, duplicated or out-of-order points never reach the network); a
 * missing, NaN or non-positive error counts as 0.1 mag. With fewer than {@link #MIN_POINTS}
 * detections there is no sequence: the branch is masked.
 */
public final class LightCurveSequence {

    /** Numbers per step. */
    public static final int FEATURES = 8;
    /** Longest sequence; later detections are dropped. */
    public static final int MAX_STEPS = 64;
    /** Days after the first detection that are used: the rise, peak and the first months of the decline. */
    public static final double WINDOW_DAYS = 100.0;
    /** Fewest detections that make a sequence. */
    public static final int MIN_POINTS = 2;

    private LightCurveSequence() {
    }

    /** @return the usable detections, time-ordered, within the window; empty if fewer than {@link #MIN_POINTS} */
    public static List<Detection> usable(List<Detection> points) {
        List<Detection> det = new ArrayList<>();
        for (Detection d : points) {
            if (!d.isUpperLimit() && !"f".equals(d.isdiffpos()) && Double.isFinite(d.magpsf()) && d.magpsf() >= 10
                    && d.magpsf() <= 25 && d.band() != null && Double.isFinite(d.jd())) {
                det.add(d);
            }
        }
        // a total order: the same exposure twice is adjacent (and skipped below) whatever the input's order
        det.sort(Comparator.comparingDouble(Detection::jd).thenComparing(Detection::band).thenComparingDouble(Detection::magpsf));
        List<Detection> out = new ArrayList<>();
        double seenJd = Double.NaN;
        for (Detection d : det) {
            if (!out.isEmpty() && d.jd() - out.get(0).jd() > WINDOW_DAYS || out.size() == MAX_STEPS) {
                break;
            }
            if (d.jd() == seenJd && !out.isEmpty() && out.get(out.size() - 1).band() == d.band()) {
                continue; // the same exposure from two sources (alert history and light-curve file)
            }
            seenJd = d.jd();
            out.add(d);
        }
        return out.size() < MIN_POINTS ? List.of() : out;
    }

    /** @return true if the light curve gives a sequence */
    public static boolean has(List<Detection> points) {
        return !usable(points).isEmpty();
    }

    /** @return steps x {@link #FEATURES}, or null if the light curve gives no sequence */
    public static float[][] encode(List<Detection> points) {
        List<Detection> det = usable(points);
        if (det.isEmpty()) {
            return null;
        }
        double t0 = det.get(0).jd();
        double brightest = det.stream().mapToDouble(Detection::magpsf).min().orElseThrow();
        float[][] x = new float[det.size()][FEATURES];
        for (int i = 0; i < det.size(); i++) {
            Detection d = det.get(i);
            x[i][0] = (float) ((d.jd() - t0) / 30.0);
            x[i][1] = (float) Math.log1p(i == 0 ? 0 : d.jd() - det.get(i - 1).jd());
            x[i][2] = d.band() == Band.G ? 1 : 0;
            x[i][3] = d.band() == Band.R ? 1 : 0;
            x[i][4] = d.band() == Band.I ? 1 : 0;
            x[i][5] = (float) ((d.magpsf() - 19) / 2);
            x[i][6] = (float) ((d.magpsf() - brightest) / 2);
            double err = d.sigmapsf() == null || !Double.isFinite(d.sigmapsf()) || d.sigmapsf() <= 0 ? 0.1 : d.sigmapsf();
            x[i][7] = (float) Math.min(5, Math.max(0, err / 0.2));
        }
        return x;
    }

    /**
     * Packs sequences into DL4J's recurrent layout, zero-padded to the longest.
     *
     * @return {@code [features, mask]}: features {@code [n][FEATURES][T]}, mask {@code [n][T]} (1 = a real step)
     */
    public static Object[] encodeBatch(List<float[][]> sequences) {
        int t = 1;
        for (float[][] s : sequences) {
            t = Math.max(t, s.length);
        }
        float[][][] x = new float[sequences.size()][FEATURES][t];
        float[][] mask = new float[sequences.size()][t];
        for (int n = 0; n < sequences.size(); n++) {
            float[][] s = sequences.get(n);
            for (int step = 0; step < s.length; step++) {
                mask[n][step] = 1;
                for (int f = 0; f < FEATURES; f++) {
                    x[n][f][step] = s[step][f];
                }
            }
        }
        return new Object[] {x, mask};
    }
}
