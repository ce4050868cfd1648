package org.ztfclass.server.tap;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Tells the queued and executing jobs of a process that ended (a {@code kill -9}, a lost host) by
 * their heartbeat, older than {@link UwsJobStore#STALE_SECONDS}, and marks them ERROR
 * ({@link UwsJobStore#PROCESS_ENDED}). A job the calling process runs itself is never one of them,
 * whatever its heartbeat says (a clock stepped forward, a long pause of this process): this process
 * is alive. Works inside the caller's connection; stateless apart from that test, thread-safe.
 */
final class UwsEndedProcesses {

    private final Predicate<String> runningHere;

    /** @param runningHere whether this process is running the job now */
    UwsEndedProcesses(Predicate<String> runningHere) {
        this.runningHere = runningHere;
    }

    /** @return true if {@code id} is queued or executing, not run here, and its heartbeat is stale */
    boolean stale(Connection c, String id, Instant now) throws SQLException {
        if (runningHere.test(id)) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM uws_jobs WHERE job_id = ? AND phase IN " + UwsJobStore.RUNNING
                + " AND heartbeat_at < ?")) {
            ps.setString(1, id);
            ps.setString(2, staleBefore(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Marks ERROR every stale queued or executing job not run here. @return how many */
    int markAll(Connection c, Instant now) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT job_id FROM uws_jobs WHERE phase IN " + UwsJobStore.RUNNING
                + " AND heartbeat_at < ?")) {
            ps.setString(1, staleBefore(now));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        int marked = 0;
        for (String id : ids) {
            marked += mark(c, id, now);
        }
        return marked;
    }

    /** Marks ERROR the job {@code id} if it is queued or executing, not run here, and stale. @return 1 if marked, else 0 */
    int mark(Connection c, String id, Instant now) throws SQLException {
        if (runningHere.test(id)) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE uws_jobs SET phase = 'ERROR', error = ?, ended_at = ? WHERE phase IN "
                + UwsJobStore.RUNNING + " AND heartbeat_at < ? AND job_id = ?")) {
            ps.setString(1, UwsJobStore.PROCESS_ENDED);
            ps.setString(2, UwsJobStore.time(now));
            ps.setString(3, staleBefore(now));
            ps.setString(4, id);
            return ps.executeUpdate();
        }
    }

    private static String staleBefore(Instant now) {
        return UwsJobStore.time(now.minusSeconds(UwsJobStore.STALE_SECONDS));
    }
}
