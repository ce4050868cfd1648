package org.ztfclass.server.learning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ztfclass.server.store.Database;

/**
 * Retraining jobs in the store ({@code learning_jobs}). Claiming a job is atomic across processes
 * sharing the store: it succeeds only when no job is running, where a job whose process is gone
 * counts as interrupted, is marked so, and blocks nothing.
 *
 * <p>Whether a job's process is gone: on SQLite (one host) its pid is no longer alive; on
 * PostgreSQL (processes on several hosts, where a pid means nothing) the job holds a
 * {@link JobLease}, an advisory lock on a connection of its own, from {@link #claim} to
 * {@link #finish}: a claim that cannot take it is refused ({@link AlreadyRunning}), and a
 * {@code running} row while nobody holds it was left by a process that died. Thread-safe.
 */
public final class JobLog {

    /** A job as stored. */
    public record Job(long id, String status, String trigger, Long userId, long pid, String stage, double progress, long labelWatermark,
                      String candidateVersion, Boolean promoted, String message, String startedAt, String updatedAt, String finishedAt) {
    }

    /** Thrown when a job is already running. */
    public static final class AlreadyRunning extends Exception {
        private final long jobId;

        AlreadyRunning(long jobId) {
            super("retraining job " + jobId + " is already running; one runs at a time");
            this.jobId = jobId;
        }

        /** @return the running job */
        public long jobId() {
            return jobId;
        }
    }

    private final Database db;
    private final java.util.Map<Long, JobLease> leases = new java.util.concurrent.ConcurrentHashMap<>();

    public JobLog(Database db) {
        this.db = db;
    }

    /**
     * Records a new running job owned by this process.
     *
     * @throws AlreadyRunning if another job runs in a live process
     */
    public long claim(String trigger, Long userId, long labelWatermark) throws SQLException, AlreadyRunning {
        if (!db.isPostgres()) {
            return record(trigger, userId, labelWatermark, false);
        }
        JobLease lease = JobLease.tryTake(db);
        if (lease == null) {
            throw new AlreadyRunning(runningId());
        }
        try {
            long id = record(trigger, userId, labelWatermark, true);
            leases.put(id, lease);
            return id;
        } catch (SQLException | RuntimeException | AlreadyRunning e) {
            lease.close();
            throw e;
        }
    }

