package org.ztfclass.votables.sky;

/**
 * The mean of sky positions, averaged as unit vectors so that positions on both sides of
 * RA = 0 average correctly (a plain mean of 359.9° and 0.1° would give 180°). Single-threaded.
 */
public final class MeanPosition {

    private double x;
    private double y;
    private double z;
    private int n;

    /** Adds a position, degrees; ignored if either coordinate is null. */
    public void add(Double ra, Double dec) {
        if (ra == null || dec == null) {
            return;
        }
        double a = Math.toRadians(ra);
        double d = Math.toRadians(dec);
        x += Math.cos(d) * Math.cos(a);
        y += Math.cos(d) * Math.sin(a);
        z += Math.sin(d);
        n++;
    }

    /** @return the mean right ascension, 0 ≤ ra &lt; 360, or null if nothing was added */
    public Double ra() {
        if (n == 0) {
            return null;
        }
        double ra = Math.toDegrees(Math.atan2(y, x));
        return ra < 0 ? ra + 360 : ra;
    }

    /** @return the mean declination, or null if nothing was added */
    public Double dec() {
        return n == 0 ? null : Math.toDegrees(Math.atan2(z, Math.hypot(x, y)));
    }
}
