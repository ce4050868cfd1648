package org.ztfclass.server.learning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztfclass.server.store.Database;

/**
 * The right to run the one retraining job of a PostgreSQL store, across every process and host
 * on it: a session-level advisory lock ({@code pg_try_advisory_lock}) held on a connection of its
 * own ({@link Database#connectDedicated()}) for the job's lifetime. Closing the lease releases it;
 * so does the death of its process, however it dies ({@code kill -9}, a lost host): PostgreSQL
 * ends the session and its locks with the connection. Hence a {@code running} job row while the
 * lock is free belongs to a process that died ({@link #heldByAnyone}).
 *
 * <p>SQLite stores do not use leases (one host: {@link JobLog} checks the job's pid instead).
 * A lease is used by one thread at a time; {@link #heldByAnyone} is thread-safe.
 */
final class JobLease implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobLease.class);

    /** The lock's name ({@link Database#advisoryKey}); distinct from the {@code learning_jobs} transaction lock. */
    static final String LOCK = "learning_jobs.running";

    private final Connection connection;

    private JobLease(Connection connection) {
        this.connection = connection;
    }

    /**
     * @return the lease, or null if another session (this process's or another's) holds it
     * @throws SQLException if the store cannot be reached
     */
    static JobLease tryTake(Database db) throws SQLException {
        Connection c = db.connectDedicated();
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, Database.advisoryKey(LOCK));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getBoolean(1)) {
                    return new JobLease(c);
                }
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        c.close();
        return null;
    }

    /**
     * @param c a connection to the store (any session)
     * @return true when some session of this database holds the lease now
     */
    static boolean heldByAnyone(Connection c) throws SQLException {
        long key = Database.advisoryKey(LOCK);
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted "
                + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                + "AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 1)")) {
            ps.setLong(1, key >>> 32);
            ps.setLong(2, key & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Releases the lease: unlocks and closes its connection (closing alone would release it too). */
    @Override
    public void close() {
        try (connection) {
            if (!connection.isClosed()) {
                try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    ps.setLong(1, Database.advisoryKey(LOCK));
                    ps.execute();
                }
            }
        } catch (SQLException e) {
            LOG.warn("releasing the retraining lease: {} (closing its connection releases it anyway)", e.getMessage());
        }
    }
}
