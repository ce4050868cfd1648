package org.ztfclass.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ztfclass.votables.domain.Prediction;

/**
 * Model versions and their predictions in the store. Writing a model's predictions again
 * replaces that model's earlier predictions of the same objects (one row per object and model
 * version); predictions of other versions are kept. Thread-safe.
 */
public final class PredictionStore {

    private final Database db;

    public PredictionStore(Database db) {
        this.db = db;
    }

    /** Records a model version (once) and its predictions, in one transaction. */
    public void write(String modelVersion, String trainingSetHash, String manifestJson, List<Prediction> predictions) throws SQLException {
        db.inTransaction(c -> {
            try (PreparedStatement v = c.prepareStatement("INSERT INTO model_versions (version, created_at, status, training_set_hash, "
                    + "manifest) VALUES (?,?,'serving',?,?) ON CONFLICT (version) DO NOTHING");
                 PreparedStatement p = c.prepareStatement("INSERT INTO predictions (object_id, model_version, p_sn_ia, p_sn_ii, p_other, "
                         + "predicted_class, created_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT (object_id, model_version) DO UPDATE SET "
                         + "p_sn_ia = excluded.p_sn_ia, p_sn_ii = excluded.p_sn_ii, p_other = excluded.p_other, "
                         + "predicted_class = excluded.predicted_class, created_at = excluded.created_at")) {
                String now = Instant.now().toString();
                v.setString(1, modelVersion);
                v.setString(2, now);
                v.setString(3, trainingSetHash);
                v.setString(4, manifestJson);
                v.executeUpdate();
                for (Prediction pr : predictions) {
                    p.setString(1, pr.objectId());
                    p.setString(2, modelVersion);
                    p.setDouble(3, pr.pSnIa());
                    p.setDouble(4, pr.pSnII());
                    p.setDouble(5, pr.pOther());
                    p.setString(6, pr.predictedClass().name());
                    p.setString(7, now);
                    p.addBatch();
                }
                p.executeBatch();
            }
            return null;
        });
    }

    /**
     * @return the object's predictions, newest model version first (whichever serves; for the
     *         current version's prediction first, see {@link #forObject})
     */
    public List<Prediction> of(String objectId) throws SQLException {
        List<Prediction> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM predictions WHERE object_id = ? ORDER BY created_at DESC, model_version DESC")) {
            ps.setString(1, objectId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Prediction(objectId, rs.getString("model_version"), rs.getDouble("p_sn_ia"), rs.getDouble("p_sn_ii"),
                            rs.getDouble("p_other")));
                }
            }
        }
        return out;
    }

    /**
     * One object's prediction by one model version.
     *
     * @param status  the version's status in {@code model_versions} (serving, retired, candidate, ...)
     * @param current whether the version is the store's current one (migration V8's {@code current_model_version})
     */
    public record VersionedPrediction(Prediction prediction, String status, boolean current) {
    }

    /**
     * An object's predictions: the current model version's first (when it scored the object),
     * then the other versions', newest first.
     *
     * @param currentVersion the store's current model version, or null when there is none
     */
    public record ObjectPredictions(String currentVersion, List<VersionedPrediction> all) {

        /** @return the current version's prediction, if it scored the object */
        public java.util.Optional<VersionedPrediction> current() {
            return all.isEmpty() || !all.get(0).current() ? java.util.Optional.empty() : java.util.Optional.of(all.get(0));
        }

        /** @return the other versions' predictions (history), newest first */
        public List<VersionedPrediction> others() {
            return current().isPresent() ? all.subList(1, all.size()) : all;
        }
    }

    /**
     * @return the store's current model version (migration V8's {@code current_model_version}: the
     *         newest serving one, else the newest), or null when no version is stored
     */
    private static String currentVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT model_version FROM current_model_version WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** @return the object's predictions, the current model version's first, then the others newest first */
    public ObjectPredictions forObject(String objectId) throws SQLException {
        List<VersionedPrediction> out = new ArrayList<>();
        String current;
        try (Connection c = db.connect()) {
            current = currentVersion(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT p.*, mv.status FROM predictions p "
                    + "LEFT JOIN model_versions mv ON mv.version = p.model_version WHERE p.object_id = ? "
                    + "ORDER BY p.model_version IS NOT DISTINCT FROM ? DESC, p.created_at DESC, p.model_version DESC")) {
                ps.setString(1, objectId);
                ps.setString(2, current);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String version = rs.getString("model_version");
                        out.add(new VersionedPrediction(new Prediction(objectId, version, rs.getDouble("p_sn_ia"), rs.getDouble("p_sn_ii"),
                                rs.getDouble("p_other")), rs.getString("status"), version.equals(current)));
                    }
                }
            }
        }
        return new ObjectPredictions(current, List.copyOf(out));
    }

    /** @return every object id in the store */
    public List<String> objectIds() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT object_id FROM objects ORDER BY object_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
