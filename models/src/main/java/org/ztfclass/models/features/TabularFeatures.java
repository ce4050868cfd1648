package org.ztfclass.models.features;

import java.util.List;
import org.ztfclass.models.data.ObjectData;
import org.ztfclass.votables.domain.CatalogueEntry;
import org.ztfclass.votables.sky.GalacticLatitude;

/**
 * The tabular features of an object, in a fixed order ({@link #NAMES}); a feature that cannot be
 * known is NaN (XGBoost treats it as missing). The light-curve summary features are taken from a
 * catalogue summary when the object has one (the BTS row: what a BTS-format table brings at
 * scoring time), else measured from the light curve with {@link LightCurveShape}, which agrees
 * with the BTS summaries (see the tests). Spectroscopic quantities (peak absolute magnitude,
 * redshift) are never features: they exist only after the spectrum that gives the label.
 *
 * <ol>
 * <li>{@code peak_mag}: peak apparent magnitude (BTS peakmag, or the brightest detection)</li>
 * <li>{@code peak_band}: band of the peak, 1 = g, 2 = r, 3 = i</li>
 * <li>{@code rise_days}: half maximum to peak, days</li>
 * <li>{@code rise_is_lower_limit}: 1 if the rise began before the data, else 0</li>
 * <li>{@code fade_days}: peak to half maximum, days</li>
 * <li>{@code fade_is_lower_limit}: 1 if the fade is not over at the last point</li>
 * <li>{@code duration_days}: time above half maximum (rise + fade)</li>
 * <li>{@code g_minus_r_at_peak}: colour within ±5 d of the peak (light curve only)</li>
 * <li>{@code decline_mag_per_day}: slope over the 30 days after the peak (light curve only)</li>
 * <li>{@code n_detections}: positive detections (light curve only)</li>
 * <li>{@code abs_galactic_latitude}: |b|, degrees (catalogue b, or from RA/Dec)</li>
 * <li>{@code extinction_av}: Milky Way A_V, mag (catalogue only)</li>
 * <li>{@code sgscore1}: star/galaxy score of the nearest PS1 source (alert only)</li>
 * <li>{@code distpsnr1}: distance to it, arcsec (alert only)</li>
 * <li>{@code distnr}: distance to the nearest reference-image source, pixels (alert only)</li>
 * </ol>
 */
public final class TabularFeatures {

    /** Feature names, in vector order. */
    public static final List<String> NAMES = List.of("peak_mag", "peak_band", "rise_days", "rise_is_lower_limit", "fade_days",
            "fade_is_lower_limit", "duration_days", "g_minus_r_at_peak", "decline_mag_per_day", "n_detections",
            "abs_galactic_latitude", "extinction_av", "sgscore1", "distpsnr1", "distnr");

    /**
     * The features the XGBoost branch trains on: those every labelled object can have in the same
     * way, from its catalogue summary or from its light curve, never from which of the two it
     * has. The light-curve-only and alert-only features are left out on purpose: in the shipped
     * labelled data only SN Ia (and 29 ALeRCE supernovae) come with light curves, so a tree
     * would learn "has a light curve, so SN Ia" (a leak through missingness: held-out macro AUC
     * 0.96 that no new object would see). A_V is left out because only catalogue rows have it.
     */
    public static final List<String> SUMMARY = List.of("peak_mag", "peak_band", "rise_days", "rise_is_lower_limit", "fade_days",
            "fade_is_lower_limit", "duration_days", "abs_galactic_latitude");

    /**
     * What the XGBoost branch reads: the {@link #SUMMARY} features, then the light-curve features
     * ({@link LightCurveFeatures#NAMES}, then {@link GaussianProcessFeatures#NAMES}). An object is seen through one of two views, chosen by
     * {@link #modelInputsOf}: its light curve (summary measured from it, colour and shape features
     * from it) or its catalogue summary alone (the light-curve features missing).
     */
    public static final List<String> MODEL_INPUTS;

    static {
        List<String> names = new java.util.ArrayList<>(SUMMARY);
        names.addAll(LightCurveFeatures.NAMES);
        names.addAll(GaussianProcessFeatures.NAMES);
        MODEL_INPUTS = List.copyOf(names);
    }

    private TabularFeatures() {
    }

    /**
     * The inputs of the XGBoost branch for one object, {@link #MODEL_INPUTS} order, through the
     * view its data allows: with a catalogue summary and a light curve (any usable detection), the
     * combined view ({@link #combinedView}); with a light curve only, the light-curve view; with a
     * summary only, the summary view; with neither, everything missing but |b|.
     */
    public static double[] modelInputsOf(ObjectData o) {
        int n = LightCurveFeatures.usableDetections(o.lightCurve());
        boolean hasSummary = o.summary() != null && o.summary().peakMag() != null;
        if (hasSummary && n > 0) {
            return combinedView(o);
        }
        if (n > 0 || !hasSummary) {
            return lightCurveView(o, o.lightCurve(), true);
        }
        return summaryView(o);
    }

    /**
     * @return the combined view: {@link #SUMMARY} from the catalogue row (the BTS measures rise
     *         and fade on forced photometry, better than alert detections allow), the light-curve
     *         features from the light curve
     */
    public static double[] combinedView(ObjectData o) {
        double[] v = summaryView(o);
        putLightCurveFeatures(o.lightCurve(), v);
        return v;
    }

