package org.ztfclass.server.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ztfclass.server.PostgresCluster;
import org.ztfclass.server.store.Database;

/**
 * Retraining one job at a time across processes on PostgreSQL, always on PostgreSQL: two
 * {@link JobLog}s, each over its own {@link Database} (as two serve processes on two hosts
 * have), claim jobs. While one holds its {@link JobLease} the other is refused; when the holder's
 * session dies (its backend terminated, as when its process is killed with {@code kill -9} or its
 * host is lost) the lease is free, the job row shows as interrupted, and the next claim succeeds
 * and marks it so in the store.
 */
class JobLeaseTest {

    private String location;
    private Database first;
    private Database second;

    @BeforeEach
    void open() throws SQLException {
        assumeTrue(PostgresCluster.available(), "PostgreSQL's server programs are not installed");
        location = PostgresCluster.shared().createDatabase("joblease");
        first = Database.open(location);
        second = Database.open(location);
    }

    @AfterEach
    void close() {
        if (first != null) {
            first.close();
            second.close();
        }
    }

    private static String storedStatus(Database db, long id) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT status FROM learning_jobs WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Terminates the backend that holds the lease (from the cluster's admin session) and waits until PostgreSQL has released it. */
    private void killHolder() throws Exception {
        long key = Database.advisoryKey(JobLease.LOCK);
        try (Connection admin = PostgresCluster.shared().admin(); PreparedStatement ps = admin.prepareStatement(
                "SELECT pg_terminate_backend(l.pid) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                        + "WHERE l.locktype = 'advisory' AND l.granted AND d.datname = ? AND l.classid::bigint = ? AND l.objid::bigint = ?")) {
            ps.setString(1, first.location().database());
            ps.setLong(2, key >>> 32);
            ps.setLong(3, key & 0xffffffffL);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next() && rs.getBoolean(1), "one backend held the lease and was terminated");
            }
        }
        for (int i = 0; i < 200; i++) {
            try (Connection c = second.connect()) {
                if (!JobLease.heldByAnyone(c)) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the lease outlived its session");
    }

    @Test
    void aSecondProcessIsRefusedWhileTheFirstRunsAndTakesOverWhenItDies() throws Exception {
        JobLog a = new JobLog(first);
        JobLog b = new JobLog(second);
        long running = a.claim("test", null, 0);
        JobLog.AlreadyRunning refused = assertThrows(JobLog.AlreadyRunning.class, () -> b.claim("test", null, 0));
        assertEquals(running, refused.jobId());
        assertEquals("running", b.find(running).orElseThrow().status(), "the other process sees it running");
        assertThrows(JobLog.AlreadyRunning.class, () -> new JobLog(first).claim("test", null, 0), "another JobLog of the same process too");

        killHolder();
        assertEquals("interrupted", b.find(running).orElseThrow().status(), "a running row nobody holds is shown interrupted");
        long next = b.claim("test", null, 0);
        assertEquals("interrupted", storedStatus(second, running), "and the next claim marks it so");
        assertEquals("running", a.find(next).orElseThrow().status());
        assertThrows(JobLog.AlreadyRunning.class, () -> a.claim("test", null, 0));

        b.finish(next, true, null, false, "done");
        assertEquals("succeeded", a.find(next).orElseThrow().status());
        long third = a.claim("test", null, 0);
        a.finish(third, false, null, false, "stopped");
        assertEquals("failed", b.find(third).orElseThrow().status());
    }
}
