package org.ztfclass.models.evaluation;

import java.util.Locale;

/** Number formatting for the text writers (locale-independent); package-private. Thread-safe. */
final class Fmt {

    /** Text shown for an undefined (NaN) number. */
    static final String UNDEFINED = "undefined";

    private Fmt() {
    }

    /** {@code v} with {@code digits} decimals, or {@link #UNDEFINED} for NaN. */
    static String num(double v, int digits) {
        if (Double.isNaN(v)) {
            return UNDEFINED;
        }
        return String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    /** Three decimals, or {@link #UNDEFINED}. */
    static String num(double v) {
        return num(v, 3);
    }

    /** {@code [lower, upper]} with three decimals, or {@link #UNDEFINED}. */
    static String interval(ConfidenceInterval ci) {
        return ci.isDefined() ? "[" + num(ci.lower()) + ", " + num(ci.upper()) + "]" : UNDEFINED;
    }

    /**
     * A value followed by its interval, e.g. {@code 0.912 [0.890, 0.931]}; {@code 0.912 (no interval)}
     * when only the interval is undefined; {@link #UNDEFINED} when the value is.
     */
    static String withInterval(double v, ConfidenceInterval ci) {
        if (Double.isNaN(v)) {
            return UNDEFINED;
        }
        return num(v) + (ci.isDefined() ? " " + interval(ci) : " (no interval)");
    }

    /** An SVG coordinate: two decimals. */
    static String coord(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A percentage with no decimals, e.g. {@code 83%}. */
    static String percent(double fraction) {
        return Double.isNaN(fraction) ? UNDEFINED : String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }
}
