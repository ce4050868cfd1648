package org.ztfclass.server.tap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.ztfclass.server.store.Database;
import uk.ac.starlink.table.ColumnInfo;

/**
 * Runs translated ADQL on the store. Each query gets its own connection set to
 * {@code query_only} (SQLite then refuses any write, whatever the SQL), with LIKE made
 * case-sensitive as ADQL has it and the sky functions registered; values are bound as
 * parameters. A query that takes longer than the time limit (translation and execution together)
 * is stopped by a {@link QueryDeadline} and refused with an {@link AdqlException} saying so; so is
 * one whose thread is interrupted (an aborted job). Thread-safe.
 */
public final class TapQueryRunner {

    /** Largest MAXREC honoured, and the default. */
    public static final int MAX_ROWS = 100_000;
    private final Database db;
    private final int timeoutSeconds;
    private final AdqlTranslator translator = new AdqlTranslator();

    /**
     * @param db             the store queried
     * @param timeoutSeconds most seconds a query may take before it is stopped, at least 1
     */
    public TapQueryRunner(Database db, int timeoutSeconds) {
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("timeoutSeconds must be at least 1, not " + timeoutSeconds);
        }
        this.db = db;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** @return most seconds a query may take before it is stopped */
    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    /**
     * @param adql   the query
     * @param maxrec most rows to return (0: the columns only)
     * @return the rows and whether MAXREC cut them
     * @throws AdqlException if the query is refused, or was stopped at the time limit or by an interrupt
     * @throws SQLException  if the store fails
     */
    public TapResult run(String adql, int maxrec) throws AdqlException, SQLException {
        QueryDeadline deadline = new QueryDeadline(timeoutSeconds);
        SqlQuery q = translator.translate(adql);
        deadline.check();
        int limit = Math.min(maxrec, MAX_ROWS);
        List<Object[]> rows = new ArrayList<>();
        boolean overflow = false;
        boolean metadata = TapSchema.isMetadata(q.table());
        boolean postgres = !metadata && db.isPostgres();
        try (Connection c = metadata ? MetadataDatabase.open() : db.connect()) {
            if (postgres) {
                c.setAutoCommit(false); // a read-only transaction, rolled back below
                try (Statement s = c.createStatement()) {
                    s.execute("SET TRANSACTION READ ONLY");
                }
            } else {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA query_only = 1");
                    s.execute("PRAGMA case_sensitive_like = 1");
                }
                SkyFunctions.register(c);
                deadline.watch(c);
            }
            try (PreparedStatement ps = c.prepareStatement(q.sql());
                 QueryDeadline.Watch watch = postgres ? deadline.watch(ps) : QueryDeadline.Watch.NONE) {
                ps.setQueryTimeout(timeoutSeconds); // sqlite-jdbc: how long to wait for a lock; PostgreSQL: a second stop
                for (int i = 0; i < q.params().size(); i++) {
                    ps.setObject(i + 1, q.params().get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    List<ColumnInfo> cols = q.columns();
                    while (rs.next()) {
                        if (rows.size() >= limit) {
                            overflow = q.top() < 0 || q.top() > limit;
                            break;
                        }
                        Object[] row = new Object[cols.size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = convert(rs.getObject(i + 1), cols.get(i).getContentClass());
                        }
                        rows.add(row);
                    }
                }
            } catch (SQLException e) {
                if (deadline.stoppedIt()) {
                    throw deadline.refusal();
                }
                throw e;
            } finally {
                if (postgres) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        }
        return new TapResult(q.columns(), rows, overflow);
    }

    private static Object convert(Object v, Class<?> type) {
        if (v == null) {
            return null;
        }
        if (type == String.class) {
            return v.toString();
        }
        if (v instanceof Number n) {
            if (type == Double.class) {
                return n.doubleValue();
            } else if (type == Integer.class) {
                return n.intValue();
            } else if (type == Long.class) {
                return n.longValue();
            }
        }
        if (v instanceof String s && type != String.class) {
            try {
                return type == Double.class ? (Object) Double.valueOf(s) : (Object) Long.valueOf(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return v;
    }
}