    /** @return the catalogue-summary view: {@link #SUMMARY} from the catalogue row, light-curve features missing */
    public static double[] summaryView(ObjectData o) {
        double[] v = new double[MODEL_INPUTS.size()];
        java.util.Arrays.fill(v, Double.NaN);
        ObjectData summaryOnly = new ObjectData(o.objectId(), o.ra(), o.dec(), List.of(), o.summary(), o.context(), o.cutouts());
        System.arraycopy(summaryOf(summaryOnly), 0, v, 0, SUMMARY.size());
        return v;
    }

    /**
     * @param lightCurve       the points to measure (the whole light curve, or its first days)
     * @param withLatitude     false to leave |b| missing (a light-curve file brings no position)
     * @return the light-curve view: {@link #SUMMARY} measured from {@code lightCurve} (no catalogue
     *         row), then {@link LightCurveFeatures}
     */
    public static double[] lightCurveView(ObjectData o, List<org.ztfclass.votables.domain.Detection> lightCurve, boolean withLatitude) {
        ObjectData lcOnly = new ObjectData(o.objectId(), withLatitude ? o.ra() : null, withLatitude ? o.dec() : null, lightCurve,
                null, o.context(), o.cutouts());
        double[] v = new double[MODEL_INPUTS.size()];
        System.arraycopy(summaryOf(lcOnly), 0, v, 0, SUMMARY.size());
        if (withLatitude && o.summary() != null && o.summary().galacticLatitude() != null) {
            v[SUMMARY.indexOf("abs_galactic_latitude")] = Math.abs(o.summary().galacticLatitude());
        }
        putLightCurveFeatures(lightCurve, v);
        return v;
    }

    /** Writes the light-curve features ({@link LightCurveFeatures}, then {@link GaussianProcessFeatures}) after the summary. */
    private static void putLightCurveFeatures(List<org.ztfclass.votables.domain.Detection> lightCurve, double[] v) {
        double[] lc = LightCurveFeatures.of(lightCurve);
        System.arraycopy(lc, 0, v, SUMMARY.size(), lc.length);
        double[] gp = GaussianProcessFeatures.of(lightCurve);
        System.arraycopy(gp, 0, v, SUMMARY.size() + lc.length, gp.length);
    }

    /** @return the {@link #SUMMARY} features of an object, in that order */
    public static double[] summaryOf(ObjectData o) {
        double[] all = of(o);
        double[] out = new double[SUMMARY.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all[NAMES.indexOf(SUMMARY.get(i))];
        }
        return out;
    }

    /** @return the feature vector of an object, {@link #NAMES} order */
    public static double[] of(ObjectData o) {
        double[] v = new double[NAMES.size()];
        java.util.Arrays.fill(v, Double.NaN);
        LightCurveShape shape = LightCurveShape.measure(o.lightCurve());
        CatalogueEntry s = o.summary();
        boolean summary = s != null && s.peakMag() != null;
        if (summary) {
            v[0] = s.peakMag();
            v[1] = bandCode(s.peakBand());
            v[2] = orNaN(s.riseDays());
            v[3] = limit(s, "rise");
            v[4] = orNaN(s.fadeDays());
            v[5] = limit(s, "fade");
            v[6] = orNaN(s.durationDays());
        } else if (shape.peakBand() != null) {
            v[0] = shape.peakMag();
            v[1] = shape.peakBand().fid();
            v[2] = shape.riseDays();
            v[3] = Double.isNaN(shape.riseDays()) ? Double.NaN : (shape.riseIsLowerLimit() ? 1 : 0);
            v[4] = shape.fadeDays();
            v[5] = Double.isNaN(shape.fadeDays()) ? Double.NaN : (shape.fadeIsLowerLimit() ? 1 : 0);
            v[6] = shape.durationDays();
        }
        if (shape.peakBand() != null) {
            v[7] = shape.gMinusRAtPeak();
            v[8] = shape.declineMagPerDay();
            v[9] = o.lightCurve().stream().filter(d -> !d.isUpperLimit() && !"f".equals(d.isdiffpos())).count();
        }
        if (s != null && s.galacticLatitude() != null) {
            v[10] = Math.abs(s.galacticLatitude());
        } else if (o.ra() != null && o.dec() != null) {
            v[10] = Math.abs(GalacticLatitude.of(o.ra(), o.dec()));
        }
        if (s != null) {
            v[11] = orNaN(s.extinctionAv());
        }
        if (o.context() != null) {
            v[12] = orNaN(o.context().sgscore1());
            v[13] = nonNegative(o.context().distpsnr1());
            v[14] = nonNegative(o.context().distnr());
        }
        return v;
    }

    private static double bandCode(String band) {
        if (band == null) {
            return Double.NaN;
        }
        try {
            return org.ztfclass.votables.domain.Band.parse(band).fid();
        } catch (IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    private static double limit(CatalogueEntry s, String what) {
        return s.lowerLimits() != null && s.lowerLimits().contains(what) ? 1 : 0;
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }

    /** ZTF writes -999 for "no such source": that is missing, not a distance. */
    private static double nonNegative(Double d) {
        return d == null || d < 0 ? Double.NaN : d;
    }
}
