package org.ztfclass.server.labels;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ztfclass.server.store.Database;

/**
 * What one person has done with objects: which of them they labelled or passed over ("scanned",
 * shown in the object list), and how many labels they gave on a UTC day. Reads only; one query per
 * question, on indexes ({@code labels_object}, {@code label_skips}'s key, {@code labels_user_created}).
 * Thread-safe.
 */
public final class ScanState {

    /** A person's mark on an object; a label outranks a skip (someone may skip first and label later). */
    public enum Mark {
        LABELLED("labelled"), SKIPPED("skipped"), UNSURE("not sure");

        private final String shown;

        Mark(String shown) {
            this.shown = shown;
        }

        /** @return the words shown to people */
        public String shown() {
            return shown;
        }
    }

    /** Most object ids asked about at once (a page of the list is at most 500). */
    public static final int MAX_IDS = 1000;

    private final Database db;

    public ScanState(Database db) {
        this.db = db;
    }

    /**
     * @param objectIds at most {@link #MAX_IDS} object ids
     * @return the mark of each of {@code objectIds} that {@code userId} labelled (by any source) or
     *         skipped; objects they did neither with are absent
     */
    public Map<String, Mark> marks(long userId, Collection<String> objectIds) throws SQLException {
        if (objectIds.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most " + MAX_IDS + " objects at once, not " + objectIds.size());
        }
        Map<String, Mark> out = new HashMap<>();
        if (objectIds.isEmpty()) {
            return out;
        }
        List<String> ids = List.copyOf(objectIds);
        String in = "?" + ",?".repeat(ids.size() - 1);
        String sql = "SELECT object_id, reason FROM label_skips WHERE user_id = ? AND object_id IN (" + in + ") "
                + "UNION ALL SELECT DISTINCT object_id, 'label' FROM labels WHERE user_id = ? AND object_id IN (" + in + ")";
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (int part = 0; part < 2; part++) {
                ps.setLong(i++, userId);
                for (String id : ids) {
                    ps.setString(i++, id);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String reason = rs.getString(2);
                    Mark m = reason.equals("label") ? Mark.LABELLED : SkipReason.parse(reason) == SkipReason.UNSURE ? Mark.UNSURE : Mark.SKIPPED;
                    out.merge(rs.getString(1), m, (a, b) -> a == Mark.LABELLED || b == Mark.LABELLED ? Mark.LABELLED : b);
                }
            }
        }
        return out;
    }

    /** @return how many label events {@code userId} recorded on {@code day} (UTC, 00:00 to 24:00), from any source */
    public long labelsOn(long userId, LocalDate day) throws SQLException {
        // created_at is fixed-width ISO-8601 UTC (auth.UtcTime), so text order is time order
        String from = day.toString();
        String to = day.plusDays(1).toString();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM labels WHERE user_id = ? AND created_at >= ? AND created_at < ?")) {
            ps.setLong(1, userId);
            ps.setString(2, from);
            ps.setString(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** @return how many label events {@code userId} recorded today (UTC) */
    public long labelsToday(long userId) throws SQLException {
        return labelsOn(userId, LocalDate.now(ZoneOffset.UTC));
    }
}
