package org.ztfclass.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A forward-only cursor over the rows of one query, each mapped to a record as it is read, so a
 * caller can stream any number of rows in constant memory. Holds its own connection until
 * {@link #close}; not for sharing between threads.
 *
 * <p>Use: {@code try (RowCursor<T> c = ...) { while (c.next()) { use(c.current()); } }}.
 *
 * @param <T> record type
 */
public final class RowCursor<T> implements AutoCloseable {

    /** Maps the result set's current row to a record. */
    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet results;
    private final Mapper<T> mapper;
    private T current;
    private boolean done;

    private RowCursor(Connection connection, PreparedStatement statement, ResultSet results, Mapper<T> mapper) {
        this.connection = connection;
        this.statement = statement;
        this.results = results;
        this.mapper = mapper;
    }

    /** Runs {@code sql} with {@code args} (String, Integer or Long) on a new connection of {@code db}. */
    static <T> RowCursor<T> open(Database db, String sql, List<?> args, Mapper<T> mapper) throws SQLException {
        Connection c = db.connect();
        try {
            PreparedStatement ps = c.prepareStatement(sql);
            LabelExport.bind(ps, List.copyOf(args));
            return new RowCursor<>(c, ps, ps.executeQuery(), mapper);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** @return true and moves to the next row, or false at the end (after which the cursor stays at the end) */
    public boolean next() throws SQLException {
        if (done || !results.next()) {
            done = true;
            current = null;
            return false;
        }
        current = mapper.map(results);
        return true;
    }

    /** @return the row {@link #next} moved to */
    public T current() {
        if (current == null) {
            throw new IllegalStateException("no current row: call next() first, and only while it answers true");
        }
        return current;
    }

    /** Frees the statement and the connection; safe to call twice. */
    @Override
    public void close() throws SQLException {
        try (Connection c = connection; PreparedStatement ps = statement; ResultSet rs = results) {
            done = true;
        }
    }
}
