package org.ztfclass.server.labels;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.ztfclass.server.store.Database;

/**
 * The default {@link LabellingQueue}: the objects of the initial set without any label, in the
 * set's order (its position), then every other object without a label, by object id. The
 * current object is skipped, and so is every object the asking user skipped ({@link LabelSkips}).
 * Another order (e.g. by model uncertainty) is another implementation.
 */
public final class InitialSetFirstQueue implements LabellingQueue {

    private static final String NOT_SKIPPED = " AND NOT EXISTS (SELECT 1 FROM label_skips k WHERE k.user_id = ? AND k.object_id = %s.object_id)";
    private static final String INITIAL = "SELECT s.object_id FROM initial_set s WHERE s.object_id <> ? "
            + "AND NOT EXISTS (SELECT 1 FROM labels l WHERE l.object_id = s.object_id)" + NOT_SKIPPED.formatted("s") + " ORDER BY s.position LIMIT 1";
    private static final String REST = "SELECT o.object_id FROM objects o WHERE o.object_id <> ? "
            + "AND NOT EXISTS (SELECT 1 FROM labels l WHERE l.object_id = o.object_id)" + NOT_SKIPPED.formatted("o") + " ORDER BY o.object_id LIMIT 1";

    private final Database db;

    public InitialSetFirstQueue(Database db) {
        this.db = db;
    }

    @Override
    public Optional<String> next(String current, Long userId) throws SQLException {
        String skip = current == null ? "" : current;
        try (Connection c = db.connect()) {
            for (String sql : new String[] {INITIAL, REST}) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, skip);
                    ps.setLong(2, userId == null ? -1 : userId); // user ids are positive: -1 skipped nothing
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            return Optional.of(rs.getString(1));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