    /** @return the newest running job's id (the one whose lease another process holds), 0 if its row is not written yet */
    private long runningId() throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM learning_jobs WHERE status = 'running' ORDER BY id DESC LIMIT 1"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Marks the running rows of dead processes interrupted and records the new job, in one transaction.
     *
     * @param leased true when this process holds the {@link JobLease}: then every running row is stale
     */
    private long record(String trigger, Long userId, long labelWatermark, boolean leased) throws SQLException, AlreadyRunning {
        return db.inWriteTransaction("learning_jobs", c -> {
            String now = Instant.now().toString();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, pid FROM learning_jobs WHERE status = 'running'");
                 ResultSet rs = ps.executeQuery()) {
                List<long[]> running = new ArrayList<>();
                while (rs.next()) {
                    running.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
                for (long[] r : running) {
                    if (!leased && alive(r[1])) {
                        throw new AlreadyRunning(r[0]);
                    }
                    try (PreparedStatement u = c.prepareStatement("UPDATE learning_jobs SET status = 'interrupted', finished_at = ?, "
                            + "updated_at = ?, message = 'its process ended while it ran (killed?); nothing it did was promoted' "
                            + "WHERE id = ?")) {
                        u.setString(1, now);
                        u.setString(2, now);
                        u.setLong(3, r[0]);
                        u.executeUpdate();
                    }
                }
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO learning_jobs (status, trigger_kind, user_id, pid, stage, progress, "
                    + "label_watermark, started_at, updated_at) VALUES ('running', ?, ?, ?, 'queued', 0, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, trigger);
                if (userId == null) {
                    ps.setNull(2, java.sql.Types.INTEGER);
                } else {
                    ps.setLong(2, userId);
                }
                ps.setLong(3, ProcessHandle.current().pid());
                ps.setLong(4, labelWatermark);
                ps.setString(5, now);
                ps.setString(6, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            return id;
        });
    }

    private static boolean alive(long pid) {
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Records progress (0..1) and the current stage. */
    public void progress(long id, String stage, double progress) throws SQLException {
        update(id, "UPDATE learning_jobs SET stage = ?, progress = ?, updated_at = ? WHERE id = ?", stage, progress);
    }

    private void update(long id, String sql, String stage, double progress) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, stage);
            ps.setDouble(2, progress);
            ps.setString(3, Instant.now().toString());
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }

    /** Ends a job, and releases its {@link JobLease} (PostgreSQL) even when the row cannot be written. */
    public void finish(long id, boolean succeeded, String candidateVersion, Boolean promoted, String message) throws SQLException {
        try {
            write(id, succeeded, candidateVersion, promoted, message);
        } finally {
            JobLease lease = leases.remove(id);
            if (lease != null) {
                lease.close();
            }
        }
    }

    private void write(long id, boolean succeeded, String candidateVersion, Boolean promoted, String message) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("UPDATE learning_jobs SET status = ?, stage = ?, "
                + "progress = CASE WHEN ? THEN 1 ELSE progress END, candidate_version = ?, promoted = ?, message = ?, updated_at = ?, "
                + "finished_at = ? WHERE id = ?")) {
            String now = Instant.now().toString();
            ps.setString(1, succeeded ? "succeeded" : "failed");
            ps.setString(2, succeeded ? "done" : "failed");
            ps.setBoolean(3, succeeded);
            ps.setString(4, candidateVersion);
            if (promoted == null) {
                ps.setNull(5, java.sql.Types.INTEGER);
            } else {
                ps.setInt(5, promoted ? 1 : 0);
            }
            ps.setString(6, message);
            ps.setString(7, now);
            ps.setString(8, now);
            ps.setLong(9, id);
            ps.executeUpdate();
        }
    }

    /** @return the newest jobs first, at most {@code limit}; running jobs of dead processes shown as interrupted */
    public List<Job> recent(int limit) throws SQLException {
        return query("ORDER BY id DESC LIMIT " + Math.max(1, limit), null);
    }

    /** @return the job */
    public Optional<Job> find(long id) throws SQLException {
        List<Job> j = query("WHERE id = ?", id);
        return j.isEmpty() ? Optional.empty() : Optional.of(j.get(0));
    }

    /** @return the label watermark of the newest job, 0 if none */
    public long lastWatermark() throws SQLException {
        List<Job> j = query("ORDER BY id DESC LIMIT 1", null);
        return j.isEmpty() ? 0 : j.get(0).labelWatermark();
    }

    private List<Job> query(String tail, Long arg) throws SQLException {
        List<Job> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT * FROM learning_jobs " + tail)) {
            if (arg != null) {
                ps.setLong(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                Boolean leaseHeld = null;
                while (rs.next()) {
                    String status = rs.getString("status");
                    long pid = rs.getLong("pid");
                    if (status.equals("running") && !leases.containsKey(rs.getLong("id"))) {
                        boolean gone;
                        if (db.isPostgres()) {
                            leaseHeld = leaseHeld != null ? leaseHeld : JobLease.heldByAnyone(c);
                            gone = !leaseHeld;
                        } else {
                            gone = !alive(pid);
                        }
                        if (gone) {
                            status = "interrupted";
                        }
                    }
                    Object promoted = rs.getObject("promoted");
                    Object user = rs.getObject("user_id");
                    out.add(new Job(rs.getLong("id"), status, rs.getString("trigger_kind"), user == null ? null : rs.getLong("user_id"), pid,
                            rs.getString("stage"), rs.getDouble("progress"), rs.getLong("label_watermark"), rs.getString("candidate_version"),
                            promoted == null ? null : rs.getInt("promoted") == 1, rs.getString("message"), rs.getString("started_at"),
                            rs.getString("updated_at"), rs.getString("finished_at")));
                }
            }
        }
        return out;
    }
}
