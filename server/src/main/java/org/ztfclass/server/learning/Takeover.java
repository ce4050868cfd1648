package org.ztfclass.server.learning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ztfclass.server.store.Database;
import org.ztfclass.votables.domain.TransientClass;

/**
 * Takeover of classes by the serving model, kept as append-only events ({@code takeover_events}):
 * {@link #decide} records, after a promotion, whether the new version may label each class
 * ({@link TakeoverPolicy}); {@link #apply} writes its automatic labels (source {@code auto},
 * source_ref the version) for objects no human has labelled, sending a fixed share of them to
 * humans for audit; {@link #recheck} stops a class by itself when humans confirm too few of its
 * audited automatic labels. Thread-safe.
 */
public final class Takeover {

    /**
     * A class's current takeover state.
     *
     * @param enabled      whether the model labels the class
     * @param reason       why (the latest decision)
     * @param modelVersion the version the decision is about, null before any
     * @param precision    held-out precision at the threshold, null if unknown
     * @param nAudited     held-out objects above the threshold
     * @param since        when the decision was taken
     */
    public record ClassState(TransientClass label, boolean enabled, String reason, String modelVersion, Double precision, Integer nAudited,
                             String since) {
    }

    /**
     * Audits of automatic labels of a class.
     *
     * @param autoLabels automatic labels written
     * @param requested  of those, sent to humans for audit
     * @param audited    audit requests a human consensus now answers
     * @param confirmed  of those, how many the humans agree with
     */
    public record ClassAudit(int autoLabels, int requested, int audited, int confirmed) {
        /** @return confirmed / audited, NaN before any audit */
        public double precision() {
            return audited == 0 ? Double.NaN : (double) confirmed / audited;
        }
    }

    private final Database db;
    private final LearningConfig config;
    private final TakeoverPolicy policy;

    public Takeover(Database db, LearningConfig config) {
        this.db = db;
        this.config = config;
        this.policy = new TakeoverPolicy(config);
    }

