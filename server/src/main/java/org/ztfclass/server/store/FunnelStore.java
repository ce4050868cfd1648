package org.ztfclass.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The funnel's side of the store: streams every object's {@link ObjectFacts}, records runs
 * (stage counts, and why each dropped object was dropped), hand rescues, and the comparison of a
 * run with the one before. Drops (and a run's passed objects, when few) are kept for the latest two runs only. Thread-safe; one
 * {@link FunnelRunRecorder} belongs to one thread.
 */
public final class FunnelStore {

    private static final String FACTS =
            "SELECT o.object_id, o.ra, o.dec, o.synthetic, o.n_detections, o.first_detection_jd, o.last_detection_jd, "
            + "o.peak_mag_g, o.peak_mag_r, o.peak_mag_i, o.real_score_1, o.real_score_2, o.real_score_3, o.real_score_4, "
            + "o.real_score_5, o.n_episodes, o.catalogue_peak_mag, o.ssdistnr, o.ssmagnr, o.sgscore1, o.distpsnr1, "
            + "o.neargaia, o.maggaia, o.ndethist, o.jdstarthist, o.distnr, o.magnr FROM objects o";

    private final Database db;

    public FunnelStore(Database db) {
        this.db = db;
    }

    /** Streams every object's facts to {@code sink}, one at a time (memory does not grow with the store). */
    public long forEachFacts(Consumer<ObjectFacts> sink) throws SQLException {
        long n = 0;
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery(FACTS)) {
                while (rs.next()) {
                    sink.accept(facts(rs));
                    n++;
                }
            }
        }
        return n;
    }

    /** @return the row's facts (the columns of {@link #FACTS}) */
    private static ObjectFacts facts(ResultSet rs) throws SQLException {
        double[] scores = new double[ObjectFacts.MAX_SCORES];
        int k = 0;
        for (int i = 0; i < scores.length; i++) {
            double v = rs.getDouble(11 + i);
            if (!rs.wasNull()) {
                scores[k++] = v;
            }
        }
        return new ObjectFacts(rs.getString(1), nullable(rs, 2), nullable(rs, 3), rs.getInt(4) == 1,
                rs.getInt(5), nullable(rs, 6), nullable(rs, 7), minOf(nullable(rs, 8), nullable(rs, 9), nullable(rs, 10)),
                nullable(rs, 17), java.util.Arrays.copyOf(scores, k), rs.getInt(16), nullable(rs, 18), nullable(rs, 19),
                nullable(rs, 20), nullable(rs, 21), nullable(rs, 22), nullable(rs, 23), integer(rs, 24), nullable(rs, 25),
                nullable(rs, 26), nullable(rs, 27));
    }

    /** Objects a query names at most at once (well under SQLite's limit on bound values). */
    private static final int IN_CHUNK = 500;

    /** @return the facts of the named objects that the store knows, in no particular order */
    public List<ObjectFacts> facts(java.util.Collection<String> objectIds) throws SQLException {
        List<ObjectFacts> out = new ArrayList<>(objectIds.size());
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(objectIds));
        try (Connection c = db.connect()) {
            for (int from = 0; from < ids.size(); from += IN_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
                try (PreparedStatement ps = c.prepareStatement(FACTS + " WHERE o.object_id IN (" + marks(chunk.size()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(facts(rs));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** @return those of the named objects that someone rescued by hand (at any time) */
    public Set<String> rescuedAmong(java.util.Collection<String> objectIds) throws SQLException {
        Set<String> out = new HashSet<>();
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(objectIds));
        try (Connection c = db.connect()) {
            for (int from = 0; from < ids.size(); from += IN_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
                try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT object_id FROM funnel_rescues WHERE object_id IN ("
                        + marks(chunk.size()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getString(1));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    /**
     * An object's verdict in a run.
     *
     * @param stage   index (0-based) in the run's stage list of the stage that dropped it; -1 when it passed
     * @param rescued a dropped object someone rescued (it counts as passed)
     */
    public record Verdict(String objectId, int stage, String category, String reason, boolean rescued) {
    }

    /**
     * Replaces the verdicts of some objects in recorded run {@code runId} (the newest one, which every
     * reader takes the verdict from), in one transaction: their drops and recorded passes, and the run's
     * and its stages' counts as though the run had judged them so. An object the run had not judged (added
     * after it started) is added to the counts; one it had judged moves from its old verdict to the new.
     * The stages' main reasons stay those the run computed.
     *
     * @param stages the run's stage names, in order
     */
    public void replaceVerdicts(long runId, List<String> stages, List<Verdict> verdicts) throws SQLException {
        if (verdicts.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            writeVerdicts(c, runId, stages, verdicts);
            return null;
        });
    }

    private static void writeVerdicts(Connection c, long runId, List<String> stages, List<Verdict> verdicts) throws SQLException {
        int n = stages.size();
        long[] in = new long[n];
        long[] dropped = new long[n];
        long total = 0;
        long out = 0;
        long rescued = 0;
        {
            try (PreparedStatement run = c.prepareStatement("SELECT last_object_rowid FROM funnel_runs WHERE id = ?");
                 PreparedStatement oldDrop = c.prepareStatement("SELECT stage, rescued FROM funnel_drops WHERE run_id = ? AND object_id = ?");
                 PreparedStatement judged = c.prepareStatement("SELECT (SELECT rowid FROM objects WHERE object_id = ?) <= ? "
                         + "OR EXISTS (SELECT 1 FROM funnel_passes WHERE run_id = ? AND object_id = ?)");
                 PreparedStatement putDrop = c.prepareStatement("INSERT OR REPLACE INTO funnel_drops (run_id, object_id, stage, category, "
                         + "reason, rescued) VALUES (?,?,?,?,?,?)");
                 PreparedStatement deleteDrop = c.prepareStatement("DELETE FROM funnel_drops WHERE run_id = ? AND object_id = ?");
                 PreparedStatement putPass = c.prepareStatement("INSERT OR IGNORE INTO funnel_passes (run_id, object_id) VALUES (?, ?)");
                 PreparedStatement deletePass = c.prepareStatement("DELETE FROM funnel_passes WHERE run_id = ? AND object_id = ?")) {
                run.setLong(1, runId);
                long lastRowid;
                try (ResultSet rs = run.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    lastRowid = rs.getLong(1);
                    if (rs.wasNull()) {
                        // a run recorded before migration V9 did not say which objects it judged: count them all as judged
                        lastRowid = Long.MAX_VALUE;
                    }
                }
                for (Verdict v : verdicts) {
                    // take the old verdict out of the counts
                    oldDrop.setLong(1, runId);
                    oldDrop.setString(2, v.objectId());
                    int oldStage = -2; // -2: not judged by the run, -1: passed
                    boolean oldRescued = false;
                    try (ResultSet rs = oldDrop.executeQuery()) {
                        if (rs.next()) {
                            oldStage = stages.indexOf(rs.getString(1));
                            oldRescued = rs.getInt(2) == 1;
                            if (oldStage < 0) {
                                oldStage = -2; // a stage this run does not have: leave the counts alone
                            }
                        }
                    }
                    if (oldStage == -2) {
                        judged.setString(1, v.objectId());
                        judged.setLong(2, lastRowid);
                        judged.setLong(3, runId);
                        judged.setString(4, v.objectId());
                        try (ResultSet rs = judged.executeQuery()) {
                            if (rs.next() && rs.getInt(1) == 1) {
                                oldStage = -1;
                            }
                        }
                    }
                    if (oldStage != -2) {
                        int reached = oldStage == -1 ? n : oldStage + 1;
                        for (int i = 0; i < reached; i++) {
                            in[i]--;
                        }
                        total--;
                        if (oldStage >= 0) {
                            dropped[oldStage]--;
                        }
                        if (oldStage == -1 || oldRescued) {
                            out--;
                        }
                        if (oldRescued) {
                            rescued--;
                        }
                    }
                    // and the new one in
                    int reached = v.stage() < 0 ? n : v.stage() + 1;
                    for (int i = 0; i < reached; i++) {
                        in[i]++;
                    }
                    total++;
                    if (v.stage() >= 0) {
                        dropped[v.stage()]++;
                        putDrop.setLong(1, runId);
                        putDrop.setString(2, v.objectId());
                        putDrop.setString(3, stages.get(v.stage()));
                        putDrop.setString(4, v.category());
                        putDrop.setString(5, v.reason());
                        putDrop.setInt(6, v.rescued() ? 1 : 0);
                        putDrop.executeUpdate();
                    } else {
                        deleteDrop.setLong(1, runId);
                        deleteDrop.setString(2, v.objectId());
                        deleteDrop.executeUpdate();
                    }
                    boolean passes = v.stage() < 0 || v.rescued();
                    if (passes) {
                        out++;
                    }
                    if (v.stage() >= 0 && v.rescued()) {
                        rescued++;
                    }
                    // the run's list of passed objects (rescued drops included, as the run records them); an object
                    // added after the run and judged here is also recorded, so a later batch knows the run has judged it
                    PreparedStatement pass = passes ? putPass : deletePass;
                    pass.setLong(1, runId);
                    pass.setString(2, v.objectId());
                    pass.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE funnel_stage_counts SET objects_in = objects_in + ?, "
                    + "dropped = dropped + ?, objects_out = objects_out + ? WHERE run_id = ? AND position = ?")) {
                for (int i = 0; i < n; i++) {
                    if (in[i] != 0 || dropped[i] != 0) {
                        ps.setLong(1, in[i]);
                        ps.setLong(2, dropped[i]);
                        ps.setLong(3, in[i] - dropped[i]);
                        ps.setLong(4, runId);
                        ps.setInt(5, i + 1);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE funnel_runs SET objects_in = objects_in + ?, objects_out = objects_out + ?, rescued = rescued + ? WHERE id = ?")) {
                ps.setLong(1, total);
                ps.setLong(2, out);
                ps.setLong(3, rescued);
                ps.setLong(4, runId);
                ps.executeUpdate();
            }
        }
    }

    /** @return the objects someone rescued by hand (at any time) */
    public Set<String> rescuedObjects() throws SQLException {
        Set<String> out = new HashSet<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT object_id FROM funnel_rescues")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /**
     * Records that a person wants a dropped object to pass the funnel.
     *
     * @return false if the store does not know the object
     */
    public boolean addRescue(String objectId, String userName, String reason) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement known = c.prepareStatement("SELECT 1 FROM objects WHERE object_id = ?");
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO funnel_rescues (object_id, user_name, reason, created_at) VALUES (?,?,?,?)")) {
            known.setString(1, objectId);
            try (ResultSet rs = known.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
            }
            ps.setString(1, objectId);
            ps.setString(2, userName);
            ps.setString(3, reason);
            ps.setString(4, Instant.now().toString());
            ps.executeUpdate();
            return true;
        }
    }

    /** Starts recording a run; everything it records is committed by {@link FunnelRunRecorder#finish} or not at all. */
    public FunnelRunRecorder startRun(String config) throws SQLException {
        return new FunnelRunRecorder(db.connect(), db.dialect(), config);
    }

    /** A stage's counts in a run. */
    public record StageCount(int position, String stage, String settings, long in, long dropped, long out, String mainReason) {
    }

    /** A recorded run. */
    public record Run(long id, String startedAt, Double seconds, String config, long in, long out, long rescued) {
    }

    /** @return the latest run, if any */
    public Optional<Run> latestRun() throws SQLException {
        return run("SELECT * FROM funnel_runs ORDER BY id DESC LIMIT 1", null);
    }

    /** @return the run before {@code runId}, if any */
    public Optional<Run> runBefore(long runId) throws SQLException {
        return run("SELECT * FROM funnel_runs WHERE id < ? ORDER BY id DESC LIMIT 1", runId);
    }

    private Optional<Run> run(String sql, Long arg) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setLong(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Run(rs.getLong("id"), rs.getString("started_at"), Sql.getDouble(rs, "seconds"),
                        rs.getString("config"), rs.getLong("objects_in"), rs.getLong("objects_out"), rs.getLong("rescued")));
            }
        }
    }

    /** @return the stage counts of a run, in stage order */
    public List<StageCount> stageCounts(long runId) throws SQLException {
        List<StageCount> out = new ArrayList<>();
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM funnel_stage_counts WHERE run_id = ? ORDER BY position")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StageCount(rs.getInt("position"), rs.getString("stage"), rs.getString("settings"), rs.getLong("objects_in"),
                            rs.getLong("dropped"), rs.getLong("objects_out"), rs.getString("main_reason")));
                }
            }
        }
        return out;
    }

    /** How two runs' verdicts differ, object by object. */
    public record Difference(long newlyDropped, long newlyPassed, long droppedByAnotherStage) {
    }

    /**
     * Compares two runs' verdicts object by object, walking both runs' drops in object-id order
     * (their primary-key order: one sequential pass, nothing held in memory). Rescued drops count as passed.
     *
     * @return how {@code run} differs from {@code previous}
     */
    public Difference difference(long run, long previous) throws SQLException {
        String sql = "SELECT object_id, stage FROM funnel_drops WHERE run_id = ? AND rescued = 0 ORDER BY object_id";
        long newlyDropped = 0;
        long newlyPassed = 0;
        long otherStage = 0;
        try (Connection c = db.connect(); PreparedStatement now = c.prepareStatement(sql); PreparedStatement before = c.prepareStatement(sql)) {
            now.setLong(1, run);
            before.setLong(1, previous);
            try (ResultSet a = now.executeQuery(); ResultSet b = before.executeQuery()) {
                boolean hasA = a.next();
                boolean hasB = b.next();
                while (hasA || hasB) {
                    int cmp = !hasA ? 1 : !hasB ? -1 : a.getString(1).compareTo(b.getString(1));
                    if (cmp < 0) {
                        newlyDropped++;
                        hasA = a.next();
                    } else if (cmp > 0) {
                        newlyPassed++;
                        hasB = b.next();
                    } else {
                        if (!a.getString(2).equals(b.getString(2))) {
                            otherStage++;
                        }
                        hasA = a.next();
                        hasB = b.next();
                    }
                }
            }
        }
        return new Difference(newlyDropped, newlyPassed, otherStage);
    }

    private static Double nullable(ResultSet rs, int col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }

    private static Integer integer(ResultSet rs, int col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private static Double minOf(Double a, Double b, Double c) {
        Double m = null;
        for (Double v : new Double[] {a, b, c}) {
            if (v != null && (m == null || v < m)) {
                m = v;
            }
        }
        return m;
    }
}
