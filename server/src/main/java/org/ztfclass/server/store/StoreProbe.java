package org.ztfclass.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A cheap round trip to the store, for health checks: one connection, one read of the schema
 * history's latest version (an indexed single-row query), bounded by a query timeout. Thread-safe.
 */
public final class StoreProbe {

    /** Longest the probe's query may run, in seconds. */
    public static final int TIMEOUT_SECONDS = 5;

    private final Database db;

    public StoreProbe(Database db) {
        this.db = db;
    }

    /** @return {@code sqlite} or {@code postgresql} */
    public String engine() {
        return db.isPostgres() ? "postgresql" : "sqlite";
    }

    /**
     * Reads the store once.
     *
     * @return the schema version the store is migrated to (e.g. {@code "16"})
     * @throws SQLException if the store cannot be reached or read (a connection refused, the pool
     *     exhausted, a lost file)
     */
    public String schemaVersion() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.setQueryTimeout(TIMEOUT_SECONDS);
            try (ResultSet rs = s.executeQuery(
                    "SELECT version FROM flyway_schema_history WHERE success = " + (db.isPostgres() ? "TRUE" : "1")
                            + " AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
                if (!rs.next()) {
                    throw new SQLException("the store has no schema history");
                }
                return rs.getString(1);
            }
        }
    }
}
