package org.ztfclass.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records one funnel run in one transaction, from {@link FunnelStore#startRun}: why each dropped
 * object was dropped, which passed (when few), the stage counts. Single-threaded; call
 * {@link #finish} or {@link #abandon} (closing abandons what was not finished).
 */
public final class FunnelRunRecorder implements AutoCloseable {

    private static final int BATCH = 10_000;
    /** A run that passes at most this many objects records them (migration V9; the object list starts from them). */
    public static final int PASS_LIST_LIMIT = 20_000;
    private final Connection c;
    private final long runId;
    private final PreparedStatement drops;
    private final List<String> passed = new ArrayList<>();
    private boolean tooManyPassed;
    private int pending;
    private boolean done;

    FunnelRunRecorder(Connection c, SqlDialect dialect, String config) throws SQLException {
        this.c = c;
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO funnel_runs (started_at, config, last_object_rowid) "
                + "VALUES (?, ?, (SELECT COALESCE(MAX(" + dialect.insertionOrder("") + "), 0) FROM objects))", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, Instant.now().toString());
            ps.setString(2, config);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                runId = rs.getLong(1);
            }
        }
        drops = c.prepareStatement("INSERT INTO funnel_drops (run_id, object_id, stage, category, reason, rescued) VALUES (?,?,?,?,?,?)");
    }

    /** @return this run's id */
    public long runId() {
        return runId;
    }

    /** Records why an object was dropped. */
    public void drop(String objectId, String stage, String category, String reason, boolean rescued) throws SQLException {
        drops.setLong(1, runId);
        drops.setString(2, objectId);
        drops.setString(3, stage);
        drops.setString(4, category);
        drops.setString(5, reason);
        drops.setInt(6, rescued ? 1 : 0);
        drops.addBatch();
        if (++pending == BATCH) {
            drops.executeBatch();
            pending = 0;
        }
    }

    /**
     * Records that an object passed (a rescued drop too). Only the first {@link #PASS_LIST_LIMIT}
     * are kept; past that the run records none (memory stays bounded).
     */
    public void pass(String objectId) {
        if (tooManyPassed) {
            return;
        }
        if (passed.size() == PASS_LIST_LIMIT) {
            tooManyPassed = true;
            passed.clear();
            return;
        }
        passed.add(objectId);
    }

    /** Writes the counts (and the passed objects, if few), keeps drops of this run and the one before only, and commits. */
    public void finish(List<FunnelStore.StageCount> stages, long in, long out, long rescued, double seconds) throws SQLException {
        drops.executeBatch();
        if (!tooManyPassed) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO funnel_passes (run_id, object_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
                 PreparedStatement flag = c.prepareStatement("UPDATE funnel_runs SET passes_recorded = 1 WHERE id = ?")) {
                for (String id : passed) {
                    ps.setLong(1, runId);
                    ps.setString(2, id);
                    ps.addBatch();
                }
                ps.executeBatch();
                flag.setLong(1, runId);
                flag.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO funnel_stage_counts (run_id, position, stage, settings, "
                + "objects_in, dropped, objects_out, main_reason) VALUES (?,?,?,?,?,?,?,?)")) {
            for (FunnelStore.StageCount s : stages) {
                ps.setLong(1, runId);
                ps.setInt(2, s.position());
                ps.setString(3, s.stage());
                ps.setString(4, s.settings());
                ps.setLong(5, s.in());
                ps.setLong(6, s.dropped());
                ps.setLong(7, s.out());
                ps.setString(8, s.mainReason());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE funnel_runs SET objects_in = ?, objects_out = ?, rescued = ?, seconds = ? WHERE id = ?")) {
            ps.setLong(1, in);
            ps.setLong(2, out);
            ps.setLong(3, rescued);
            ps.setDouble(4, seconds);
            ps.setLong(5, runId);
            ps.executeUpdate();
        }
        for (String table : new String[] {"funnel_drops", "funnel_passes"}) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE run_id < "
                    + "(SELECT COALESCE(MAX(id), 0) FROM funnel_runs WHERE id < ?)")) {
                ps.setLong(1, runId);
                ps.executeUpdate();
            }
        }
        c.commit();
        done = true;
    }

    /** Forgets everything recorded. */
    public void abandon() throws SQLException {
        if (!done) {
            c.rollback();
            done = true;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            abandon();
        } finally {
            drops.close();
            c.close();
        }
    }
}
