package org.ztfclass.server.labels;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.User;
import org.ztfclass.server.auth.UtcTime;
import org.ztfclass.server.store.Database;

/**
 * "Skip" and "not sure": a labeller passing over an object without labelling it (table
 * {@code label_skips}, migration V14). The labelling queues leave an object a person skipped out of
 * that person's queue, and only theirs. A skip is not a label: it never reaches the {@code labels}
 * table, so it is never a vote, never training data and never counted as a label.
 *
 * <p>One skip per person and object: recording it again (a retried request, skip then unsure)
 * keeps one row, with the newest reason and time. Thread-safe.
 */
public final class LabelSkips {

    private final Database db;

    public LabelSkips(Database db) {
        this.db = db;
    }

    /**
     * Records that {@code user} passed over {@code objectId}.
     *
     * @throws IllegalArgumentException if the user may not label, or the store has no such object
     */
    public void record(User user, String objectId, SkipReason reason) throws SQLException {
        if (!user.may(Role.LABELLER)) {
            throw new IllegalArgumentException("user '" + user.name() + "' may not label (role " + user.role().dbName() + ")");
        }
        if (objectId == null || objectId.isBlank()) {
            throw new IllegalArgumentException("objectId is missing");
        }
        String id = objectId.strip();
        try (Connection c = db.connect()) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM objects WHERE object_id = ?")) {
                exists.setString(1, id);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("unknown objectId '" + objectId + "': no such object in this store");
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO label_skips (user_id, object_id, reason, created_at) VALUES (?,?,?,?) "
                    + "ON CONFLICT (user_id, object_id) DO UPDATE SET reason = excluded.reason, created_at = excluded.created_at")) {
                ps.setLong(1, user.id());
                ps.setString(2, id);
                ps.setString(3, reason.key());
                ps.setString(4, UtcTime.now());
                ps.executeUpdate();
            }
        }
    }

    /** @return why {@code userId} passed over {@code objectId}, empty if they did not */
    public Optional<SkipReason> of(long userId, String objectId) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT reason FROM label_skips WHERE user_id = ? AND object_id = ?")) {
            ps.setLong(1, userId);
            ps.setString(2, objectId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(SkipReason.parse(rs.getString(1))) : Optional.empty();
            }
        }
    }
}
