package org.ztfclass.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.ztfclass.votables.sky.MeanPosition;

/**
 * Recomputes the summary columns of objects (position, first/last detection, counts, peak
 * magnitude per band) from their stored points, inside the caller's transaction. The position
 * is the mean of the detections' positions (wrapped correctly across RA = 0), or the
 * catalogue position when no detection carries one. The funnel's facts about each object (best
 * real/bogus scores, detection episodes, latest alert context, catalogue peak magnitude) are
 * refreshed with it, in the same row.
 */
final class SummaryRefresher {

    private static final String POINTS =
            "SELECT jd, fid, is_upper_limit, magpsf, ra, dec, rb, drb, isdiffpos FROM detections WHERE object_id = ?";
    private static final String CATALOGUE_POSITION =
            "SELECT ra, dec FROM catalogue_entries WHERE object_id = ? AND ra IS NOT NULL ORDER BY catalogue LIMIT 1";
    private static final String CATALOGUE_PEAK =
            "SELECT MIN(peak_mag) AS peak FROM catalogue_entries WHERE object_id = ?";
    private static final String LATEST_ALERT =
            "SELECT ssdistnr, ssmagnr, sgscore1, distpsnr1, neargaia, maggaia, ndethist, jdstarthist, distnr, magnr "
            + "FROM alerts WHERE object_id = ? AND schema_version IS NOT NULL ORDER BY jd DESC LIMIT 1"; // packets only: an alert known from its stamps has no context

    /** Detections further apart than this start a new episode (a season gap, or a second outburst). */
    static final double EPISODE_GAP_DAYS = 90.0;
    /** How many best real/bogus scores are kept per object: the funnel can ask for up to this many good detections. */
    public static final int KEPT_SCORES = 5;

    /** Summary and facts in one statement: each object's row (and the indexes on it) is rewritten once, not twice. */
    private static final String UPDATE =
            "UPDATE objects SET ra = ?, dec = ?, first_detection_jd = ?, last_detection_jd = ?, n_detections = ?, "
            + "n_upper_limits = ?, peak_mag_g = ?, peak_mag_r = ?, peak_mag_i = ?, updated_at = ?, "
            + "real_score_1 = ?, real_score_2 = ?, real_score_3 = ?, real_score_4 = ?, real_score_5 = ?, "
            + "n_episodes = ?, catalogue_peak_mag = ?, ssdistnr = ?, ssmagnr = ?, sgscore1 = ?, distpsnr1 = ?, neargaia = ?, "
            + "maggaia = ?, ndethist = ?, jdstarthist = ?, distnr = ?, magnr = ? WHERE object_id = ?";
    /** Where the facts start among {@link #UPDATE}'s parameters. */
    private static final int FACTS_FROM = 10;

    private SummaryRefresher() {
    }

