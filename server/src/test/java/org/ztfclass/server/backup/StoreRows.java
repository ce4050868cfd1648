package org.ztfclass.server.backup;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.ztfclass.server.store.Database;

/** Rows of a store's table read as text, in a stable order, to compare a store with its restored copy. */
public final class StoreRows {

    private StoreRows() {
    }

    /** @return every label event, oldest first: object, classes, source, user, confidence, comment, time */
    public static List<String> labels(Database db) throws SQLException {
        return rows(db, "SELECT id, object_id, fine_class, top_class, source, source_ref, user_id, confidence, comment, created_at"
                + " FROM labels ORDER BY id");
    }

    /** @return the rows {@code sql} answers, each as its columns joined by {@code |} */
    public static List<String> rows(Database db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    b.append(i > 1 ? "|" : "").append(v instanceof Number n ? Double.toString(n.doubleValue()) : String.valueOf(v));
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
