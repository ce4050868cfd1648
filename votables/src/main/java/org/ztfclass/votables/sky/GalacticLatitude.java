package org.ztfclass.votables.sky;

/** Galactic latitude of an ICRS (J2000) position, with the IAU 1958 pole as given for J2000. */
public final class GalacticLatitude {

    /** Right ascension and declination of the north Galactic pole, J2000, degrees. */
    private static final double POLE_RA = Math.toRadians(192.85948);
    private static final double POLE_DEC = Math.toRadians(27.12825);
    private static final double SIN_POLE_DEC = Math.sin(POLE_DEC);
    private static final double COS_POLE_DEC = Math.cos(POLE_DEC);

    private GalacticLatitude() {
    }

    /** @return b in degrees, −90..90 */
    public static double of(double raDeg, double decDeg) {
        double dec = Math.toRadians(decDeg);
        double sinB = Math.sin(dec) * SIN_POLE_DEC + Math.cos(dec) * COS_POLE_DEC * Math.cos(Math.toRadians(raDeg) - POLE_RA);
        return Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, sinB))));
    }
}
