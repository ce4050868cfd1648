package org.ztfclass.server.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.TestStores;
import org.ztfclass.server.store.Database;

/**
 * A job's heartbeat tells other processes whether the process running it is alive; the process that
 * runs it knows better. A job this process runs is never marked "its server process ended" by the
 * heartbeat clock (a clock stepped forward, a long pause), one whose process is gone still is.
 */
class UwsOwnJobsTest {

    @TempDir
    Path tmp;

    @Test
    void aStaleHeartbeatEndsOnlyTheJobsOfAnotherProcess() throws Exception {
        try (Database db = TestStores.open(tmp.resolve("store.db"))) {
            UwsJobStore store = new UwsJobStore(db, "mine"::equals);
            TapLimits limits = new TapLimits(60, 100, 10);
            Instant long_ago = Instant.parse("2000-01-01T00:00:00Z");
            for (String id : new String[] {"mine", "theirs"}) {
                store.create(id, Map.of("query", "SELECT TOP 1 * FROM ztf.objects", "lang", "ADQL"), null, "address:127.0.0.1", limits,
                        365L * 24 * 3600 * 100, long_ago);
                store.queue(id, id + "-process", long_ago); // last heartbeat decades before now
            }
            Instant now = Instant.now();
            assertEquals(UwsJob.Phase.QUEUED, store.get("mine", now).orElseThrow().phase(), "this process runs it: alive");
            assertEquals(UwsJob.Phase.ERROR, store.get("theirs", now).orElseThrow().phase());
            assertEquals(UwsJobStore.PROCESS_ENDED, store.get("theirs", now).orElseThrow().error());
        }
    }
}
