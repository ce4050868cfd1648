package org.ztfclass.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ztfclass.votables.domain.Band;
import org.ztfclass.votables.domain.CatalogueEntry;
import org.ztfclass.votables.domain.CutoutKind;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.domain.ZtfObject;

/**
 * Read-only queries on the store, each on its own connection (WAL: reads never wait for an
 * ingest). Thread-safe.
 */
public final class ObjectQueries {

    /**
     * The current label of an object is its most recent label event; its prediction is the one by
     * the store's current model version (migration V8's {@code current_model_version}: the newest
     * serving version, else the newest), so a rollback shows the version that serves, not the newest.
     */
    private static final String OBJECT_COLUMNS =
            "SELECT o.object_id, o.ra, o.dec, o.first_detection_jd, o.last_detection_jd, o.n_detections, "
            + "o.peak_mag_g, o.peak_mag_r, o.peak_mag_i, l.top_class, l.fine_class, fd.stage, fd.reason, fd.rescued, "
            + "p.model_version, p.p_sn_ia, p.p_sn_ii, p.p_other FROM objects o "
            + "LEFT JOIN labels l ON l.id = (SELECT MAX(id) FROM labels WHERE object_id = o.object_id) "
            + "LEFT JOIN predictions p ON p.object_id = o.object_id "
            + "AND p.model_version = (SELECT model_version FROM current_model_version WHERE id = 1) "
            + "LEFT JOIN funnel_drops fd ON fd.run_id = (SELECT MAX(id) FROM funnel_runs) AND fd.object_id = o.object_id ";

    private final Database db;

    /** @return a {@link ReadScope} on this store: the caller's reads on this thread share one connection until it closes */
    public ReadScope readScope() throws java.sql.SQLException {
        return db.readScope();
    }

    public ObjectQueries(Database db) {
        this.db = db;
    }

    /** @return the store these queries read, for other readers of the same page (they share its {@link ReadScope}) */
    public Database database() {
        return db;
    }

