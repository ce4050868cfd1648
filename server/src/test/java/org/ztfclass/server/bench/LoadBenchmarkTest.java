package org.ztfclass.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ztfclass.server.PostgresCluster;
import org.ztfclass.server.Samples;

/**
 * {@code bench load} end to end with a tiny N on both engines (a few seconds, a few clients, the
 * sample's catalogues only, short think times): every acknowledged label is stored once, pages
 * are served, the retraining job runs; no time is asserted.
 */
class LoadBenchmarkTest {

    @Test
    void everyAcknowledgedLabelIsStoredOnceOnBothEngines() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        LoadBenchmark.Settings s = new LoadBenchmark.Settings(0.08, 4, 2,
                List.of(LoadBenchmark.Engine.SQLITE, LoadBenchmark.Engine.POSTGRESQL), PostgresCluster.shared().createDatabase("bench_load"),
                List.of(Samples.path("catalogues")), "the sample's catalogues", null, new long[] {50, 200}, new long[] {20, 100}, 4, true);
        List<LoadBenchmark.Figures> figures = LoadBenchmark.run(s, new PrintStream(text, true, StandardCharsets.UTF_8));
        String out = text.toString(StandardCharsets.UTF_8);
        assertEquals(2, figures.size(), out);
        for (LoadBenchmark.Figures f : figures) {
            assertTrue(f.acknowledged() > 0 && f.batches() > 0, out);
            assertEquals(f.acknowledged(), f.stored(), f.engine() + ": acknowledged == stored\n" + out);
            assertEquals(0, f.lost(), out);
            assertEquals(0, f.duplicated(), out);
            assertEquals(0, f.unacknowledgedStored(), out);
            assertEquals(0, f.deduplicated(), "labellers never repeat a label within the deduplication window\n" + out);
            assertEquals(0, f.postErrors(), out);
            assertTrue(f.pages() > 0 && f.pageErrors() == 0, out);
            assertTrue(f.postP(50) <= f.postP(99) && f.pageP(50) <= f.pageP(99), out);
            assertTrue(f.retraining().startsWith("retraining job") && !f.retraining().contains(": running"), f.retraining());
        }
        assertTrue(out.contains("goal p99 < 200 ms") && out.contains("goal p99 < 100 ms") && out.contains("reference: static file"), out);
    }
}
