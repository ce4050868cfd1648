package org.ztfclass.votables.sky;

/** Angular distance between two sky positions (haversine: accurate from milliarcseconds to 180°). */
public final class Separation {

    private Separation() {
    }

    /** @return the distance in degrees between (ra1, dec1) and (ra2, dec2), all in degrees */
    public static double degrees(double ra1, double dec1, double ra2, double dec2) {
        double p1 = Math.toRadians(dec1);
        double p2 = Math.toRadians(dec2);
        double dp = p2 - p1;
        double dl = Math.toRadians(ra2 - ra1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(h))));
    }

    /** @return the same distance in arcseconds */
    public static double arcsec(double ra1, double dec1, double ra2, double dec2) {
        return degrees(ra1, dec1, ra2, dec2) * 3600;
    }
}