    static void refresh(Connection c, Collection<String> objectIds, String now) throws SQLException {
        try (PreparedStatement points = c.prepareStatement(POINTS);
             PreparedStatement catalogue = c.prepareStatement(CATALOGUE_POSITION);
             PreparedStatement cataloguePeak = c.prepareStatement(CATALOGUE_PEAK);
             PreparedStatement latestAlert = c.prepareStatement(LATEST_ALERT);
             PreparedStatement update = c.prepareStatement(UPDATE)) {
            for (String id : objectIds) {
                Summary s = new Summary(id);
                points.setString(1, id);
                try (ResultSet rs = points.executeQuery()) {
                    while (rs.next()) {
                        s.add(rs.getDouble("jd"), rs.getInt("fid"), rs.getInt("is_upper_limit") == 1,
                                Sql.getDouble(rs, "magpsf"), Sql.getDouble(rs, "ra"), Sql.getDouble(rs, "dec"));
                        if (rs.getInt("is_upper_limit") == 0 && !"f".equals(rs.getString("isdiffpos"))) {
                            Double drb = Sql.getDouble(rs, "drb");
                            Double rb = Sql.getDouble(rs, "rb");
                            s.scores.add(drb != null ? drb : rb != null ? rb : 1.0);
                        }
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
                setFacts(update, cataloguePeak, latestAlert, s);
                update.setString(FACTS_FROM + 18, id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Sets the funnel's facts, parameters {@link #FACTS_FROM} + 1 to + 17 of {@link #UPDATE}. */
    private static void setFacts(PreparedStatement update, PreparedStatement cataloguePeak, PreparedStatement latestAlert,
                                 Summary s) throws SQLException {
        int f = FACTS_FROM;
        String id = s.objectId;
        List<Double> best = s.bestScores();
        for (int k = 0; k < KEPT_SCORES; k++) {
            Sql.setDouble(update, f + 1 + k, k < best.size() ? best.get(k) : null);
        }
        update.setInt(f + 6, s.episodes());
        cataloguePeak.setString(1, id);
        try (ResultSet rs = cataloguePeak.executeQuery()) {
            Sql.setDouble(update, f + 7, rs.next() ? Sql.getDouble(rs, "peak") : null);
        }
        latestAlert.setString(1, id);
        try (ResultSet rs = latestAlert.executeQuery()) {
            boolean any = rs.next();
            String[] doubles = {"ssdistnr", "ssmagnr", "sgscore1", "distpsnr1", "neargaia", "maggaia"};
            for (int i = 0; i < doubles.length; i++) {
                Sql.setDouble(update, f + 8 + i, any ? Sql.getDouble(rs, doubles[i]) : null);
            }
            Sql.setInt(update, f + 14, any ? Sql.getInt(rs, "ndethist") : null);
            Sql.setDouble(update, f + 15, any ? Sql.getDouble(rs, "jdstarthist") : null);
            Sql.setDouble(update, f + 16, any ? Sql.getDouble(rs, "distnr") : null);
            Sql.setDouble(update, f + 17, any ? Sql.getDouble(rs, "magnr") : null);
        }
    }

    /** Accumulates one object's points. */
    private static final class Summary {
        final String objectId;
        Double first;
        Double last;
        int detections;
        int upperLimits;
        final Double[] peak = new Double[4];
        final List<Double> scores = new ArrayList<>();
        final List<Double> detectionTimes = new ArrayList<>();
        final MeanPosition position = new MeanPosition();

        Summary(String objectId) {
            this.objectId = objectId;
        }

        void add(double jd, int fid, boolean upperLimit, Double mag, Double ra, Double dec) {
            if (upperLimit) {
                upperLimits++;
                return;
            }
            detections++;
            detectionTimes.add(jd);
            first = first == null ? jd : Math.min(first, jd);
            last = last == null ? jd : Math.max(last, jd);
            if (mag != null && fid >= 1 && fid <= 3 && (peak[fid] == null || mag < peak[fid])) {
                peak[fid] = mag;
            }
            position.add(ra, dec);
        }

        /** @return the best real/bogus scores, highest first, at most {@link #KEPT_SCORES} */
        List<Double> bestScores() {
            List<Double> sorted = new ArrayList<>(scores);
            sorted.sort(Collections.reverseOrder());
            return sorted.subList(0, Math.min(KEPT_SCORES, sorted.size()));
        }

        /** @return runs of detections separated by gaps longer than {@link #EPISODE_GAP_DAYS} */
        int episodes() {
            if (detectionTimes.isEmpty()) {
                return 0;
            }
            List<Double> t = new ArrayList<>(detectionTimes);
            Collections.sort(t);
            int n = 1;
            for (int i = 1; i < t.size(); i++) {
                if (t.get(i) - t.get(i - 1) > EPISODE_GAP_DAYS) {
                    n++;
                }
            }
            return n;
        }

        Double meanRa() {
            return position.ra();
        }

        Double meanDec() {
            return position.dec();
        }
    }
}
