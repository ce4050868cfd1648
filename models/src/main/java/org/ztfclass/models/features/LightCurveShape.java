package org.ztfclass.models.features;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ztfclass.votables.domain.Band;
import org.ztfclass.votables.domain.Detection;

/**
 * The shape of a light curve, measured the way the Bright Transient Survey summarises its
 * objects (Perley et al. 2020): in the band of the brightest detection, the peak (brightest
 * point), the rise time from half the peak flux to the peak, the fade time from the peak down to
 * half the peak flux, and their sum, the duration above half maximum. A crossing that the light
 * curve does not sample (it starts or ends above half maximum) gives a lower limit: the time to
 * the first or last point, flagged as such. Also: colour g−r near peak and post-peak decline rate.
 * Only positive-subtraction detections with a finite time and a magnitude between 10 and 25 count;
 * upper limits are ignored.
 *
 * @param peakJd           JD of the peak, NaN without detections
 * @param peakMag          peak magnitude
 * @param peakBand         band of the peak (null without detections)
 * @param riseDays         half-maximum to peak, days (NaN if the peak is the first point)
 * @param riseIsLowerLimit true if the rise began before the first point
 * @param fadeDays         peak to half maximum, days (NaN if the peak is the last point)
 * @param fadeIsLowerLimit true if the fade did not reach half maximum by the last point
 * @param gMinusRAtPeak    mean g minus mean r magnitude within ±5 days of the peak, NaN if either is missing
 * @param declineMagPerDay slope of the peak band's magnitudes from the peak to 30 days after, NaN with < 2 points
 */
public record LightCurveShape(double peakJd, double peakMag, Band peakBand, double riseDays, boolean riseIsLowerLimit,
                              double fadeDays, boolean fadeIsLowerLimit, double gMinusRAtPeak, double declineMagPerDay) {

    /** Days around the peak within which the colour is measured. */
    public static final double COLOUR_WINDOW_DAYS = 5.0;
    /** Days after the peak over which the decline rate is fitted. */
    public static final double DECLINE_WINDOW_DAYS = 30.0;

    /** @return rise + fade, days (NaN if either is) */
    public double durationDays() {
        return riseDays + fadeDays;
    }

    /** Measures a light curve (any order, any bands). */
    public static LightCurveShape measure(List<Detection> points) {
        List<Detection> det = new ArrayList<>();
        for (Detection d : points) {
            // the same points LightCurveFeatures and the LSTM read: a NaN time or a magnitude out of 10..25 is not the peak
            if (!d.isUpperLimit() && !"f".equals(d.isdiffpos()) && Double.isFinite(d.magpsf()) && d.magpsf() >= 10 && d.magpsf() <= 25
                    && Double.isFinite(d.jd()) && d.band() != null) {
                det.add(d);
            }
        }
        if (det.isEmpty()) {
            return new LightCurveShape(Double.NaN, Double.NaN, null, Double.NaN, false, Double.NaN, false, Double.NaN, Double.NaN);
        }
        Detection brightest = det.stream().min(Comparator.comparingDouble(Detection::magpsf)).orElseThrow();
        Band band = brightest.band();
        List<Detection> inBand = det.stream().filter(d -> d.band() == band).sorted(Comparator.comparingDouble(Detection::jd)).toList();
        int peak = inBand.indexOf(brightest);
        double peakFlux = flux(brightest.magpsf());
        double half = peakFlux / 2;

        double rise = Double.NaN;
        boolean riseLimit = false;
        if (peak > 0) {
            int i = peak - 1;
            while (i >= 0 && flux(inBand.get(i).magpsf()) >= half) {
                i--;
            }
            if (i < 0) {
                rise = brightest.jd() - inBand.get(0).jd();
                riseLimit = true;
            } else {
                rise = brightest.jd() - crossing(inBand.get(i), inBand.get(i + 1), half);
            }
        }
        double fade = Double.NaN;
        boolean fadeLimit = false;
        if (peak < inBand.size() - 1) {
            int i = peak + 1;
            while (i < inBand.size() && flux(inBand.get(i).magpsf()) >= half) {
                i++;
            }
            if (i == inBand.size()) {
                fade = inBand.get(inBand.size() - 1).jd() - brightest.jd();
                fadeLimit = true;
            } else {
                fade = crossing(inBand.get(i - 1), inBand.get(i), half) - brightest.jd();
            }
        }
        return new LightCurveShape(brightest.jd(), brightest.magpsf(), band, rise, riseLimit, fade, fadeLimit,
                colour(det, brightest.jd()), decline(inBand, peak));
    }

    /** @return the time at which the flux, linear between two points, equals {@code level} */
    private static double crossing(Detection a, Detection b, double level) {
        double fa = flux(a.magpsf());
        double fb = flux(b.magpsf());
        if (fa == fb) {
            return (a.jd() + b.jd()) / 2;
        }
        double t = (level - fa) / (fb - fa);
        return a.jd() + Math.max(0, Math.min(1, t)) * (b.jd() - a.jd());
    }

    private static double colour(List<Detection> det, double peakJd) {
        double g = mean(det, Band.G, peakJd);
        double r = mean(det, Band.R, peakJd);
        return g - r;
    }

    private static double mean(List<Detection> det, Band band, double t0) {
        double sum = 0;
        int n = 0;
        for (Detection d : det) {
            if (d.band() == band && Math.abs(d.jd() - t0) <= COLOUR_WINDOW_DAYS) {
                sum += d.magpsf();
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Least-squares slope of magnitude against time from the peak to {@link #DECLINE_WINDOW_DAYS} after. */
    private static double decline(List<Detection> inBand, int peak) {
        double t0 = inBand.get(peak).jd();
        double st = 0;
        double sm = 0;
        double stt = 0;
        double stm = 0;
        int n = 0;
        for (int i = peak; i < inBand.size() && inBand.get(i).jd() - t0 <= DECLINE_WINDOW_DAYS; i++) {
            double t = inBand.get(i).jd() - t0;
            double m = inBand.get(i).magpsf();
            st += t;
            sm += m;
            stt += t * t;
            stm += t * m;
            n++;
        }
        double denominator = n * stt - st * st;
        return n < 2 || denominator <= 0 ? Double.NaN : (n * stm - st * sm) / denominator;
    }

    private static double flux(double mag) {
        return Math.pow(10, -0.4 * (mag - 25));
    }
}
