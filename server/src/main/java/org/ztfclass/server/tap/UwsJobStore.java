package org.ztfclass.server.tap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ztfclass.server.store.Database;

/**
 * The asynchronous TAP jobs in the store (table {@code uws_jobs}, migration V18), shared by every
 * process on it: every read and every change of a job is SQL, so any process answers for any job.
 * Changes that must see all jobs at once (creating a job under the caps, changing parameters,
 * trimming answers) run in a write transaction holding the {@value #LOCK} lock
 * ({@link Database#beginImmediate}), so the caps hold across processes; a change of phase is one
 * conditional {@code UPDATE} that succeeds only from the phases it may leave.
 *
 * <p>A queued or executing job names the process that runs it ({@code executor}) and carries
 * that process's heartbeat ({@link #heartbeat}); the jobs of a process that ended are marked ERROR
 * when next read, listed or counted ({@link UwsEndedProcesses}). Times are the calling host's
 * clock, stored as ISO-8601 UTC text with milliseconds. Thread-safe.
 */
final class UwsJobStore {

    /** The write lock taken by changes that look at every job. */
    static final String LOCK = "uws_jobs";
    /** Seconds without a heartbeat after which a queued or executing job's process counts as ended. */
    static final long STALE_SECONDS = 60;
    /** The error of a job whose process ended before it finished. */
    static final String PROCESS_ENDED = "its server process ended before the job finished; run the query again";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNFINISHED = "('PENDING', 'QUEUED', 'EXECUTING')";
    private static final String FINISHED = "('COMPLETED', 'ERROR', 'ABORTED')";
    static final String RUNNING = "('QUEUED', 'EXECUTING')";
    private static final String COLUMNS = "job_id, owner, client, phase, parameters, created_at, started_at, ended_at, destruction_at, "
            + "error, result_bytes";

    private final Database db;
    private final UwsEndedProcesses ended;

    /**
     * @param runningHere whether this process is running the job now: such a job is never taken
     *                    for one whose process ended ({@link UwsEndedProcesses})
     */
    UwsJobStore(Database db, java.util.function.Predicate<String> runningHere) {
        this.db = db;
        this.ended = new UwsEndedProcesses(runningHere);
    }

