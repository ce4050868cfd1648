package org.ztfclass.server.tap;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The ADQL geometry the SQL needs, as SQLite functions registered on a connection:
 * {@code tap_distance(ra1, dec1, ra2, dec2)} the great-circle distance in degrees (haversine),
 * and {@code tap_contains(ra, dec, ra0, dec0, r)} 1 when the point lies within {@code r} degrees
 * of the centre, 0 when not; both NULL when an argument is NULL. All angles ICRS degrees.
 */
final class SkyFunctions {

    /** SQL name of the distance function. */
    static final String DISTANCE = "tap_distance";
    /** SQL name of the point-in-circle function. */
    static final String CONTAINS = "tap_contains";

    private SkyFunctions() {
    }

    /** Registers both functions on {@code c} (an SQLite connection). */
    static void register(Connection c) throws SQLException {
        org.sqlite.Function.create(c, DISTANCE, new NullAware() {
            @Override
            protected void xFunc() throws SQLException {
                if (anyNull(4)) {
                    result();
                } else {
                    result(distanceDeg(value_double(0), value_double(1), value_double(2), value_double(3)));
                }
            }
        }, 4, org.sqlite.Function.FLAG_DETERMINISTIC);
        org.sqlite.Function.create(c, CONTAINS, new NullAware() {
            @Override
            protected void xFunc() throws SQLException {
                if (anyNull(5)) {
                    result();
                } else {
                    double d = distanceDeg(value_double(0), value_double(1), value_double(2), value_double(3));
                    result(d <= value_double(4) ? 1 : 0);
                }
            }
        }, 5, org.sqlite.Function.FLAG_DETERMINISTIC);
    }

    /** @return the great-circle distance between two ICRS positions, degrees */
    static double distanceDeg(double ra1, double dec1, double ra2, double dec2) {
        double p1 = Math.toRadians(dec1);
        double p2 = Math.toRadians(dec2);
        double dp = p2 - p1;
        double dl = Math.toRadians(ra2 - ra1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(h))));
    }

    private abstract static class NullAware extends org.sqlite.Function {
        boolean anyNull(int n) throws SQLException {
            for (int i = 0; i < n; i++) {
                if (value_type(i) == org.sqlite.core.Codes.SQLITE_NULL) {
                    return true;
                }
            }
            return false;
        }
    }
}
