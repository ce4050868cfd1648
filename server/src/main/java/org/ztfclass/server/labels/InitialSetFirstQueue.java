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
 * current object is skipped. Another order (e.g. by model uncertainty) is another implementation.
 */
public final class InitialSetFirstQueue implements LabellingQueue {

    private static final String INITIAL = "SELECT s.object_id FROM initial_set s WHERE s.object_id <> ? "
            + "AND NOT EXISTS (SELECT 1 FROM labels l WHERE l.object_id = s.object_id) ORDER BY s.position LIMIT 1";
    private static final String REST = "SELECT o.object_id FROM objects o WHERE o.object_id <> ? "
            + "AND NOT EXISTS (SELECT 1 FROM labels l WHERE l.object_id = o.object_id) ORDER BY o.object_id LIMIT 1";

    private final Database db;

    public InitialSetFirstQueue(Database db) {
        this.db = db;
    }

    @Override
    public Optional<String> next(String current) throws SQLException {
        String skip = current == null ? "" : current;
        try (Connection c = db.connect()) {
            for (String sql : new String[] {INITIAL, REST}) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, skip);
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
