package org.ztfclass.server.learning;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.models.data.LabelledObject;
import org.ztfclass.server.Samples;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.domain.TransientClass;

/**
 * A small simulation on the real labelled sample (BTS catalogue): rounds of both queues, the audit
 * set never trained on, and takeover never switched on for a class whose held-out precision at
 * the threshold is below the required precision or that has fewer than K audited objects.
 */
class SimulationTest {

    @TempDir
    Path tmp;

    @Test
    void takeoverNeverSwitchesOnBelowTheRequiredPrecision() throws Exception {
        Database db = TestStores.open(tmp.resolve("sim.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("catalogues")), IngestProgress.SILENT);
        List<LabelledObject> labelled = ConsensusObjects.load(db);
        assertTrue(labelled.size() > 1000, "the BTS sample is labelled: " + labelled.size());
        LearningConfig config = LearningConfig.defaults().withMinAudited(10);
        Simulation.Result r = new Simulation(ModelTrainer.DEFAULT, config, 150, 450).run(labelled, line -> { });
        AuditSet audit = new AuditSet(config.auditFraction());
        assertEquals(labelled.stream().filter(o -> audit.contains(o.data().objectId())).count(), r.auditN());
        assertEquals(labelled.size(), r.auditN() + r.poolN());
        assertEquals(6, r.rows().size(), "3 rounds x 2 queues: " + r.rows().size());
        assertEquals(List.of(150, 300, 450), r.rows().stream().filter(x -> x.strategy().equals("active")).map(Simulation.Row::labels).toList());
        int judged = 0;
        int below = 0;
        for (Simulation.Row row : r.rows()) {
            assertTrue(row.macroAuc() > 0.5 && row.macroAuc() <= 1, "macro AUC " + row.macroAuc());
            for (TransientClass c : TransientClass.values()) {
                ThresholdMetrics m = row.atThreshold().get(c);
                boolean on = row.takeover().get(c).enabled();
                judged++;
                if (!(m.precision() >= config.takeoverPrecision())) {
                    below++;
                    assertFalse(on, row.strategy() + " " + row.labels() + " " + c + ": precision " + m.precision() + " yet takeover on");
                }
                if (m.above() < config.minAudited()) {
                    assertFalse(on, row.strategy() + " " + row.labels() + " " + c + ": only " + m.above() + " audited yet takeover on");
                }
                if (on) {
                    assertTrue(r.takeoverAt().get(row.strategy()).get(c) <= row.labels(), "first switch-on recorded");
                }
            }
        }
        assertEquals(18, judged);
        assertTrue(below > 0, "some class is below the required precision, so the check above was exercised");
        Path out = tmp.resolve("out");
        SimulationReport.write(r, out);
        List<String> csv = Files.readAllLines(out.resolve("learning-curve.csv"));
        assertEquals(7, csv.size(), "header and six rounds");
        assertTrue(Files.readString(out.resolve("learning-curve.svg")).contains("<polyline"));
        assertEquals(7, Files.readAllLines(out.resolve("takeover.csv")).size(), "header and 2 queues x 3 classes");
    }
}
