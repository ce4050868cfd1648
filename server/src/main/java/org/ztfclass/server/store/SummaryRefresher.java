package org.ztfclass.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Recomputes the summary columns of objects (position, first/last detection, counts, peak
 * magnitude per band) from their stored points, inside the caller's transaction. The position
 * is the mean of the detections' positions (wrapped correctly across RA = 0), or the
 * catalogue position when no detection carries one.
 */
final class SummaryRefresher {

    private static final String POINTS =
            "SELECT jd, fid, is_upper_limit, magpsf, ra, dec FROM detections WHERE object_id = ?";
    private static final String CATALOGUE_POSITION =
            "SELECT ra, dec FROM catalogue_entries WHERE object_id = ? AND ra IS NOT NULL ORDER BY catalogue LIMIT 1";
    private static final String UPDATE =
            "UPDATE objects SET ra = ?, dec = ?, first_detection_jd = ?, last_detection_jd = ?, n_detections = ?, "
            + "n_upper_limits = ?, peak_mag_g = ?, peak_mag_r = ?, peak_mag_i = ?, updated_at = ? WHERE object_id = ?";

    private SummaryRefresher() {
    }

    static void refresh(Connection c, Collection<String> objectIds, String now) throws SQLException {
        try (PreparedStatement points = c.prepareStatement(POINTS);
             PreparedStatement catalogue = c.prepareStatement(CATALOGUE_POSITION);
             PreparedStatement update = c.prepareStatement(UPDATE)) {
            for (String id : objectIds) {
                Summary s = new Summary();
                points.setString(1, id);
                try (ResultSet rs = points.executeQuery()) {
                    while (rs.next()) {
                        s.add(rs.getDouble("jd"), rs.getInt("fid"), rs.getInt("is_upper_limit") == 1,
                                Sql.getDouble(rs, "magpsf"), Sql.getDouble(rs, "ra"), Sql.getDouble(rs, "dec"));
                    }
                }
                Double ra = s.meanRa();
                Double dec = s.meanDec();
                if (ra == null) {
                    catalogue.setString(1, id);
                    try (ResultSet rs = catalogue.executeQuery()) {
                        if (rs.next()) {
                            ra = rs.getDouble("ra");
                            dec = rs.getDouble("dec");
                        }
                    }
                }
                Sql.setDouble(update, 1, ra);
                Sql.setDouble(update, 2, dec);
                Sql.setDouble(update, 3, s.first);
                Sql.setDouble(update, 4, s.last);
                update.setInt(5, s.detections);
                update.setInt(6, s.upperLimits);
                Sql.setDouble(update, 7, s.peak[1]);
                Sql.setDouble(update, 8, s.peak[2]);
                Sql.setDouble(update, 9, s.peak[3]);
                update.setString(10, now);
                update.setString(11, id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Accumulates one object's points. */
    private static final class Summary {
        Double first;
        Double last;
        int detections;
        int upperLimits;
        final Double[] peak = new Double[4];
        double sumX;
        double sumY;
        double sumZ;
        int positions;

        void add(double jd, int fid, boolean upperLimit, Double mag, Double ra, Double dec) {
            if (upperLimit) {
                upperLimits++;
                return;
            }
            detections++;
            first = first == null ? jd : Math.min(first, jd);
            last = last == null ? jd : Math.max(last, jd);
            if (mag != null && fid >= 1 && fid <= 3 && (peak[fid] == null || mag < peak[fid])) {
                peak[fid] = mag;
            }
            if (ra != null && dec != null) {
                double a = Math.toRadians(ra);
                double d = Math.toRadians(dec);
                sumX += Math.cos(d) * Math.cos(a);
                sumY += Math.cos(d) * Math.sin(a);
                sumZ += Math.sin(d);
                positions++;
            }
        }

        Double meanRa() {
            if (positions == 0) {
                return null;
            }
            double ra = Math.toDegrees(Math.atan2(sumY, sumX));
            return ra < 0 ? ra + 360 : ra;
        }

        Double meanDec() {
            if (positions == 0) {
                return null;
            }
            return Math.toDegrees(Math.atan2(sumZ, Math.hypot(sumX, sumY)));
        }
    }
}