    /** @return {@code t} as stored: ISO-8601 UTC with milliseconds (text order is time order) */
    static String time(Instant t) {
        return TIME.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Adds a PENDING job, after dropping the jobs past their destruction time and marking ERROR
     * those whose process ended.
     *
     * @param params    parameters with lower-cased names
     * @param owner     user name of the signed-in creator, or null
     * @param client    the creator for the per-client cap
     * @param retention seconds from now to the job's destruction
     * @return the new job
     * @throws TapRefusal 413 if the parameters are too large; 429 if {@code client} has
     *     {@link TapLimits#maxPendingPerClient} unfinished jobs on the store; 503 if the store holds
     *     {@link TapLimits#maxJobs} jobs and dropping the oldest finished ones makes no room
     */
    UwsJob create(String id, Map<String, String> params, String owner, String client, TapLimits limits, long retention, Instant now)
            throws SQLException {
        UwsJob.checkSize(params);
        return db.inWriteTransaction(LOCK, c -> {
            expire(c, now);
            ended.markAll(c, now);
            long unfinished = count(c, "SELECT COUNT(*) FROM uws_jobs WHERE client = ? AND phase IN " + UNFINISHED, client);
            if (unfinished >= limits.maxPendingPerClient()) {
                throw new TapRefusal(429, "you already have " + unfinished + " unfinished TAP jobs; at most "
                        + limits.maxPendingPerClient() + " may wait or run at once: run, finish or DELETE some first");
            }
            long held = count(c, "SELECT COUNT(*) FROM uws_jobs", null);
            if (held >= limits.maxJobs()) {
                long drop = held - limits.maxJobs() + 1;
                for (String old : oldestFinished(c)) {
                    if (drop-- <= 0) {
                        break;
                    }
                    delete(c, old);
                    held--;
                }
            }
            if (held >= limits.maxJobs()) {
                throw new TapRefusal(503, "the TAP service holds its maximum of " + limits.maxJobs()
                        + " jobs and none has finished; try again later");
            }
            Instant created = now.truncatedTo(ChronoUnit.MILLIS);
            Instant destruction = created.plusSeconds(retention);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO uws_jobs (job_id, owner, client, phase, parameters, "
                    + "created_at, destruction_at) VALUES (?, ?, ?, 'PENDING', ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, owner);
                ps.setString(3, client);
                ps.setString(4, json(params));
                ps.setString(5, time(created));
                ps.setString(6, time(destruction));
                ps.executeUpdate();
            }
            return new UwsJob(id, owner, client, params, UwsJob.Phase.PENDING, created, null, null, destruction, null, 0);
        });
    }

    /**
     * @return the job, unless unknown, deleted or past its destruction time; a queued or executing
     *     job whose process ended is first marked ERROR
     */
    Optional<UwsJob> get(String id, Instant now) throws SQLException {
        try (Connection c = db.connect()) {
            Optional<UwsJob> job = read(c, id);
            if (job.isPresent() && !job.get().finished() && job.get().phase() != UwsJob.Phase.PENDING && ended.stale(c, id, now)
                    && ended.mark(c, id, now) > 0) {
                job = read(c, id); // a write only when there is something to mark: polling a running job's phase reads
            }
            return job.filter(j -> !j.destruction.isBefore(now));
        }
    }

    /** @return the jobs of {@code owner} (a user name), oldest first, after dropping the expired ones */
    List<UwsJob> listOf(String owner, Instant now) throws SQLException {
        List<UwsJob> out = new ArrayList<>();
        try (Connection c = db.connect()) {
            expire(c, now);
            ended.markAll(c, now);
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM uws_jobs WHERE owner = ? "
                    + "ORDER BY created_at, job_id")) {
                ps.setString(1, owner);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(job(rs));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Adds or replaces parameters while the job is PENDING.
     *
     * @return false if the job is unknown or no longer PENDING
     * @throws TapRefusal 413 if the parameters would then hold more than {@link TapLimits#MAX_BODY_BYTES} characters
     */
    boolean setParams(String id, Map<String, String> more) throws SQLException {
        return db.inWriteTransaction(LOCK, c -> {
            Optional<UwsJob> job = read(c, id);
            if (job.isEmpty() || job.get().phase() != UwsJob.Phase.PENDING) {
                return false;
            }
            Map<String, String> merged = new HashMap<>(job.get().params());
            merged.putAll(more);
            UwsJob.checkSize(merged);
            try (PreparedStatement ps = c.prepareStatement("UPDATE uws_jobs SET parameters = ? WHERE job_id = ? AND phase = 'PENDING'")) {
                ps.setString(1, json(merged));
                ps.setString(2, id);
                ps.executeUpdate();
            }
            return true;
        });
    }

    /** PENDING → QUEUED, to be run by {@code executor}; false if the job was not pending. */
    boolean queue(String id, String executor, Instant now) throws SQLException {
        return update("UPDATE uws_jobs SET phase = 'QUEUED', executor = ?, heartbeat_at = ? WHERE job_id = ? AND phase = 'PENDING'",
                executor, time(now), id) > 0;
    }

    /** QUEUED → EXECUTING by {@code executor}; false if it was aborted, deleted or marked ended meanwhile. */
    boolean start(String id, String executor, Instant now) throws SQLException {
        return update("UPDATE uws_jobs SET phase = 'EXECUTING', started_at = ?, heartbeat_at = ? WHERE job_id = ? "
                + "AND phase = 'QUEUED' AND executor = ?", time(now), time(now), id, executor) > 0;
    }

    /**
     * EXECUTING → COMPLETED with the answer {@code votable}; then, while the answers held are over
     * {@link TapLimits#MAX_RESULT_BYTES}, drops the oldest finished jobs other than this one.
     * Nothing if the job is no longer executing (aborted or deleted meanwhile).
     */
    void complete(String id, String executor, byte[] votable, Instant now) throws SQLException {
        try (Connection c = db.connect()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE uws_jobs SET phase = 'COMPLETED', result = ?, result_bytes = ?, "
                    + "ended_at = ? WHERE job_id = ? AND phase = 'EXECUTING' AND executor = ?")) {
                ps.setBytes(1, votable);
                ps.setLong(2, votable.length);
                ps.setString(3, time(now));
                ps.setString(4, id);
                ps.setString(5, executor);
                if (ps.executeUpdate() == 0) {
                    return;
                }
            }
            trimResults(c, id);
        }
    }

    /** Any unfinished phase → ERROR with {@code message}; nothing for a finished or deleted job. */
    void fail(String id, String message, Instant now) throws SQLException {
        update("UPDATE uws_jobs SET phase = 'ERROR', error = ?, ended_at = ? WHERE job_id = ? AND phase IN " + UNFINISHED,
                message, time(now), id);
    }

    /** Any unfinished phase → ABORTED; the executing process notices it ({@link UwsJobs}). */
    void abort(String id, Instant now) throws SQLException {
        update("UPDATE uws_jobs SET phase = 'ABORTED', ended_at = ? WHERE job_id = ? AND phase IN " + UNFINISHED, time(now), id);
    }

    /** Drops the job (an executing one is stopped by its process, which notices the row is gone). */
    void delete(String id) throws SQLException {
        try (Connection c = db.connect()) {
            delete(c, id);
        }
    }

    /** @return the answer of a COMPLETED job, or null if there is none */
    byte[] result(String id) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT result FROM uws_jobs WHERE job_id = ? AND phase = 'COMPLETED'")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    /** @return the phase of each of {@code ids} still in the store (a deleted job is absent) */
    Map<String, UwsJob.Phase> phases(Collection<String> ids) throws SQLException {
        Map<String, UwsJob.Phase> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT job_id, phase FROM uws_jobs WHERE job_id IN (" + marks(ids.size()) + ")")) {
            bind(ps, 1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), UwsJob.Phase.valueOf(rs.getString(2)));
                }
            }
        }
        return out;
    }

    /** Records that {@code executor} is alive and still runs its queued or executing jobs among {@code ids}. */
    void heartbeat(Collection<String> ids, String executor, Instant now) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("UPDATE uws_jobs SET heartbeat_at = ? WHERE executor = ? AND phase IN " + RUNNING
                     + " AND job_id IN (" + marks(ids.size()) + ")")) {
            ps.setString(1, time(now));
            ps.setString(2, executor);
            bind(ps, 3, ids);
            ps.executeUpdate();
        }
    }

    /** Drops the jobs past their destruction time (an executing one is stopped by its process). */
    private static void expire(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM uws_jobs WHERE destruction_at < ?")) {
            ps.setString(1, time(now));
            ps.executeUpdate();
        }
    }

    private void trimResults(Connection c, String kept) throws SQLException {
        db.inWriteTransaction(c, LOCK, tx -> {
            long held = count(tx, "SELECT COALESCE(SUM(result_bytes), 0) FROM uws_jobs", null);
            if (held > TapLimits.MAX_RESULT_BYTES) {
                Map<String, Long> sizes = new java.util.LinkedHashMap<>();
                try (PreparedStatement ps = tx.prepareStatement("SELECT job_id, result_bytes FROM uws_jobs WHERE phase IN " + FINISHED
                        + " AND job_id <> ? ORDER BY created_at, job_id")) {
                    ps.setString(1, kept);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            sizes.put(rs.getString(1), rs.getLong(2));
                        }
                    }
                }
                for (Map.Entry<String, Long> e : sizes.entrySet()) {
                    if (held <= TapLimits.MAX_RESULT_BYTES) {
                        break;
                    }
                    delete(tx, e.getKey());
                    held -= e.getValue();
                }
            }
            return null;
        });
    }

    private static List<String> oldestFinished(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT job_id FROM uws_jobs WHERE phase IN " + FINISHED
                + " ORDER BY created_at, job_id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void delete(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM uws_jobs WHERE job_id = ?")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    private static Optional<UwsJob> read(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM uws_jobs WHERE job_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(job(rs)) : Optional.empty();
            }
        }
    }

    private static UwsJob job(ResultSet rs) throws SQLException {
        return new UwsJob(rs.getString("job_id"), rs.getString("owner"), rs.getString("client"), params(rs.getString("parameters")),
                UwsJob.Phase.valueOf(rs.getString("phase")), instant(rs.getString("created_at")), instant(rs.getString("started_at")),
                instant(rs.getString("ended_at")), instant(rs.getString("destruction_at")), rs.getString("error"),
                rs.getLong("result_bytes"));
    }

    private static Instant instant(String t) {
        return t == null ? null : Instant.parse(t);
    }

    private static String json(Map<String, String> params) {
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    private static Map<String, String> params(String json) throws SQLException {
        try {
            Map<String, String> m = JSON.readValue(json, new TypeReference<Map<String, String>>() { });
            m.values().removeIf(java.util.Objects::isNull);
            return m;
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable parameters of a TAP job: " + e.getOriginalMessage(), e);
        }
    }

    private int update(String sql, String... values) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            return ps.executeUpdate();
        }
    }

    private static long count(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (value != null) {
                ps.setString(1, value);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, int first, Collection<String> values) throws SQLException {
        int i = first;
        for (String v : values) {
            ps.setString(i++, v);
        }
    }
}
