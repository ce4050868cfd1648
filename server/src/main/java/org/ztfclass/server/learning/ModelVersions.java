package org.ztfclass.server.learning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ztfclass.server.store.Database;

/**
 * The model versions in the store ({@code model_versions}): every version is kept with its audit
 * metrics; exactly one is {@code serving} once any is. Promotion and rollback switch the serving
 * version in one transaction. Thread-safe.
 */
public final class ModelVersions {

    /**
     * A stored version.
     *
     * @param auditMacroAuc     its macro AUC on the audit objects it was compared on (null if never audited)
     * @param auditComparedAuc  the then serving version's macro AUC on the same objects (null if none)
     * @param auditN            how many audit objects
     * @param auditMetrics      JSON of its per-class numbers at the threshold, or null
     */
    public record Version(String version, String createdAt, String status, String bundlePath, Double auditMacroAuc,
                          Double auditComparedAuc, Integer auditN, String auditMetrics, Long jobId) {
    }

    private final Database db;

    public ModelVersions(Database db) {
        this.db = db;
    }

    /** @return the serving version, if any */
    public Optional<Version> serving() throws SQLException {
        List<Version> v = query("WHERE status = 'serving' ORDER BY created_at DESC LIMIT 1", null);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** @return the manifest (JSON) stored with the serving version, if any */
    public Optional<String> servingManifest() throws SQLException {
        try (java.sql.Connection c = db.connect(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT manifest FROM model_versions WHERE status = 'serving' AND manifest IS NOT NULL ORDER BY created_at DESC LIMIT 1");
             java.sql.ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }

    /** @return the version, if stored */
    public Optional<Version> find(String version) throws SQLException {
        List<Version> v = query("WHERE version = ?", version);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** @return every version, newest first */
    public List<Version> all() throws SQLException {
        return query("ORDER BY created_at DESC, version DESC", null);
    }

    private List<Version> query(String tail, String arg) throws SQLException {
        List<Version> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT version, created_at, status, bundle_path, audit_macro_auc, audit_compared_auc, audit_n, audit_metrics, job_id "
                        + "FROM model_versions " + tail)) {
            if (arg != null) {
                ps.setString(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Version(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), dbl(rs, 5), dbl(rs, 6),
                            (Integer) (rs.getObject(7) == null ? null : rs.getInt(7)), rs.getString(8),
                            rs.getObject(9) == null ? null : rs.getLong(9)));
                }
            }
        }
        return out;
    }

    private static Double dbl(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    }

    /** Records a trained and audited version as a candidate (not serving). */
    public void addCandidate(String version, String trainingSetHash, String manifestJson, String bundlePath, double auditMacroAuc,
                             Double comparedAuc, int auditN, String auditMetrics, long jobId) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO model_versions (version, created_at, status, training_set_hash, manifest, bundle_path, audit_macro_auc, "
                        + "audit_compared_auc, audit_n, audit_metrics, job_id) VALUES (?,?,'candidate',?,?,?,?,?,?,?,?)")) {
            ps.setString(1, version);
            ps.setString(2, Instant.now().toString());
            ps.setString(3, trainingSetHash);
            ps.setString(4, manifestJson);
            ps.setString(5, bundlePath);
            setDouble(ps, 6, auditMacroAuc);
            setDouble(ps, 7, comparedAuc);
            ps.setInt(8, auditN);
            ps.setString(9, auditMetrics);
            ps.setLong(10, jobId);
            ps.executeUpdate();
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null || v.isNaN()) {
            ps.setNull(i, Types.REAL);
        } else {
            ps.setDouble(i, v);
        }
    }

    /**
     * Makes {@code version} the serving one and retires the previous, in one transaction.
     *
     * @throws IllegalArgumentException if the version is unknown or has no stored predictions
     */
    public void serve(String version) throws SQLException {
        // begun as a write (SQLite: IMMEDIATE) because it reads before it writes: a deferred
        // SQLite transaction that another writer overtakes meanwhile fails with SQLITE_BUSY at
        // its first write instead of waiting (PromotionWhileLabellingTest)
        db.inWriteTransaction("model_versions", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM model_versions WHERE version = ?")) {
                ps.setString(1, version);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no model version '" + version + "'");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM predictions WHERE model_version = ? LIMIT 1")) {
                ps.setString(1, version);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("model version '" + version
                                + "' has no stored predictions (it was never promoted), so it cannot serve");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE model_versions SET status = 'retired' WHERE status = 'serving'")) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE model_versions SET status = 'serving' WHERE version = ?")) {
                ps.setString(1, version);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** @return the version's stored class probabilities of the given objects (those it scored) */
    public Map<String, double[]> probabilities(String version, Collection<String> objectIds) throws SQLException {
        Map<String, double[]> all = probabilities(version);
        Map<String, double[]> out = new HashMap<>();
        for (String id : objectIds) {
            double[] p = all.get(id);
            if (p != null) {
                out.put(id, p);
            }
        }
        return out;
    }

    /** @return every stored class probability of the version, by object id */
    public Map<String, double[]> probabilities(String version) throws SQLException {
        Map<String, double[]> out = new HashMap<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT object_id, p_sn_ia, p_sn_ii, p_other FROM predictions WHERE model_version = ?")) {
            ps.setString(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)});
                }
            }
        }
        return out;
    }
}
