package org.ztfclass.server.learning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ztfclass.server.store.Database;
import org.ztfclass.votables.domain.TransientClass;

/**
 * What the learning dashboard shows, per class: labels so far (human consensus, ties, automatic),
 * the serving version's precision and recall at the threshold on the audit set, takeover on/off
 * and why, and the audits of automatic labels. Read-only; thread-safe.
 */
public final class Dashboard {

    /**
     * One class's row.
     *
     * @param humanLabels  objects whose consensus is this class
     * @param autoLabels   automatic labels of the class (all versions)
     * @param precision    serving version's held-out precision at the threshold, null if unknown
     * @param recall       serving version's held-out recall at the threshold, null if unknown
     * @param auditedAbove held-out objects at or above the threshold
     * @param takeover     current takeover state
     * @param audit        audits of the automatic labels of the version that holds the takeover (all versions if none)
     */
    public record ClassRow(TransientClass label, int humanLabels, int autoLabels, Double precision, Double recall, Integer auditedAbove,
                           Takeover.ClassState takeover, Takeover.ClassAudit audit) {
    }

    /**
     * @param servingVersion the serving version, null if none
     * @param ties           objects whose labellers tie (for an admin)
     * @param rows           one per class
     */
    public record View(String servingVersion, double threshold, double requiredPrecision, int minAudited, List<String> ties,
                       List<ClassRow> rows) {
    }

    private final Database db;
    private final LearningConfig config;

    public Dashboard(Database db, LearningConfig config) {
        this.db = db;
        this.config = config;
    }

    public View view() throws SQLException {
        List<Consensus.Outcome> consensus = Consensus.of(new LabelLog(db).votes());
        Map<TransientClass, Integer> human = new EnumMap<>(TransientClass.class);
        List<String> ties = new ArrayList<>();
        for (Consensus.Outcome o : consensus) {
            if (o.tied()) {
                ties.add(o.objectId());
            } else {
                human.merge(o.label(), 1, Integer::sum);
            }
        }
        Optional<ModelVersions.Version> serving = new ModelVersions(db).serving();
        JsonNode per = null;
        if (serving.isPresent() && serving.get().auditMetrics() != null) {
            try {
                per = new ObjectMapper().readTree(serving.get().auditMetrics()).path("per_class");
            } catch (IOException e) {
                per = null;
            }
        }
        Takeover takeover = new Takeover(db, config);
        Map<TransientClass, Takeover.ClassState> state = takeover.state();
        Map<TransientClass, Takeover.ClassAudit> allAudits = takeover.audits(null, consensus);
        List<ClassRow> rows = new ArrayList<>();
        for (TransientClass c : TransientClass.values()) {
            Takeover.ClassState s = state.get(c);
            Takeover.ClassAudit a = s.modelVersion() == null ? allAudits.get(c) : takeover.audits(s.modelVersion(), consensus).get(c);
            JsonNode m = per == null ? null : per.path(c.name());
            rows.add(new ClassRow(c, human.getOrDefault(c, 0), allAudits.get(c).autoLabels(), number(m, "precision"), number(m, "recall"),
                    m == null || m.isMissingNode() ? null : m.path("above").asInt(), s, a));
        }
        return new View(serving.map(ModelVersions.Version::version).orElse(null), config.threshold(), config.takeoverPrecision(),
                config.minAudited(), ties, rows);
    }

    private static Double number(JsonNode m, String field) {
        if (m == null || m.isMissingNode() || !m.path(field).isNumber()) {
            return null;
        }
        return m.path(field).asDouble();
    }
}
