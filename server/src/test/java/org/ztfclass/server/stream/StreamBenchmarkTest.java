package org.ztfclass.server.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.ztfclass.server.Samples;
import org.ztfclass.server.bench.StreamBenchmark;

/** {@code bench stream} end to end with a tiny N on the shared test broker: every phase runs and reports; no time is asserted. */
class StreamBenchmarkTest {

    @Test
    void everyPhaseRunsAndEveryAlertIsSeen() throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        StreamBenchmark.Figures f = StreamBenchmark.run(KafkaFixture.broker(), Samples.path("alerts"),
                new StreamBenchmark.Settings(40, 0.05, 20, 2, null), new PrintStream(text, true, StandardCharsets.UTF_8));
        String out = text.toString(StandardCharsets.UTF_8);
        assertEquals(40, f.consumedAlerts(), out);
        assertEquals(60, f.livePublished(), "3 s at 20/s");
        assertEquals(60, f.liveVisible(), out);
        assertTrue(f.decodeRate() > 0 && f.consumeRate() > 0, out);
        assertTrue(f.p50() <= f.p99() && f.p99() <= f.max(), out);
        assertTrue(f.heapSamples() >= 2 && f.heapMax() >= f.heapStart(), out);
        assertTrue(out.contains("reference  Avro decode alone") && out.contains("goal >= 1,400 alerts/s")
                && out.contains("p50") && out.contains("heap in use after GC"), out);
    }
}
