package org.ztfclass.votables.catalogue;

/** Converts sexagesimal coordinates ({@code 08:13:16.95}, {@code -02:58:50.6}) to degrees. */
public final class Sexagesimal {

    private Sexagesimal() {
    }

    /**
     * @param text hours:minutes:seconds, or decimal degrees
     * @return right ascension in degrees, 0 ≤ ra &lt; 360
     * @throws IllegalArgumentException with the text if it is not a right ascension
     */
    public static double raDegrees(String text) {
        double[] p = parts(text, "right ascension");
        if (p.length == 1) {
            return check(p[0], 0, 360, text, "right ascension");
        }
        double hours = Math.abs(p[0]) + p[1] / 60 + p[2] / 3600;
        return check(hours * 15, 0, 360, text, "right ascension");
    }

    /**
     * @param text degrees:arcmin:arcsec with optional sign, or decimal degrees
     * @return declination in degrees, −90 ≤ dec ≤ 90
     */
    public static double decDegrees(String text) {
        double[] p = parts(text, "declination");
        if (p.length == 1) {
            return check(p[0], -90, 90.0000001, text, "declination");
        }
        boolean negative = text.trim().startsWith("-");
        double deg = Math.abs(p[0]) + p[1] / 60 + p[2] / 3600;
        return check(negative ? -deg : deg, -90, 90.0000001, text, "declination");
    }

    private static double[] parts(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing " + what);
        }
        String[] s = text.trim().split("[:\\s]+");
        if (s.length != 1 && s.length != 3) {
            throw new IllegalArgumentException("'" + text + "' is not a " + what + " (expected hh:mm:ss.s or degrees)");
        }
        double[] out = new double[s.length];
        try {
            for (int i = 0; i < s.length; i++) {
                out[i] = Double.parseDouble(s[i]);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + what);
        }
        if (s.length == 3 && (out[1] < 0 || out[1] >= 60 || out[2] < 0 || out[2] >= 60)) {
            throw new IllegalArgumentException("'" + text + "': minutes and seconds must be in 0..60");
        }
        return out;
    }

    private static double check(double v, double lo, double hi, String text, String what) {
        if (!(v >= lo && v < hi)) {
            throw new IllegalArgumentException("'" + text + "' is out of range for a " + what);
        }
        return v;
    }
}
