package org.ztfclass.server.tap;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * TAP_SCHEMA (TAP 1.1 §4) as a small in-memory SQLite database built from {@link TapSchema}, so
 * that queries on {@code TAP_SCHEMA.schemas|tables|columns|keys|key_columns} go through the same
 * translator and runner as queries on the data. Each {@link #open} builds a fresh copy (a few
 * hundred rows), so nothing a query does can reach the store.
 */
final class MetadataDatabase {

    private MetadataDatabase() {
    }

    static String schemaDescription(String schema) {
        return schema.equals(TapSchema.TAP_SCHEMA) ? "Metadata of the tables and columns this service publishes (TAP 1.1)"
                : "The ztfclass store: ZTF objects, classifier predictions, label events";
    }

    /** @return a new in-memory connection holding TAP_SCHEMA; the caller closes it */
    static Connection open() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (TapTable t : TapSchema.tables()) {
                if (TapSchema.isMetadata(t)) {
                    List<String> cols = new ArrayList<>();
                    for (TapColumn col : t.columns()) {
                        cols.add("\"" + col.sqlName() + "\" " + (col.numeric() ? "INTEGER" : "TEXT"));
                    }
                    s.execute("CREATE TABLE \"" + t.sqlTable() + "\" (" + String.join(", ", cols) + ")");
                }
            }
        }
        int schemaIndex = 0;
        for (String schema : new String[] {TapSchema.SCHEMA, TapSchema.TAP_SCHEMA}) {
            insert(c, "schemas", schema, null, schemaDescription(schema), schemaIndex++);
        }
        int tableIndex = 0;
        for (TapTable t : TapSchema.tables()) {
            insert(c, "tables", t.schema(), t.qualifiedName(), "table", null, t.description(), tableIndex++);
            int columnIndex = 0;
            for (TapColumn col : t.columns()) {
                insert(c, "columns", t.qualifiedName(), col.listedName(), null, col.ucd(), col.unit().isEmpty() ? null : col.unit(),
                        col.description(), col.votableType(), col.type() == String.class ? "*" : null, null, null, 1,
                        TapSchema.isIndexed(t, col) ? 1 : 0, TapSchema.isMetadata(t) ? 1 : 0, columnIndex++);
            }
        }
        for (String[] k : TapSchema.foreignKeys()) {
            insert(c, "keys", k[0], k[1], k[3], null, k[1] + "." + k[2] + " is an object of " + k[3]);
            insert(c, "key_columns", k[0], k[2], k[4]);
        }
        c.commit();
        c.setAutoCommit(true);
        return c;
    }

    private static void insert(Connection c, String table, Object... values) throws SQLException {
        String marks = String.join(", ", java.util.Collections.nCopies(values.length, "?"));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"" + table + "\" VALUES (" + marks + ")")) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }
}