    /** @return how many objects pass {@code filter} */
    public long countObjects(ObjectFilter filter) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM (" + OBJECT_COLUMNS + where + ") matching")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * @return up to {@code limit} objects passing {@code filter}, ordered by object id, skipping the first {@code offset}
     */
    public List<ZtfObject> listObjects(ObjectFilter filter, int limit, long offset) throws SQLException {
        List<Object> args = new ArrayList<>();
        String sql = OBJECT_COLUMNS + where(filter, args) + " ORDER BY o.object_id LIMIT ? OFFSET ?";
        args.add(limit);
        args.add(offset);
        List<ZtfObject> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(toObject(rs));
                }
            }
        }
        return out;
    }

    /** An object and its distance from a cone's centre. */
    public record InCone(ZtfObject object, double distanceDeg) {
    }

    /**
     * @param raDeg     cone centre, ICRS
     * @param decDeg    cone centre, ICRS
     * @param radiusDeg cone radius, 0 ≤ r ≤ 180
     * @param limit     most objects returned (nearest first)
     * @return the objects with a position within the cone, nearest first
     */
    public List<InCone> inCone(double raDeg, double decDeg, double radiusDeg, int limit) throws SQLException {
        List<InCone> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(CONE)) {
            scanCone(ps, raDeg, decDeg, radiusDeg, out::add);
        }
        out.sort(java.util.Comparator.comparingDouble(InCone::distanceDeg));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /** Objects in a declination band around a cone; the exact distance decides. */
    private static final String CONE = OBJECT_COLUMNS + "WHERE o.dec BETWEEN ? AND ? AND o.ra IS NOT NULL";

    /** Feeds {@code sink} every object within the cone, reading the band through {@code ps} ({@link #CONE}). */
    private static void scanCone(PreparedStatement ps, double raDeg, double decDeg, double radiusDeg,
                                 java.util.function.Consumer<InCone> sink) throws SQLException {
        ps.setDouble(1, decDeg - radiusDeg);
        ps.setDouble(2, decDeg + radiusDeg);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double d = org.ztfclass.votables.sky.Separation.degrees(raDeg, decDeg, rs.getDouble("ra"), rs.getDouble("dec"));
                if (d <= radiusDeg) {
                    sink.accept(new InCone(toObject(rs), d));
                }
            }
        }
    }

    /**
     * @return the objects the store knows among {@code ids}, by id (one connection, chunked queries)
     */
    public java.util.Map<String, ZtfObject> objects(java.util.Collection<String> ids) throws SQLException {
        java.util.Map<String, ZtfObject> out = new java.util.HashMap<>();
        List<String> all = new ArrayList<>(new java.util.LinkedHashSet<>(ids));
        try (Connection c = db.connect()) {
            for (int from = 0; from < all.size(); from += 500) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement(OBJECT_COLUMNS + "WHERE o.object_id IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ZtfObject o = toObject(rs);
                            out.put(o.objectId(), o);
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * @param positions {ra, dec} pairs, degrees
     * @return for each position, the nearest object within the radius, or null (one connection)
     */
    public List<InCone> nearest(List<double[]> positions, double radiusDeg) throws SQLException {
        List<InCone> out = new ArrayList<>(positions.size());
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(CONE)) {
            for (double[] p : positions) {
                InCone[] best = new InCone[1];
                scanCone(ps, p[0], p[1], radiusDeg, hit -> {
                    if (best[0] == null || hit.distanceDeg() < best[0].distanceDeg()) {
                        best[0] = hit;
                    }
                });
                out.add(best[0]);
            }
        }
        return out;
    }

    /** @return the object, empty if the store does not know it */
    public Optional<ZtfObject> object(String objectId) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(OBJECT_COLUMNS + "WHERE o.object_id = ?")) {
            ps.setString(1, objectId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(toObject(rs)) : Optional.empty();
            }
        }
    }

    /** @return every detection and upper limit of the object, in time order */
    public List<Detection> lightCurve(String objectId) throws SQLException {
        List<Detection> out = new ArrayList<>();
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM detections WHERE object_id = ? ORDER BY jd, fid")) {
            ps.setString(1, objectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Detection(objectId, Sql.getLong(rs, "candid"), rs.getDouble("jd"), Band.ofFid(rs.getInt("fid")),
                            Sql.getDouble(rs, "magpsf"), Sql.getDouble(rs, "sigmapsf"), Sql.getDouble(rs, "diffmaglim"),
                            Sql.getDouble(rs, "ra"), Sql.getDouble(rs, "dec"), Sql.getDouble(rs, "rb"), Sql.getDouble(rs, "drb"),
                            rs.getString("isdiffpos"), Sql.getInt(rs, "programid")));
                }
            }
        }
        return out;
    }

    /**
     * @param candid a given alert, or null for the most recent alert of the object that has this cutout
     * @return the cutout, empty if there is none
     */
    public Optional<StoredCutout> cutout(String objectId, CutoutKind kind, Long candid) throws SQLException {
        String sql = "SELECT c.candid, c.kind, c.file_name, c.fits_gz FROM cutouts c JOIN alerts a ON a.candid = c.candid "
                + "WHERE a.object_id = ? AND c.kind = ?" + (candid == null ? "" : " AND c.candid = ?")
                + " ORDER BY a.jd DESC LIMIT 1";
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, objectId);
            ps.setString(2, kind.urlName());
            if (candid != null) {
                ps.setLong(3, candid);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new StoredCutout(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                        : Optional.empty();
            }
        }
    }

    /**
     * @return every photometric point of the object from every source, in time order: its ZTF
     *         alert photometry (instrument {@code ZTF}) and what other surveys and instruments gave
     */
    public List<org.ztfclass.votables.domain.PhotometryPoint> photometry(String objectId) throws SQLException {
        List<org.ztfclass.votables.domain.PhotometryPoint> out = new ArrayList<>();
        for (Detection d : lightCurve(objectId)) {
            double mjd = d.jd() - Detection.MJD_OFFSET;
            if (d.isUpperLimit()) {
                out.add(new org.ztfclass.votables.domain.PhotometryPoint(objectId, mjd, "ZTF", d.band().letter(), null, null, null,
                        null, null, d.diffmaglim()));
            } else {
                double flux = Math.pow(10, (23.9 - d.magpsf()) / 2.5);
                Double err = d.sigmapsf() == null ? null : flux * d.sigmapsf() / 1.0857;
                out.add(new org.ztfclass.votables.domain.PhotometryPoint(objectId, mjd, "ZTF", d.band().letter(), null, d.magpsf(),
                        d.sigmapsf(), flux, err, null));
            }
        }
        out.addAll(surveyPhotometry(objectId));
        out.sort(java.util.Comparator.comparingDouble(org.ztfclass.votables.domain.PhotometryPoint::mjd));
        return out;
    }

    /**
     * @return what other surveys and instruments gave for the object (ZTF forced photometry, PS1,
     *         ATLAS, radio), in time order; not its ZTF alert photometry
     */
    public List<org.ztfclass.votables.domain.PhotometryPoint> surveyPhotometry(String objectId) throws SQLException {
        List<org.ztfclass.votables.domain.PhotometryPoint> out = new ArrayList<>();
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM photometry WHERE object_id = ? ORDER BY mjd")) {
            ps.setString(1, objectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new org.ztfclass.votables.domain.PhotometryPoint(objectId, rs.getDouble("mjd"), rs.getString("instrument"),
                            rs.getString("band"), Sql.getDouble(rs, "frequency_ghz"), Sql.getDouble(rs, "mag"),
                            Sql.getDouble(rs, "mag_err"), Sql.getDouble(rs, "flux_ujy"), Sql.getDouble(rs, "flux_err_ujy"),
                            Sql.getDouble(rs, "limit_mag")));
                }
            }
        }
        return out;
    }

    /** @return the object's alerts, most recent first */
    public List<StoredAlert> alerts(String objectId) throws SQLException {
        String sql = "SELECT a.*, (SELECT " + db.dialect().groupConcat("kind") + " FROM cutouts c WHERE c.candid = a.candid) AS kinds "
                + "FROM alerts a WHERE a.object_id = ? ORDER BY a.jd DESC";
        return rowsOf(sql, objectId, rs -> {
            String kinds = rs.getString("kinds");
            return new StoredAlert(rs.getLong("candid"), rs.getDouble("jd"), rs.getString("schema_version"),
                    Sql.getDouble(rs, "ssdistnr"), Sql.getDouble(rs, "sgscore1"), Sql.getDouble(rs, "distpsnr1"),
                    Sql.getDouble(rs, "neargaia"), kinds == null ? List.of() : List.of(kinds.split(",")),
                    rs.getString("source_file"));
        });
    }

    /** @return the object's label events, oldest first, each person shown by pseudonym (as for an anonymous reader) */
    public List<StoredLabel> labels(String objectId) throws SQLException {
        return labels(objectId, false);
    }

    /**
     * @param realNames true: people by user name (for a signed-in reader); false: by their pseudonym
     *                  ({@code labeller-…}, migration V12) in both {@code userName} and {@code sourceRef}, so
     *                  that no user name reaches an anonymous reader
     * @return the object's label events, oldest first
     */
    public List<StoredLabel> labels(String objectId, boolean realNames) throws SQLException {
        String person = realNames ? "u.name" : "u.pseudonym";
        String sql = "SELECT l.*, " + person + " AS user_name, CASE WHEN l.source IN ('catalogue', 'auto') THEN l.source_ref ELSE "
                + person + " END AS shown_ref FROM labels l LEFT JOIN users u ON u.id = l.user_id WHERE l.object_id = ? ORDER BY l.id";
        return rowsOf(sql, objectId, rs -> {
            return new StoredLabel(rs.getLong("id"), objectId, rs.getString("fine_class"), rs.getString("top_class"),
                    rs.getString("source"), rs.getString("shown_ref"), rs.getString("user_name"),
                    Sql.getDouble(rs, "confidence"), rs.getString("comment"), rs.getString("created_at"));
        });
    }

    /** @return the catalogue rows about the object */
    public List<CatalogueEntry> catalogueEntries(String objectId) throws SQLException {
        List<CatalogueEntry> out = new ArrayList<>();
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM catalogue_entries WHERE object_id = ? ORDER BY catalogue")) {
            ps.setString(1, objectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CatalogueEntry(rs.getString("catalogue"), objectId, rs.getString("alt_name"),
                            Sql.getDouble(rs, "ra"), Sql.getDouble(rs, "dec"), rs.getString("fine_class"),
                            Sql.getDouble(rs, "peak_jd"), rs.getString("peak_band"), Sql.getDouble(rs, "peak_mag"),
                            Sql.getDouble(rs, "peak_abs_mag"), Sql.getDouble(rs, "duration_days"),
                            Sql.getDouble(rs, "rise_days"), Sql.getDouble(rs, "fade_days"), rs.getString("lower_limits"),
                            Sql.getDouble(rs, "redshift"), Sql.getDouble(rs, "galactic_latitude"),
                            Sql.getDouble(rs, "extinction_av")));
                }
            }
        }
        return out;
    }

    /** Maps one result row. */
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** @return the rows {@code sql} (one {@code ?}: the object id) gives, mapped, in its order; one connection */
    private <T> List<T> rowsOf(String sql, String objectId, RowMapper<T> mapper) throws SQLException {
        List<T> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, objectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
        }
        return out;
    }

    /** @return how many rows each main table holds */
    public StoreCounts counts() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            return new StoreCounts(count(s, "SELECT COUNT(*) FROM objects"), count(s, "SELECT COUNT(*) FROM alerts"),
                    count(s, "SELECT COUNT(*) FROM detections WHERE is_upper_limit = 0"),
                    count(s, "SELECT COUNT(*) FROM detections WHERE is_upper_limit = 1"),
                    count(s, "SELECT COUNT(*) FROM cutouts"), count(s, "SELECT COUNT(*) FROM catalogue_entries"),
                    count(s, "SELECT COUNT(*) FROM labels"));
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String where(ObjectFilter f, List<Object> args) {
        List<String> clauses = new ArrayList<>();
        if (f.labelled() != null) {
            clauses.add(f.labelled() ? "l.id IS NOT NULL" : "l.id IS NULL");
        }
        if (f.labelClass() != null) {
            clauses.add("l.top_class = ?");
            args.add(f.labelClass().name());
        }
        if (f.predictedClass() != null) {
            String column = switch (f.predictedClass()) {
                case SN_IA -> "p.p_sn_ia";
                case SN_II -> "p.p_sn_ii";
                case OTHER -> "p.p_other";
            };
            clauses.add(column + " >= ?");
            args.add(f.minProbability() == null ? 0.0 : f.minProbability());
            clauses.add("p.predicted_class = ?");
            args.add(f.predictedClass().name());
        } else if (f.minProbability() != null) {
            clauses.add(db.dialect().greatest("p.p_sn_ia", "p.p_sn_ii", "p.p_other") + " >= ?");
            args.add(f.minProbability());
        }
        if (f.newSince() != null) {
            clauses.add(NewSince.condition(db.dialect()));
            args.add(f.newSince().bound());
        }
        if (ObjectFilter.PASSED.equals(f.droppedBy())) {
            clauses.add("(fd.stage IS NULL OR fd.rescued = 1)");
        } else if (f.droppedBy() != null) {
            clauses.add("fd.stage = ? AND fd.rescued = 0");
            args.add(f.droppedBy());
        }
        return clauses.isEmpty() ? "" : "WHERE " + String.join(" AND ", clauses);
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    private static ZtfObject toObject(ResultSet rs) throws SQLException {
        String top = rs.getString("top_class");
        Double ra = Sql.getDouble(rs, "ra");
        Double dec = Sql.getDouble(rs, "dec");
        return new ZtfObject(rs.getString("object_id"), ra, dec, Sql.getDouble(rs, "first_detection_jd"),
                Sql.getDouble(rs, "last_detection_jd"), rs.getInt("n_detections"), Sql.getDouble(rs, "peak_mag_g"),
                Sql.getDouble(rs, "peak_mag_r"), Sql.getDouble(rs, "peak_mag_i"), top == null ? "unlabelled" : "labelled",
                top, rs.getString("fine_class"), rs.getInt("rescued") == 1 ? null : rs.getString("stage"),
                rs.getInt("rescued") == 1 ? "rescued by hand; the stage said: " + rs.getString("reason") : rs.getString("reason"),
                rs.getString("model_version") == null ? null : new org.ztfclass.votables.domain.Prediction(rs.getString("object_id"),
                        rs.getString("model_version"), rs.getDouble("p_sn_ia"), rs.getDouble("p_sn_ii"), rs.getDouble("p_other")));
    }
}
