package org.ztfclass.server.learning;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.server.Samples;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;

/**
 * kill -9 during retraining: a real child JVM ({@code ztfclass retrain}) is killed with
 * destroyForcibly while it trains; the serving version, its bundle and predictions, and every
 * label are as before, the killed job shows as interrupted, and a new job runs to the end.
 */
class KilledRetrainingTest {

    @TempDir
    Path tmp;

    private static String one(Database db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void killedMidwayLeavesTheServingModelAndLabelsIntact() throws Exception {
        Path file = tmp.resolve("kill.db");
        Path models = tmp.resolve("models");
        Database db = TestStores.open(file);
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("catalogues")), IngestProgress.SILENT);
        JobLog.Job first;
        try (Retraining r = new Retraining(db, models, ModelTrainer.DEFAULT, LearningConfig.defaults())) {
            first = r.runNow("test", null);
        }
        assertEquals("succeeded", first.status(), first.message());
        String serving = first.candidateVersion();
        String labels = one(db, "SELECT COUNT(*) || ':' || MAX(id) FROM labels");
        String human = one(db, "SELECT COUNT(*) || ':' || MAX(id) FROM labels WHERE source <> 'auto'");
        String predictions = one(db, "SELECT COUNT(*) || ':' || SUM(p_sn_ia) FROM predictions WHERE model_version = '" + serving + "'");

        for (boolean afterTraining : List.of(false, true)) {
            String killAt = afterTraining ? "after training" : "training";
            Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.ztfclass.server.cli.Main", "retrain", "--db", TestStores.location(file),
                    "--models", models.toString())).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            String stage = null;
            while (child.isAlive() && System.nanoTime() < deadline) {
                stage = one(db, "SELECT stage FROM learning_jobs WHERE status = 'running' AND pid = " + child.pid());
                if (stage != null && (afterTraining ? Stream.of("evaluating", "saving", "scoring", "promoting").anyMatch(stage::startsWith)
                        : stage.startsWith("training"))) {
                    break;
                }
                Thread.sleep(20);
            }
            assertTrue(child.isAlive(), "the child was still retraining when killed (stage " + stage + ")");
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));

            assertEquals(labels, one(db, "SELECT COUNT(*) || ':' || MAX(id) FROM labels"), "every label intact");
            assertEquals(serving, new ModelVersions(db).serving().orElseThrow().version(), "killed at " + killAt + ": the serving version still serves");
            assertEquals(predictions, one(db, "SELECT COUNT(*) || ':' || SUM(p_sn_ia) FROM predictions WHERE model_version = '" + serving + "'"));
            assertEquals(serving, ModelBundle.load(Path.of(new ModelVersions(db).serving().orElseThrow().bundlePath())).manifest().version());
            assertEquals("interrupted", new JobLog(db).recent(1).get(0).status());
        }
        try (Retraining r = new Retraining(db, models, ModelTrainer.DEFAULT, LearningConfig.defaults())) {
            JobLog.Job again = r.runNow("test", null);
            assertEquals("succeeded", again.status(), again.message());
        }
        try (Stream<Path> s = Files.list(models)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".partial-")), "leftover partial bundles removed");
        }
        assertEquals(human, one(db, "SELECT COUNT(*) || ':' || MAX(id) FROM labels WHERE source <> 'auto'"), "no human label lost");
    }
}
