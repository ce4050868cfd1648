package org.ztfclass.server.ingest;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.server.store.StoreCounts;
import org.ztfclass.server.store.StoreWriter;

/**
 * Kill -9 an ingest running in its own JVM in the middle of its work, run it again, and the
 * store ends with exactly the counts of an uninterrupted ingest.
 */
class KilledIngestTest {

    @TempDir
    Path tmp;

    @Test
    void killedIngestRerunEndsWithTheSameCounts() throws Exception {
        List<Path> inputs = List.of(Samples.path("catalogues"), Samples.path("lightcurves-snia"),
                Samples.path("antares-bts"), Samples.path("alerts"));

        Database reference = TestStores.open(tmp.resolve("reference.db"));
        new IngestService(new StoreWriter(reference)).ingest(inputs, IngestProgress.SILENT);
        StoreCounts expected = new ObjectQueries(reference).counts();

        Path killedDb = tmp.resolve("killed.db");
        Database killed = TestStores.open(killedDb);
        ObjectQueries killedQueries = new ObjectQueries(killed);
        Process p = ingestProcess(killedDb, inputs);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (killedQueries.counts().detections() < 2000 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the ingest finished before it could be killed: this test tested nothing");
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        StoreCounts atKill = killedQueries.counts();
        assertTrue(atKill.detections() < expected.detections(), "killed mid-way: " + atKill + " vs " + expected);

        IngestReport rerun = new IngestService(new StoreWriter(TestStores.open(killedDb))).ingest(inputs, IngestProgress.SILENT);
        assertTrue(rerun.problems().isEmpty(), rerun.problems().toString());
        assertEquals(expected, killedQueries.counts());
    }

    private static Process ingestProcess(Path db, List<Path> inputs) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "org.ztfclass.server.cli.Main", "ingest", "--db", TestStores.location(db)));
        inputs.forEach(i -> cmd.add(i.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
