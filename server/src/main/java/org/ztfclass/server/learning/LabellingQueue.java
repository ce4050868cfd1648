package org.ztfclass.server.learning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.ztfclass.server.store.Database;

/**
 * The "next object" to label for a user. First the automatic labels sent for audit that the user
 * has not labelled; then, among the objects with no consensus yet (unlabelled, or tied) that the
 * user has not labelled, ordered by the user's strategy ({@link QueueStrategy}; stored per user,
 * {@code default} until chosen). Uncertainty orders use the serving version's stored predictions;
 * without a serving version they fall back to the default order, and say so. An object the user
 * skipped or was unsure about ({@code label_skips}, {@link org.ztfclass.server.labels.LabelSkips})
 * counts as theirs: never offered to them again (still to everyone else). Thread-safe.
 */
public final class LabellingQueue {

    /**
     * @param objectId    the object to label, null when nothing is left
     * @param strategy    the strategy used
     * @param reason      why this object (audit, initial set, uncertainty value...)
     * @param uncertainty the model's uncertainty of it under the strategy, NaN if not applicable
     * @param remaining   objects left in the queue for this user (including this one)
     */
    public record Next(String objectId, QueueStrategy strategy, String reason, double uncertainty, int remaining) {
    }

    private final Database db;
    private final ModelVersions versions;
    private final LabelLog labels;
    private final Random random = new Random();

    public LabellingQueue(Database db) {
        this.db = db;
        this.versions = new ModelVersions(db);
        this.labels = new LabelLog(db);
    }

    /** @return the user's stored strategy, {@code default} if none */
    public QueueStrategy strategyOf(long userId) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT strategy FROM queue_preferences WHERE user_id = ?")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? QueueStrategy.parse(rs.getString(1)) : QueueStrategy.DEFAULT;
            }
        }
    }

    /** Stores the user's choice. */
    public void choose(long userId, QueueStrategy strategy) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO queue_preferences (user_id, strategy, updated_at) "
                + "VALUES (?,?,?) ON CONFLICT (user_id) DO UPDATE SET strategy = excluded.strategy, updated_at = excluded.updated_at")) {
            ps.setLong(1, userId);
            ps.setString(2, strategy.key());
            ps.setString(3, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    /**
     * @param strategy the order to use, or empty for the user's stored choice
     */
    public Next next(long userId, Optional<QueueStrategy> strategy) throws SQLException {
        return next(userId, strategy, null);
    }

    /**
     * @param strategy the order to use, or empty for the user's stored choice
     * @param current  the object the user is looking at, never returned (so "next" moves on even before they label it); null for none
     */
    public Next next(long userId, Optional<QueueStrategy> strategy, String current) throws SQLException {
        QueueStrategy s = strategy.isPresent() ? strategy.get() : strategyOf(userId);
        Set<String> mine = new HashSet<>(strings("SELECT object_id FROM labels WHERE user_id = ? "
                + "UNION SELECT object_id FROM label_skips WHERE user_id = ?", userId));
        if (current != null) {
            mine.add(current);
        }
        List<Consensus.Outcome> consensus = Consensus.of(labels.votes());
        Set<String> decided = new HashSet<>();
        consensus.stream().filter(o -> !o.tied()).forEach(o -> decided.add(o.objectId()));
        for (String id : strings("SELECT object_id FROM audit_requests ORDER BY label_id", null)) {
            if (!mine.contains(id) && !decided.contains(id)) {
                return new Next(id, s, "audit of an automatic label", Double.NaN, -1);
            }
        }
        List<String> candidates = new ArrayList<>();
        for (String id : strings("SELECT o.object_id FROM objects o LEFT JOIN initial_set i ON i.object_id = o.object_id "
                + "WHERE o.synthetic = 0 ORDER BY i.position IS NULL, i.position, o.object_id", null)) {
            if (!mine.contains(id) && !decided.contains(id)) {
                candidates.add(id);
            }
        }
        if (candidates.isEmpty()) {
            return new Next(null, s, "nothing left to label", Double.NaN, 0);
        }
        switch (s) {
            case RANDOM -> {
                return new Next(candidates.get(random.nextInt(candidates.size())), s, "drawn at random", Double.NaN, candidates.size());
            }
            case UNCERTAINTY, MARGIN -> {
                Optional<ModelVersions.Version> serving = versions.serving();
                if (serving.isPresent()) {
                    Map<String, double[]> p = versions.probabilities(serving.get().version());
                    String best = null;
                    double bestU = -1;
                    for (String id : candidates) {
                        double[] q = p.get(id);
                        if (q != null && s.uncertainty(q) > bestU) {
                            bestU = s.uncertainty(q);
                            best = id;
                        }
                    }
                    if (best != null) {
                        return new Next(best, s, String.format(java.util.Locale.ROOT, "most uncertain for model %s (%s %.4f)",
                                serving.get().version(), s == QueueStrategy.UNCERTAINTY ? "entropy" : "1 - margin", bestU), bestU, candidates.size());
                    }
                }
                return new Next(candidates.get(0), s, "no serving model predictions yet: default order", Double.NaN, candidates.size());
            }
            default -> {
                return new Next(candidates.get(0), s, "default order (initial set first)", Double.NaN, candidates.size());
            }
        }
    }

    private List<String> strings(String sql, Long arg) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                    ps.setLong(i, arg); // every parameter is the same user id
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
