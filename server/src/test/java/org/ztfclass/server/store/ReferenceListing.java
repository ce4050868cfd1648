package org.ztfclass.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The slow, obviously right object list the tests compare {@link ObjectListing} with: every
 * answer derived per request from the source tables (newest label event, the current model
 * version's prediction, the newest funnel run's unrescued drop), as the list was computed before
 * the denormalised columns of migration V8. Returns every matching object id in the query's order.
 */
final class ReferenceListing {

    private static final String CURRENT_VERSION =
            "(SELECT version FROM model_versions ORDER BY status = 'serving' DESC, created_at DESC, version DESC LIMIT 1)";
    private static final String FROM = " FROM objects o "
            + "LEFT JOIN labels l ON l.id = (SELECT MAX(id) FROM labels WHERE object_id = o.object_id) "
            + "LEFT JOIN predictions p ON p.object_id = o.object_id AND p.model_version = " + CURRENT_VERSION + " "
            + "LEFT JOIN funnel_drops fd ON fd.run_id = (SELECT MAX(id) FROM funnel_runs) AND fd.object_id = o.object_id AND fd.rescued = 0 ";

    private final Database db;

    ReferenceListing(Database db) {
        this.db = db;
    }

    /** @return "id|label|predicted|p|version|stage" of every object matching q, in its order */
    List<String> all(ObjectListing.Query q) throws SQLException {
        List<Object> args = new ArrayList<>();
        List<String> c = new ArrayList<>();
        if (q.labelClass() != null) {
            c.add("l.top_class = ?");
            args.add(q.labelClass().name());
        }
        if (q.labelled() != null) {
            c.add(q.labelled() ? "l.id IS NOT NULL" : "l.id IS NULL");
        }
        if (q.predictedClass() != null) {
            c.add("p.predicted_class = ?");
            args.add(q.predictedClass().name());
        }
        if (q.minProbability() != null) {
            c.add(db.dialect().greatest("p.p_sn_ia", "p.p_sn_ii", "p.p_other") + " >= ?");
            args.add(q.minProbability());
        }
        if (q.maxProbability() != null) {
            c.add(db.dialect().greatest("p.p_sn_ia", "p.p_sn_ii", "p.p_other") + " <= ?");
            args.add(q.maxProbability());
        }
        if (ObjectFilter.PASSED.equals(q.funnelStage())) {
            c.add("fd.stage IS NULL");
        } else if (q.funnelStage() != null) {
            c.add("fd.stage = ?");
            args.add(q.funnelStage());
        }
        if (q.firstDetectionFromJd() != null) {
            c.add("o.first_detection_jd >= ?");
            args.add(q.firstDetectionFromJd());
        }
        if (q.firstDetectionToJd() != null) {
            c.add("o.first_detection_jd < ?");
            args.add(q.firstDetectionToJd());
        }
        if (q.ra() != null) {
            // no RA window, no Dec band: the exact distance alone
            c.add("2 * asin(sqrt(pow(sin(radians(o.dec - ?) / 2), 2) + cos(radians(o.dec)) * cos(radians(?)) "
                    + "* pow(sin(radians(o.ra - ?) / 2), 2))) <= radians(?)");
            args.add(q.dec());
            args.add(q.dec());
            args.add(q.ra());
            args.add(q.radiusDeg());
        }
        String key = switch (q.sort()) {
            case OBJECT_ID -> "o.object_id";
            case FIRST_DETECTION -> "o.first_detection_jd";
            case LAST_DETECTION -> "o.last_detection_jd";
            case DETECTIONS -> "o.n_detections";
            case PEAK_MAG -> db.dialect().least("COALESCE(o.peak_mag_g, 99)", "COALESCE(o.peak_mag_r, 99)", "COALESCE(o.peak_mag_i, 99)");
            case PROBABILITY -> db.dialect().greatest("p.p_sn_ia", "p.p_sn_ii", "p.p_other");
        };
        String dir = q.descending() ? " DESC" : " ASC";
        String sql = "SELECT o.object_id, l.top_class, p.predicted_class, " + db.dialect().greatest("p.p_sn_ia", "p.p_sn_ii", "p.p_other") + ", p.model_version, fd.stage"
                + FROM + (c.isEmpty() ? "" : "WHERE " + String.join(" AND ", c)) + " ORDER BY " + key + dir
                + (q.sort() == ObjectListing.Sort.OBJECT_ID ? "" : ", o.object_id" + dir);
        List<String> out = new ArrayList<>();
        try (Connection conn = db.connect(); PreparedStatement ps = conn.prepareStatement(sql)) {
            int i = 1;
            for (Object a : args) {
                ps.setObject(i++, a);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object pmax = rs.getObject(4);
                    out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + (pmax == null ? null : rs.getDouble(4))
                            + "|" + rs.getString(5) + "|" + rs.getString(6));
                }
            }
        }
        return out;
    }
}