    /** @return every class's current state (off, "no model audited yet", before any decision) */
    public Map<TransientClass, ClassState> state() throws SQLException {
        Map<TransientClass, ClassState> out = new EnumMap<>(TransientClass.class);
        for (TransientClass c : TransientClass.values()) {
            out.put(c, new ClassState(c, false, "no model version has been audited yet", null, null, null, null));
        }
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT * FROM takeover_events e WHERE id = "
                + "(SELECT MAX(id) FROM takeover_events WHERE top_class = e.top_class)"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TransientClass k = TransientClass.valueOf(rs.getString("top_class"));
                Object p = rs.getObject("precision");
                Object n = rs.getObject("n_audited");
                out.put(k, new ClassState(k, rs.getInt("enabled") == 1, rs.getString("reason"), rs.getString("model_version"),
                        p == null ? null : rs.getDouble("precision"), n == null ? null : rs.getInt("n_audited"), rs.getString("created_at")));
            }
        }
        return out;
    }

    /** Decides, for a newly serving version, which classes it takes over, and records the decisions. */
    public Map<TransientClass, TakeoverPolicy.Decision> decide(String version, Map<TransientClass, ThresholdMetrics> heldOut) throws SQLException {
        Map<TransientClass, TakeoverPolicy.Decision> out = new EnumMap<>(TransientClass.class);
        for (TransientClass c : TransientClass.values()) {
            ThresholdMetrics m = heldOut.get(c);
            TakeoverPolicy.Decision d = m == null ? new TakeoverPolicy.Decision(false, c + ": version " + version + " has no audit metrics")
                    : policy.decide(m, 0, 0);
            out.put(c, d);
            record(c, d, version, m);
        }
        return out;
    }

    /** Switches every class off, e.g. after a rollback to a version without audit metrics. */
    public void off(String version, String why) throws SQLException {
        for (TransientClass c : TransientClass.values()) {
            record(c, new TakeoverPolicy.Decision(false, c + ": " + why), version, null);
        }
    }

    private void record(TransientClass c, TakeoverPolicy.Decision d, String version, ThresholdMetrics m) throws SQLException {
        try (Connection k = db.connect(); PreparedStatement ps = k.prepareStatement("INSERT INTO takeover_events (top_class, enabled, "
                + "model_version, precision, n_audited, reason, created_at) VALUES (?,?,?,?,?,?,?)")) {
            ps.setString(1, c.name());
            ps.setInt(2, d.enabled() ? 1 : 0);
            ps.setString(3, version);
            if (m == null || Double.isNaN(m.precision())) {
                ps.setNull(4, java.sql.Types.REAL);
            } else {
                ps.setDouble(4, m.precision());
            }
            if (m == null) {
                ps.setNull(5, java.sql.Types.INTEGER);
            } else {
                ps.setInt(5, m.above());
            }
            ps.setString(6, d.reason());
            ps.setString(7, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    /**
     * Writes the serving version's automatic labels for the classes it has taken over: objects it
     * gives at least the threshold, that no person or catalogue labelled and that this version has
     * not labelled yet. One transaction.
     *
     * @return automatic labels written per class
     */
    public Map<TransientClass, Integer> apply(String version) throws SQLException {
        Map<TransientClass, Integer> written = new EnumMap<>(TransientClass.class);
        Map<TransientClass, ClassState> state = state();
        String[] columns = {"p_sn_ia", "p_sn_ii", "p_other"};
        db.inTransaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO labels (object_id, fine_class, top_class, source, source_ref, "
                    + "confidence, comment, created_at) VALUES (?,?,?,'auto',?,?,'model takeover',?)", java.sql.Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement audit = c.prepareStatement("INSERT INTO audit_requests (label_id, object_id, top_class, model_version, "
                         + "created_at) VALUES (?,?,?,?,?)")) {
                String now = Instant.now().toString();
                for (TransientClass k : TransientClass.values()) {
                    ClassState s = state.get(k);
                    if (!s.enabled() || !version.equals(s.modelVersion())) {
                        continue;
                    }
                    String col = columns[k.ordinal()];
                    List<Object[]> rows = new ArrayList<>();
                    try (PreparedStatement q = c.prepareStatement("SELECT p.object_id, p." + col + " FROM predictions p WHERE p.model_version = ? "
                            + "AND p." + col + " >= ? AND NOT EXISTS (SELECT 1 FROM labels l WHERE l.object_id = p.object_id "
                            + "AND (l.source <> 'auto' OR l.source_ref = ?)) ORDER BY p.object_id")) {
                        q.setString(1, version);
                        q.setDouble(2, config.threshold());
                        q.setString(3, version);
                        try (ResultSet rs = q.executeQuery()) {
                            while (rs.next()) {
                                rows.add(new Object[] {rs.getString(1), rs.getDouble(2)});
                            }
                        }
                    }
                    for (Object[] r : rows) {
                        String objectId = (String) r[0];
                        insert.setString(1, objectId);
                        insert.setString(2, k.name());
                        insert.setString(3, k.name());
                        insert.setString(4, version);
                        insert.setDouble(5, (Double) r[1]);
                        insert.setString(6, now);
                        insert.executeUpdate();
                        long labelId;
                        try (ResultSet keys = insert.getGeneratedKeys()) {
                            keys.next();
                            labelId = keys.getLong(1);
                        }
                        if (AuditSet.unit("audit-sample:" + version + ":" + objectId) < config.auditSampleFraction()) {
                            audit.setLong(1, labelId);
                            audit.setString(2, objectId);
                            audit.setString(3, k.name());
                            audit.setString(4, version);
                            audit.setString(5, now);
                            audit.executeUpdate();
                        }
                    }
                    written.put(k, rows.size());
                }
            }
            return null;
        });
        return written;
    }

    /** @return per class, the audits of the given version's automatic labels (all versions if null) */
    public Map<TransientClass, ClassAudit> audits(String version, List<Consensus.Outcome> consensus) throws SQLException {
        Map<String, TransientClass> human = new HashMap<>();
        consensus.stream().filter(o -> !o.tied()).forEach(o -> human.put(o.objectId(), o.label()));
        int[] auto = new int[3];
        int[] requested = new int[3];
        int[] audited = new int[3];
        int[] confirmed = new int[3];
        try (Connection c = db.connect()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT top_class, COUNT(*) FROM labels WHERE source = 'auto' "
                    + "AND (? IS NULL OR source_ref = ?) GROUP BY top_class")) {
                ps.setString(1, version);
                ps.setString(2, version);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        auto[TransientClass.valueOf(rs.getString(1)).ordinal()] = rs.getInt(2);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT object_id, top_class FROM audit_requests WHERE (? IS NULL OR model_version = ?)")) {
                ps.setString(1, version);
                ps.setString(2, version);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int k = TransientClass.valueOf(rs.getString(2)).ordinal();
                        requested[k]++;
                        TransientClass verdict = human.get(rs.getString(1));
                        if (verdict != null) {
                            audited[k]++;
                            if (verdict.ordinal() == k) {
                                confirmed[k]++;
                            }
                        }
                    }
                }
            }
        }
        Map<TransientClass, ClassAudit> out = new EnumMap<>(TransientClass.class);
        for (TransientClass k : TransientClass.values()) {
            out.put(k, new ClassAudit(auto[k.ordinal()], requested[k.ordinal()], audited[k.ordinal()], confirmed[k.ordinal()]));
        }
        return out;
    }

    /**
     * Stops takeover of every class whose audited automatic labels (of the version that took it
     * over) humans confirm less often than the required precision.
     *
     * @return the classes stopped now
     */
    public List<TransientClass> recheck(List<Consensus.Outcome> consensus) throws SQLException {
        List<TransientClass> stopped = new ArrayList<>();
        for (ClassState s : state().values()) {
            if (!s.enabled()) {
                continue;
            }
            ClassAudit a = audits(s.modelVersion(), consensus).get(s.label());
            java.util.Optional<TakeoverPolicy.Decision> stop = policy.audits(s.label(), a.audited(), a.confirmed());
            if (stop.isPresent()) {
                record(s.label(), stop.get(), s.modelVersion(), null);
                stopped.add(s.label());
            }
        }
        return stopped;
    }
}
