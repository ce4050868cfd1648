package org.ztfclass.models.features;

import org.ztfclass.models.data.ObjectData;
import org.ztfclass.votables.domain.Detection;

/**
 * Whether any branch of the classifier has something to read in an object: a usable g or r detection (as
 * {@link LightCurveFeatures} counts them), a catalogue summary with a peak magnitude, or a cutout. An object with
 * none of these (e.g. a light curve of upper limits only, or of i-band points only) would still get probabilities
 * from the trees' default branches, learned from other objects and saying nothing about this one; the callers
 * report it as not scored instead of serving such an answer.
 */
public final class NothingToRead {

    private NothingToRead() {
    }

    /**
     * @return whether the feature branches (XGBoost, and the LSTM where there are two detections) have
     *         something to read: a usable g or r detection or a catalogue summary with a peak magnitude.
     *         An object read by the CNN alone is answered by the CNN ({@code ModelBundle#probabilities}).
     */
    public static boolean featuresReadable(ObjectData o) {
        return LightCurveFeatures.usableDetections(o.lightCurve()) > 0 || (o.summary() != null && o.summary().peakMag() != null);
    }

    /** @return why no branch can read {@code o}, in words for the user; null if at least one can */
    public static String reason(ObjectData o) {
        if (featuresReadable(o) || !o.cutouts().isEmpty()) {
            return null;
        }
        long limits = o.lightCurve().stream().filter(d -> d != null && d.isUpperLimit()).count();
        long points = o.lightCurve().size();
        String light;
        if (points == 0) {
            light = "no light-curve point";
        } else if (limits == points) {
            light = "only " + limits + " upper limit" + (limits == 1 ? "" : "s") + ", no detection";
        } else {
            light = "no usable g or r detection among " + points + " point" + (points == 1 ? "" : "s")
                    + " (" + describe(o) + ")";
        }
        return light + ", no catalogue row with a peak magnitude, no cutouts: nothing to classify";
    }

    private static String describe(ObjectData o) {
        long limits = 0;
        long iBand = 0;
        long negative = 0;
        long other = 0;
        for (Detection d : o.lightCurve()) {
            if (d == null) {
                other++;
            } else if (d.isUpperLimit()) {
                limits++;
            } else if ("f".equals(d.isdiffpos())) {
                negative++;
            } else if (d.band() == org.ztfclass.votables.domain.Band.I) {
                iBand++;
            } else {
                other++;
            }
        }
        StringBuilder s = new StringBuilder();
        append(s, limits, "upper limit", "upper limits");
        append(s, iBand, "i-band point", "i-band points");
        append(s, negative, "negative subtraction", "negative subtractions");
        append(s, other, "point without a time or a magnitude within 10–25", "points without a time or a magnitude within 10–25");
        return s.toString();
    }

    private static void append(StringBuilder s, long n, String one, String many) {
        if (n == 0) {
            return;
        }
        if (!s.isEmpty()) {
            s.append(", ");
        }
        s.append(n).append(' ').append(n == 1 ? one : many);
    }
}
