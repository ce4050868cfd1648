package org.ztfclass.server.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.server.Samples;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.server.store.StreamStore;

/**
 * The consumer's pipeline (batch n+1 decoded while batch n is written) when the store refuses a batch: the
 * batches polled after it are abandoned, the partitions rewound, and once the store takes them again the
 * store ends as a file ingest of the same packets, every offset committed.
 */
class StreamPipelineTest {

    @TempDir
    Path tmp;

    @Test
    void aRefusedBatchAndTheBatchesInFlightBehindItAreReadAgainAndNothingIsLost() throws Exception {
        DevBroker broker = KafkaFixture.broker();
        String topic = "refused-batches";
        broker.createTopic(topic, 2);
        List<Path> files = Samples.avroFiles("alerts");
        try (AlertReplay replay = new AlertReplay(broker.bootstrap(), Map.of())) {
            replay.publish(topic, files, 0);
        }
        Path file = tmp.resolve("refusing.db");
        Database db = Database.open(file);
        RefusingStore.install(db);
        // small batches: several are in flight when the first is refused
        StreamSettings settings = new StreamSettings(broker.bootstrap(), List.of(topic), "refused", "earliest",
                Map.of("max.poll.records", "4"), true, 0);
        CompletableFuture<StreamConsumer.Totals> run = CompletableFuture.supplyAsync(() -> new StreamConsumer(settings, db, (ModelBundle) null).run());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); // a guard against hanging, not a timing assertion
        while (!refusalRecorded(db) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(refusalRecorded(db), "the refusal is kept as the partitions' last error");
        assertEquals(0, RefusingStore.count(db, "alerts"), "nothing stored while the store refuses");
        RefusingStore.accept(db);
        StreamConsumer.Totals t = run.get(300, TimeUnit.SECONDS);
        assertEquals(files.size(), t.messages(), "every message stored once it was taken");

        RefusingStore.remove(db);
        Path ingested = tmp.resolve("ingested.db");
        new IngestService(new StoreWriter(Database.open(ingested))).ingest(files, IngestProgress.SILENT);
        assertEquals(StoreSnapshot.of(ingested), StoreSnapshot.of(file));
        long committed = new StreamStore(db).status().stream().filter(s -> s.group().equals("refused"))
                .mapToLong(StreamStore.PartitionStatus::committedOffset).sum();
        assertEquals(files.size(), committed, "every offset committed");
    }

    private static boolean refusalRecorded(Database db) throws Exception {
        return new StreamStore(db).status().stream().anyMatch(s -> s.lastError() != null && s.lastError().contains(RefusingStore.MESSAGE));
    }
}
