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
        db.inTransaction(c -> {
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
            }
            return null;
        });
    }

    /** Records that the object lies outside the catalogue's sky: a good, empty answer with no query. */
    public void storeNotCovered(Key k, String service, Instant at) throws SQLException {
        db.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM crossmatch_rows WHERE object_id = ? AND catalogue = ? "
                    + "AND radius_arcsec = ? AND service_version = ?")) {
                bindKey(del, k);
                del.executeUpdate();
            }
            upsert(c, k, service, null, at, 0, false, at, null, 0);
            return null;
        });
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

    /** @return per object (those with anything cached), one entry per catalogue; one statement per object */
    public Map<String, List<CachedCrossmatch>> read(Collection<String> objectIds) throws SQLException {
        Map<String, List<CachedCrossmatch>> out = new LinkedHashMap<>();
        if (objectIds.isEmpty()) {
            return out;
        }
        try (Connection c = db.connect();
             PreparedStatement q = c.prepareStatement("SELECT q.catalogue, q.radius_arcsec, q.service_version, q.service, q.query, "
                     + "q.fetched_at, q.attempted_at, q.last_error, q.covered, q.rejected_rows, r.source_id, r.separation_arcsec, r.ra, "
                     + "r.dec, r.quantity, r.band, r.frequency_ghz, r.mag, r.mag_err, r.mag_system, r.flux_ujy, r.flux_err_ujy "
                     + "FROM crossmatch_queries q LEFT JOIN crossmatch_rows r ON r.object_id = q.object_id AND r.catalogue = q.catalogue "
                     + "AND r.radius_arcsec = q.radius_arcsec AND r.service_version = q.service_version WHERE q.object_id = ? "
                     + "ORDER BY q.catalogue, q.fetched_at IS NULL, q.fetched_at DESC, q.attempted_at DESC, q.radius_arcsec, "
                     + "q.service_version, r.separation_arcsec, r.source_id, " + db.dialect().insertionOrder("r"))) {
            for (String id : objectIds) {
                q.setString(1, id);
                List<CachedCrossmatch> entries = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    Entry current = null;
                    while (rs.next()) {
                        String cat = rs.getString(1);
                        double radius = rs.getDouble(2);
                        String version = rs.getString(3);
                        if (current != null && current.catalogue.equals(cat)) {
                            if (current.radius == radius && current.version.equals(version)) {
                                current.add(rs);
                            }
                            continue; // an older entry of a catalogue already taken
                        }
                        if (current != null) {
                            entries.add(current.done());
                        }
                        current = new Entry(id, cat, radius, version, rs);
                        current.add(rs);
                    }
                    if (current != null) {
                        entries.add(current.done());
                    }
                }
                if (!entries.isEmpty()) {
                    out.put(id, entries);
                }
            }
        }
        return out;
    }

    /** One cached entry being read from joined rows. */
    private static final class Entry {
        final String objectId;
        final String catalogue;
        final double radius;
        final String version;
        final String service;
        final String query;
        final String fetchedAt;
        final String attemptedAt;
        final String lastError;
        final boolean covered;
        final int rejected;
        final Map<String, List<CrossmatchMeasurement>> measurements = new LinkedHashMap<>();
        final Map<String, Double[]> where = new LinkedHashMap<>();

        Entry(String objectId, String catalogue, double radius, String version, ResultSet rs) throws SQLException {
            this.objectId = objectId;
            this.catalogue = catalogue;
            this.radius = radius;
            this.version = version;
            this.service = rs.getString(4);
            this.query = rs.getString(5);
            this.fetchedAt = rs.getString(6);
            this.attemptedAt = rs.getString(7);
            this.lastError = rs.getString(8);
            this.covered = rs.getInt(9) == 1;
            this.rejected = rs.getInt(10);
        }

        void add(ResultSet rs) throws SQLException {
            String sid = rs.getString(11);
            if (sid == null) {
                return;
            }
            List<CrossmatchMeasurement> ms = measurements.computeIfAbsent(sid, x -> new ArrayList<>());
            where.putIfAbsent(sid, new Double[] {rs.getDouble(12), Sql.getDouble(rs, "ra"), Sql.getDouble(rs, "dec")});
            String quantity = rs.getString(15);
            if (quantity != null) {
                ms.add(new CrossmatchMeasurement(quantity, rs.getString(16), Sql.getDouble(rs, "frequency_ghz"), Sql.getDouble(rs, "mag"),
                        Sql.getDouble(rs, "mag_err"), rs.getString(20), Sql.getDouble(rs, "flux_ujy"), Sql.getDouble(rs, "flux_err_ujy")));
            }
        }

        CachedCrossmatch done() {
            List<CrossmatchSource> sources = new ArrayList<>();
            for (Map.Entry<String, List<CrossmatchMeasurement>> e : measurements.entrySet()) {
                Double[] w = where.get(e.getKey());
                sources.add(new CrossmatchSource(catalogue, e.getKey(), w[0], w[1], w[2], e.getValue()));
            }
            return new CachedCrossmatch(objectId, catalogue, radius, version, service, query, fetchedAt == null ? null : Instant.parse(fetchedAt),
                    Instant.parse(attemptedAt), lastError, covered, rejected, sources);
        }
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

    /**
     * The benchmark's reference: reads every column of the object's raw cached rows on a new
     * connection, building nothing.
     *
     * @return how many rows
     */
    public int countRows(String objectId) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT * FROM crossmatch_rows WHERE object_id = ?")) {
            ps.setString(1, objectId);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int k = 1; k <= columns; k++) {
                        rs.getObject(k);
                    }
                    n++;
                }
            }
            return n;
        }
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
