package org.ztfclass.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ztfclass.votables.domain.TransientClass;

/**
 * The object list of the web application: filtered, sorted and paged in the store (never in
 * memory), one connection per call. Thread-safe.
 *
 * <p>Filters (null: no filter): current label class, predicted class, range of the predicted
 * class's probability, label status, funnel stage of the latest run ({@code none}: passed), range
 * of first-detection JD, a sky cone (centre and radius in degrees, exact great-circle
 * distance), "not scanned by this user" (neither labelled nor skipped by them), and "new since"
 * ({@link NewSince}: an alert ingested at or after a moment; when at most {@value #SMALL_STAGE} alerts
 * were, the listing starts from their objects, by index {@code alerts_ingested}). Probabilities are those
 * of the current model version: the newest serving version,
 * else the newest version. Sorting by one {@link Sort} key, ties broken by object id. Pages are
 * fetched with one row more than asked, to know whether another page follows; nothing counts every
 * match.
 *
 * <p>The label and prediction conditions read the per-object "current" columns of
 * {@code objects} (migration V8: newest label class, current version's class and probabilities),
 * which triggers keep equal to what joining the label and prediction tables would give, in the
 * writer's own transaction; indexes on them put each filter's rows in the sort's order, so a page
 * costs what the page costs. The funnel verdict is read where the funnel writes it (migration V9):
 * the newest run's {@code funnel_drops}, a primary-key probe per candidate row; a stage that
 * dropped few objects ({@value #SMALL_STAGE} or fewer) is listed from its own drops instead, and
 * "passed", when the run passed few objects and so recorded them ({@code funnel_passes}), from
 * those (plus any object newer than the run); the few rows are then sorted. A cone adds an RA
 * window to its Dec band where that is exact (away from the poles), so the position index narrows
 * both.
 */
public final class ObjectListing {

    /** Sort keys, by their column. */
    public enum Sort {
        OBJECT_ID("o.object_id"), FIRST_DETECTION("o.first_detection_jd"), LAST_DETECTION("o.last_detection_jd"),
        DETECTIONS("o.n_detections"), PEAK_MAG("{least}(COALESCE(o.peak_mag_g, 99), COALESCE(o.peak_mag_r, 99), COALESCE(o.peak_mag_i, 99))"),
        PROBABILITY("o.cur_p_max");

        final String expression;

        Sort(String expression) {
            this.expression = expression;
        }

        /** @return the key named {@code name} (e.g. {@code first_detection}), any case */
        public static Sort parse(String name) {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        }

        /** @return the name used in URLs */
        public String urlName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What to list. Null fields do not filter.
     *
     * @param hideScannedBy a user id: leave out the objects this user labelled (any source) or skipped ({@code label_skips})
     * @param newSince      only objects with an alert ingested at or after it
     */
    public record Query(TransientClass labelClass, TransientClass predictedClass, Double minProbability, Double maxProbability,
                        Boolean labelled, String funnelStage, Double firstDetectionFromJd, Double firstDetectionToJd,
                        Double ra, Double dec, Double radiusDeg, Sort sort, boolean descending, int pageSize, int page,
                        Long hideScannedBy, NewSince newSince) {

        /** A query that hides nothing a particular user did, without "new since". */
        public Query(TransientClass labelClass, TransientClass predictedClass, Double minProbability, Double maxProbability,
                     Boolean labelled, String funnelStage, Double firstDetectionFromJd, Double firstDetectionToJd,
                     Double ra, Double dec, Double radiusDeg, Sort sort, boolean descending, int pageSize, int page) {
            this(labelClass, predictedClass, minProbability, maxProbability, labelled, funnelStage, firstDetectionFromJd,
                    firstDetectionToJd, ra, dec, radiusDeg, sort, descending, pageSize, page, null, null);
        }

        /** A query without "new since". */
        public Query(TransientClass labelClass, TransientClass predictedClass, Double minProbability, Double maxProbability,
                     Boolean labelled, String funnelStage, Double firstDetectionFromJd, Double firstDetectionToJd,
                     Double ra, Double dec, Double radiusDeg, Sort sort, boolean descending, int pageSize, int page,
                     Long hideScannedBy) {
            this(labelClass, predictedClass, minProbability, maxProbability, labelled, funnelStage, firstDetectionFromJd,
                    firstDetectionToJd, ra, dec, radiusDeg, sort, descending, pageSize, page, hideScannedBy, null);
        }
    }

    /** One row of the list. */
    public record Row(String objectId, Double ra, Double dec, Double firstDetectionJd, Double lastDetectionJd, int nDetections,
                      Double peakMag, String labelClass, String predictedClass, Double probability, String modelVersion,
                      String droppedBy) {
    }

    /** One page of rows, and whether more rows follow it. */
    public record Page(List<Row> rows, boolean hasNext) {
    }

    /** A stage that dropped at most this many objects is listed from its drops, not probed per object. */
    static final int SMALL_STAGE = 20_000;

