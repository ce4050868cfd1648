package org.ztfclass.server.learning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.ztfclass.server.store.Database;
import org.ztfclass.votables.domain.TransientClass;

/**
 * What continuous learning reads from the append-only label log: the votes of people and
 * catalogues (automatic labels are never votes, so a model never learns from itself), and how
 * many human labels arrived after a given event. Thread-safe.
 */
public final class LabelLog {

    private final Database db;

    public LabelLog(Database db) {
        this.db = db;
    }

    /** @return every non-automatic label event as a vote, in event order */
    public List<Vote> votes() throws SQLException {
        List<Vote> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, object_id, top_class, source, source_ref, user_id FROM labels WHERE source <> 'auto' ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Vote(rs.getLong(1), rs.getString(2), labeller(rs.getString(4), rs.getString(5), rs.getObject(6)),
                        TransientClass.valueOf(rs.getString(3))));
            }
        }
        return out;
    }

    /** @return {@code user:ID} for a person, {@code catalogue:NAME} for a catalogue, {@code SOURCE:anonymous} otherwise */
    static String labeller(String source, String sourceRef, Object userId) {
        if (userId != null) {
            return "user:" + userId;
        }
        if (source.equals("catalogue")) {
            return "catalogue:" + (sourceRef == null ? "unnamed" : sourceRef);
        }
        return source + ":anonymous";
    }

    /** @return the highest label event id, 0 for none */
    public long lastLabelId() throws SQLException {
        return longOf("SELECT COALESCE(MAX(id), 0) FROM labels", -1);
    }

    /** @return how many non-automatic label events have an id above {@code afterId} */
    public long humanLabelsAfter(long afterId) throws SQLException {
        return longOf("SELECT COUNT(*) FROM labels WHERE source <> 'auto' AND id > ?", afterId);
    }

    /** @return the number of label events (all sources) */
    public long count() throws SQLException {
        return longOf("SELECT COUNT(*) FROM labels", -1);
    }

    /** @return whether the store knows the object */
    public boolean objectExists(String objectId) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT 1 FROM objects WHERE object_id = ?")) {
            ps.setString(1, objectId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private long longOf(String sql, long arg) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg >= 0) {
                ps.setLong(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
