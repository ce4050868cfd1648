package org.ztfclass.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ztfclass.votables.crossmatch.CrossmatchMeasurement;
import org.ztfclass.votables.crossmatch.CrossmatchSource;

/**
 * The cross-match cache in the store (migration V6), keyed by object, catalogue, radius and
 * service version. Writing an answer replaces the previous one for the same key in one
 * transaction; recording a failure keeps the previous good answer and marks it stale. Reading
 * gives, per catalogue, the newest entry that has a good answer (else the newest failure).
 * Thread-safe: every call takes its own connection.
 */
public final class CrossmatchCache {

    /** Identity of one cached answer. */
    public record Key(String objectId, String catalogue, double radiusArcsec, String serviceVersion) {
    }

    private final Database db;

    public CrossmatchCache(Database db) {
        this.db = db;
    }

    /** A good answer to store: its key, who answered, the request, when, the sources and how many rows were rejected. */
    public record Answer(Key key, String service, String query, Instant fetchedAt, List<CrossmatchSource> sources, int rejectedRows) {
    }

    /**
     * Stores a good answer, replacing the rows of the same key, in one transaction.
     *
     * @param rejectedRows rows of the answer that could not be read (reported elsewhere)
     */
    public void storeAnswer(Key k, String service, String query, Instant fetchedAt, List<CrossmatchSource> sources, int rejectedRows)
            throws SQLException {
        storeAnswers(List.of(new Answer(k, service, query, fetchedAt, sources, rejectedRows)));
    }