    private static final String LATEST_RUN = "(SELECT MAX(id) FROM funnel_runs)";
    private static final String DROP_OF_O = "SELECT %s FROM funnel_drops fd WHERE fd.run_id = " + LATEST_RUN
            + " AND fd.object_id = o.object_id AND fd.rescued = 0";

    private final Database db;
    private final int smallStage;

    public ObjectListing(Database db) {
        this(db, SMALL_STAGE);
    }

    /** @param smallStage list a stage from its drops when it dropped at most this many objects (tests set both ways) */
    ObjectListing(Database db, int smallStage) {
        this.db = db;
        this.smallStage = smallStage;
    }

    /** @return the requested page of the objects that pass {@code q} */
    public Page page(Query q) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = db.connect()) {
            List<Object> args = new ArrayList<>();
            String from = drivingRows(c, q.funnelStage(), q.newSince(), args);
            String where = where(q, args);
            String least = db.dialect() == SqlDialect.SQLITE ? "MIN" : "LEAST";
            String order = " ORDER BY " + q.sort().expression.replace("{least}", least) + (q.descending() ? " DESC" : " ASC")
                    + (q.sort() == Sort.OBJECT_ID ? "" : ", o.object_id" + (q.descending() ? " DESC" : ""));
            String select = "SELECT o.object_id, o.ra, o.dec, o.first_detection_jd, o.last_detection_jd, o.n_detections, "
                    + "NULLIF(" + least + "(COALESCE(o.peak_mag_g, 99), COALESCE(o.peak_mag_r, 99), COALESCE(o.peak_mag_i, 99)), 99) AS peak_mag, "
                    + "o.cur_label_class, o.cur_predicted_class, o.cur_p_max, o.cur_model_version, ("
                    + String.format(DROP_OF_O, "fd.stage") + ") AS dropped_by FROM " + from + where + order + " LIMIT ? OFFSET ?";
            try (PreparedStatement ps = c.prepareStatement(select)) {
                int i = bind(ps, args);
                ps.setInt(i++, q.pageSize() + 1);
                ps.setLong(i, (long) q.page() * q.pageSize());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getString(1), Sql.getDouble(rs, "ra"), Sql.getDouble(rs, "dec"),
                                Sql.getDouble(rs, "first_detection_jd"), Sql.getDouble(rs, "last_detection_jd"), rs.getInt("n_detections"),
                                Sql.getDouble(rs, "peak_mag"), rs.getString("cur_label_class"), rs.getString("cur_predicted_class"),
                                Sql.getDouble(rs, "cur_p_max"), rs.getString("cur_model_version"), rs.getString("dropped_by")));
                    }
                }
            }
        }
        boolean more = rows.size() > q.pageSize();
        return new Page(more ? List.copyOf(rows.subList(0, q.pageSize())) : rows, more);
    }

    /**
     * The FROM clause: the objects, or, when the funnel filter matches few objects, those few
     * objects first (a CROSS JOIN keeps that order), so the page does not walk the store to find
     * them. The WHERE clause still states every condition; this only chooses where to start.
     * A stage that dropped at most {@link #smallStage} objects starts from its drops; "passed",
     * when the newest run recorded the few objects it passed, from those plus the objects added
     * after the run (which it never judged).
     */
    private String drivingRows(Connection c, String funnelStage, NewSince newSince, List<Object> args) throws SQLException {
        String few = null;
        if (ObjectFilter.PASSED.equals(funnelStage)) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id, passes_recorded, last_object_rowid FROM funnel_runs ORDER BY id DESC LIMIT 1")) {
                if (rs.next() && rs.getInt("passes_recorded") == 1) {
                    few = "SELECT object_id FROM funnel_passes WHERE run_id = ? UNION SELECT object_id FROM objects WHERE "
                            + db.dialect().insertionOrder("") + " > ?";
                    args.add(rs.getLong("id"));
                    args.add(rs.getLong("last_object_rowid"));
                }
            }
        } else if (funnelStage != null && isSmallStage(c, funnelStage, smallStage)) {
            few = "SELECT object_id FROM funnel_drops WHERE run_id = " + LATEST_RUN + " AND stage = ? AND rescued = 0";
            args.add(funnelStage);
        }
        if (few == null && newSince != null && isRecent(c, newSince, smallStage)) {
            // without INDEXED BY, SQLite reads DISTINCT object_id by walking every alert in alerts_object order
            few = "SELECT DISTINCT object_id FROM alerts" + db.dialect().indexedBy("alerts_ingested") + " WHERE ingested_at >= ?";
            args.add(newSince.bound());
        }
        // SQLite's CROSS JOIN keeps the few rows first (its planner never reorders it); PostgreSQL plans the join itself
        String join = db.dialect() == SqlDialect.SQLITE ? " CROSS JOIN " : " JOIN ";
        return few == null ? "objects o " : "(" + few + ") few" + join + "objects o ON o.object_id = few.object_id ";
    }

    /** @return whether the newest run dropped at most {@code small} objects at {@code stage} (counts at most that many + 1) */
    private static boolean isSmallStage(Connection c, String stage, int small) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM funnel_drops WHERE run_id = " + LATEST_RUN
                + " AND stage = ? AND rescued = 0 LIMIT " + (small + 1) + ") few")) {
            ps.setString(1, stage);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) <= small;
            }
        }
    }

    /** @return whether at most {@code small} alerts were ingested since {@code since} (counts at most that many + 1) */
    private static boolean isRecent(Connection c, NewSince since, int small) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM alerts WHERE ingested_at >= ? LIMIT "
                + (small + 1) + ") few")) {
            ps.setString(1, since.bound());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) <= small;
            }
        }
    }

    private String where(Query q, List<Object> args) {
        List<String> c = new ArrayList<>();
        if (q.newSince() != null) {
            c.add(NewSince.condition(db.dialect()));
            args.add(q.newSince().bound());
        }
        if (ObjectFilter.PASSED.equals(q.funnelStage())) {
            c.add("NOT EXISTS (" + String.format(DROP_OF_O, "1") + ")");
        } else if (q.funnelStage() != null) {
            c.add("EXISTS (" + String.format(DROP_OF_O, "1") + " AND fd.stage = ?)");
            args.add(q.funnelStage());
        }
        if (q.labelClass() != null) {
            c.add("o.cur_label_class = ?");
            args.add(q.labelClass().name());
        }
        if (q.labelled() != null) {
            c.add(q.labelled() ? "o.cur_label_class IS NOT NULL" : "o.cur_label_class IS NULL");
        }
        if (q.hideScannedBy() != null) {
            // a probe per candidate row on labels_object and label_skips' key: cost grows with the rows hidden, not the store
            c.add("NOT EXISTS (SELECT 1 FROM labels l WHERE l.object_id = o.object_id AND l.user_id = ?)");
            c.add("NOT EXISTS (SELECT 1 FROM label_skips k WHERE k.user_id = ? AND k.object_id = o.object_id)");
            args.add(q.hideScannedBy());
            args.add(q.hideScannedBy());
        }
        if (q.predictedClass() != null) {
            c.add("o.cur_predicted_class = ?");
            args.add(q.predictedClass().name());
        }
        if (q.minProbability() != null) {
            c.add("COALESCE(o.cur_p_max, -1) >= ?");
            args.add(q.minProbability());
        }
        if (q.maxProbability() != null) {
            c.add("COALESCE(o.cur_p_max, 2) <= ?");
            args.add(q.maxProbability());
        }
        if (q.firstDetectionFromJd() != null) {
            c.add("o.first_detection_jd >= ?");
            args.add(q.firstDetectionFromJd());
        }
        if (q.firstDetectionToJd() != null) {
            c.add("o.first_detection_jd < ?");
            args.add(q.firstDetectionToJd());
        }
        if (q.ra() != null && q.dec() != null && q.radiusDeg() != null) {
            c.add("o.dec BETWEEN ? AND ?");
            args.add(q.dec() - q.radiusDeg());
            args.add(q.dec() + q.radiusDeg());
            raWindow(q.ra(), q.dec(), q.radiusDeg(), c, args);
            c.add("2 * asin(sqrt(pow(sin(radians(o.dec - ?) / 2), 2) + cos(radians(o.dec)) * cos(radians(?)) "
                    + "* pow(sin(radians(o.ra - ?) / 2), 2))) <= radians(?)");
            args.add(q.dec());
            args.add(q.dec());
            args.add(q.ra());
            args.add(q.radiusDeg());
        }
        return c.isEmpty() ? "" : "WHERE " + String.join(" AND ", c);
    }

    /**
     * Adds the RA window that holds every position within {@code r} degrees of ({@code ra},
     * {@code dec}): half-width asin(sin r / cos dec) (the cone's widest RA extent), wrapped at
     * 0/360; nothing where the cone reaches a pole or spans half the sky. A superset: the exact
     * distance condition still decides.
     */
    static void raWindow(double ra, double dec, double r, List<String> c, List<Object> args) {
        if (Math.abs(dec) + r >= 89.0 || r >= 45.0) {
            return;
        }
        double s = Math.sin(Math.toRadians(r)) / Math.cos(Math.toRadians(dec));
        if (s >= 1.0) {
            return;
        }
        double half = Math.toDegrees(Math.asin(s)) * 1.000001 + 1e-9;
        double lo = ra - half;
        double hi = ra + half;
        if (lo >= 0 && hi <= 360) {
            c.add("o.ra BETWEEN ? AND ?");
            args.add(lo);
            args.add(hi);
        } else {
            c.add("(o.ra >= ? OR o.ra <= ?)");
            args.add(lo < 0 ? lo + 360 : lo);
            args.add(hi > 360 ? hi - 360 : hi);
        }
    }

    private static int bind(PreparedStatement ps, List<Object> args) throws SQLException {
        int i = 1;
        for (Object a : args) {
            ps.setObject(i++, a);
        }
        return i;
    }
}