    /** Stores many good answers in one transaction (all or none), each replacing the rows of its key. */
    public void storeAnswers(List<Answer> answers) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM crossmatch_rows WHERE object_id = ? AND catalogue = ? "
                    + "AND radius_arcsec = ? AND service_version = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO crossmatch_rows (object_id, catalogue, radius_arcsec, "
                         + "service_version, source_id, separation_arcsec, ra, dec, quantity, band, frequency_ghz, mag, mag_err, "
                         + "mag_system, flux_ujy, flux_err_ujy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Answer a : answers) {
                    Key k = a.key();
                    upsert(c, k, a.service(), a.query(), a.fetchedAt(), a.sources().size(), true, a.fetchedAt(), null, a.rejectedRows());
                    bindKey(del, k);
                    del.executeUpdate();
                    for (CrossmatchSource s : a.sources()) {
                        List<CrossmatchMeasurement> ms = s.measurements().isEmpty()
                                ? java.util.Collections.singletonList(null) : s.measurements();
                        for (CrossmatchMeasurement m : ms) {
                            bindKey(ins, k);
                            ins.setString(5, s.sourceId());
                            ins.setDouble(6, s.separationArcsec());
                            Sql.setDouble(ins, 7, s.ra());
                            Sql.setDouble(ins, 8, s.dec());
                            ins.setString(9, m == null ? null : m.quantity());
                            ins.setString(10, m == null ? null : m.band());
                            Sql.setDouble(ins, 11, m == null ? null : m.frequencyGHz());
                            Sql.setDouble(ins, 12, m == null ? null : m.mag());
                            Sql.setDouble(ins, 13, m == null ? null : m.magErr());
                            ins.setString(14, m == null ? null : m.magSystem());
                            Sql.setDouble(ins, 15, m == null ? null : m.fluxUJy());
                            Sql.setDouble(ins, 16, m == null ? null : m.fluxErrUJy());
                            ins.addBatch();
                        }
                    }
                    ins.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Records that the object lies outside the catalogue's sky: a good, empty answer with no query. */
    public void storeNotCovered(Key k, String service, Instant at) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM crossmatch_rows WHERE object_id = ? AND catalogue = ? "
                        + "AND radius_arcsec = ? AND service_version = ?")) {
                    bindKey(del, k);
                    del.executeUpdate();
                }
                upsert(c, k, service, null, at, 0, false, at, null, 0);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Records a failed attempt; the previous good answer of the key (if any) stays, now stale. */
    public void storeFailure(Key k, String service, Instant at, String error) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO crossmatch_queries (object_id, catalogue, "
                + "radius_arcsec, service_version, service, attempted_at, last_error) VALUES (?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (object_id, catalogue, radius_arcsec, service_version) DO UPDATE SET attempted_at = excluded.attempted_at, "
                + "last_error = excluded.last_error")) {
            bindKey(ps, k);
            ps.setString(5, service);
            ps.setString(6, at.toString());
            ps.setString(7, error);
            ps.executeUpdate();
        }
    }

    /** @return objects whose last attempt for this catalogue, radius and version succeeded (a resumed run skips them) */
    public Set<String> answered(String catalogue, double radiusArcsec, String serviceVersion) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT object_id FROM crossmatch_queries "
                + "WHERE catalogue = ? AND radius_arcsec = ? AND service_version = ? AND last_error IS NULL AND fetched_at IS NOT NULL")) {
            ps.setString(1, catalogue);
            ps.setDouble(2, radiusArcsec);
            ps.setString(3, serviceVersion);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** @return what the cache holds for the object, one entry per catalogue, in catalogue-key order */
    public List<CachedCrossmatch> read(String objectId) throws SQLException {
        return read(List.of(objectId)).getOrDefault(objectId, List.of());
    }

    /** @return per object (those with anything cached), one entry per catalogue */
    public Map<String, List<CachedCrossmatch>> read(Collection<String> objectIds) throws SQLException {
        Map<String, List<CachedCrossmatch>> out = new LinkedHashMap<>();
        if (objectIds.isEmpty()) {
            return out;
        }
        try (Connection c = db.connect();
             PreparedStatement q = c.prepareStatement("SELECT * FROM crossmatch_queries WHERE object_id = ? "
                     + "ORDER BY catalogue, fetched_at IS NULL, fetched_at DESC, attempted_at DESC");
             PreparedStatement r = c.prepareStatement("SELECT * FROM crossmatch_rows WHERE object_id = ? AND catalogue = ? "
                     + "AND radius_arcsec = ? AND service_version = ? ORDER BY separation_arcsec, source_id, rowid")) {
            for (String id : objectIds) {
                q.setString(1, id);
                List<CachedCrossmatch> entries = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        String cat = rs.getString("catalogue");
                        if (!seen.add(cat)) {
                            continue;
                        }
                        Key k = new Key(id, cat, rs.getDouble("radius_arcsec"), rs.getString("service_version"));
                        String fetched = rs.getString("fetched_at");
                        entries.add(new CachedCrossmatch(id, cat, k.radiusArcsec(), k.serviceVersion(), rs.getString("service"),
                                rs.getString("query"), fetched == null ? null : Instant.parse(fetched),
                                Instant.parse(rs.getString("attempted_at")), rs.getString("last_error"), rs.getInt("covered") == 1,
                                rs.getInt("rejected_rows"), List.of()));
                    }
                }
                List<CachedCrossmatch> filled = new ArrayList<>();
                for (CachedCrossmatch e : entries) {
                    bindKey(r, new Key(id, e.catalogue(), e.radiusArcsec(), e.serviceVersion()));
                    filled.add(new CachedCrossmatch(e.objectId(), e.catalogue(), e.radiusArcsec(), e.serviceVersion(), e.service(),
                            e.query(), e.fetchedAt(), e.attemptedAt(), e.lastError(), e.covered(), e.rejectedRows(), sources(r, e.catalogue())));
                }
                if (!filled.isEmpty()) {
                    out.put(id, filled);
                }
            }
        }
        return out;
    }

    /** An object's position, what a cone query needs. */
    public record Target(String objectId, double ra, double dec) {
    }

    /**
     * @param only object ids to keep (empty: every object with a position)
     * @return objects with a position, in id order
     */
    public List<Target> targets(Collection<String> only) throws SQLException {
        Set<String> keep = new HashSet<>(only);
        List<Target> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT object_id, ra, dec FROM objects WHERE ra IS NOT NULL AND dec IS NOT NULL ORDER BY object_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (keep.isEmpty() || keep.contains(rs.getString(1))) {
                    out.add(new Target(rs.getString(1), rs.getDouble(2), rs.getDouble(3)));
                }
            }
        }
        return out;
    }

    /** @return the raw rows of the object, for the benchmark's plain-read reference */
    public int countRows(String objectId) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT * FROM crossmatch_rows WHERE object_id = ?")) {
            ps.setString(1, objectId);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            return n;
        }
    }

    private static List<CrossmatchSource> sources(PreparedStatement r, String catalogue) throws SQLException {
        Map<String, List<CrossmatchMeasurement>> measurements = new LinkedHashMap<>();
        Map<String, double[]> where = new LinkedHashMap<>();
        Map<String, Double[]> pos = new LinkedHashMap<>();
        try (ResultSet rs = r.executeQuery()) {
            while (rs.next()) {
                String sid = rs.getString("source_id");
                List<CrossmatchMeasurement> ms = measurements.computeIfAbsent(sid, x -> new ArrayList<>());
                where.putIfAbsent(sid, new double[] {rs.getDouble("separation_arcsec")});
                pos.putIfAbsent(sid, new Double[] {Sql.getDouble(rs, "ra"), Sql.getDouble(rs, "dec")});
                String quantity = rs.getString("quantity");
                if (quantity != null) {
                    ms.add(new CrossmatchMeasurement(quantity, rs.getString("band"), Sql.getDouble(rs, "frequency_ghz"),
                            Sql.getDouble(rs, "mag"), Sql.getDouble(rs, "mag_err"), rs.getString("mag_system"),
                            Sql.getDouble(rs, "flux_ujy"), Sql.getDouble(rs, "flux_err_ujy")));
                }
            }
        }
        List<CrossmatchSource> out = new ArrayList<>();
        for (Map.Entry<String, List<CrossmatchMeasurement>> e : measurements.entrySet()) {
            Double[] p = pos.get(e.getKey());
            out.add(new CrossmatchSource(catalogue, e.getKey(), where.get(e.getKey())[0], p[0], p[1], e.getValue()));
        }
        return out;
    }

    private static void upsert(Connection c, Key k, String service, String query, Instant fetchedAt, int nSources, boolean covered,
                               Instant attemptedAt, String error, int rejected) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO crossmatch_queries (object_id, catalogue, radius_arcsec, "
                + "service_version, service, query, fetched_at, n_sources, covered, attempted_at, last_error, rejected_rows) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (object_id, catalogue, radius_arcsec, service_version) "
                + "DO UPDATE SET service = excluded.service, query = excluded.query, fetched_at = excluded.fetched_at, "
                + "n_sources = excluded.n_sources, covered = excluded.covered, attempted_at = excluded.attempted_at, "
                + "last_error = excluded.last_error, rejected_rows = excluded.rejected_rows")) {
            bindKey(ps, k);
            ps.setString(5, service);
            ps.setString(6, query);
            ps.setString(7, fetchedAt.toString());
            ps.setInt(8, nSources);
            ps.setInt(9, covered ? 1 : 0);
            ps.setString(10, attemptedAt.toString());
            ps.setString(11, error);
            ps.setInt(12, rejected);
            ps.executeUpdate();
        }
    }

    private static void bindKey(PreparedStatement ps, Key k) throws SQLException {
        ps.setString(1, k.objectId());
        ps.setString(2, k.catalogue());
        ps.setDouble(3, k.radiusArcsec());
        ps.setString(4, k.serviceVersion());
    }
}
