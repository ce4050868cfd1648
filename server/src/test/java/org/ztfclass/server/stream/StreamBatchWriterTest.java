package org.ztfclass.server.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.server.Samples;
import org.ztfclass.server.learning.ServingModel;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StreamStore;

/**
 * The stream's store side on its own, without a broker: batches of real alert packets (as Kafka hands them over)
 * are stored in the order given and handed back in that order; a refused batch makes the writer abandon the ones
 * behind it until the polling thread has rewound ({@link StreamBatchWriter#resume()}).
 */
class StreamBatchWriterTest {

    private static final String TOPIC = "writer-test";

    @TempDir
    Path tmp;

    @Test
    void storesBatchesInOrderKeepsTheGoodPacketsOfABatchAndRecordsItsBadMessageAsADeadLetter() throws Exception {
        Database db = Database.open(tmp.resolve("store.db"));
        List<Path> files = Samples.avroFiles("alerts").subList(0, 6);
        StreamBatchWriter writer = started(db);
        try {
            List<ConsumerRecord<byte[], byte[]>> first = records(files.subList(0, 3), 0);
            List<ConsumerRecord<byte[], byte[]>> second = new ArrayList<>(records(files.subList(3, 6), 3));
            second.add(new ConsumerRecord<>(TOPIC, 0, 6, null, "not an Avro file".getBytes(StandardCharsets.UTF_8)));
            writer.write(batch(0, first));
            writer.write(batch(1, second));

            StreamBatch a = take(writer);
            StreamBatch b = take(writer);
            assertEquals(0, a.seq, "handed back in the order given");
            assertEquals(1, b.seq);
            assertTrue(a.stored && b.stored);
            assertEquals(3, a.alertsAdded);
            assertEquals(3, b.alertsAdded, "the batch's good packets are stored beside its bad message");
            assertEquals(1, b.deadLetters);
            assertTrue(b.errors.values().iterator().next().startsWith("offset 6: "), b.errors.toString());
            assertEquals(6, RefusingStore.count(db, "alerts"));
            assertEquals(1, new StreamStore(db).deadLetters().size());
        } finally {
            writer.stop(60_000);
        }
    }

    @Test
    void afterARefusedBatchTheNextAreAbandonedUnwrittenUntilResumed() throws Exception {
        Database db = Database.open(tmp.resolve("refusing.db"));
        RefusingStore.install(db);
        List<Path> files = Samples.avroFiles("alerts").subList(0, 3);
        StreamBatchWriter writer = started(db);
        try {
            writer.write(batch(0, records(files.subList(0, 1), 0)));
            writer.write(batch(1, records(files.subList(1, 2), 1)));
            StreamBatch refused = take(writer);
            StreamBatch abandoned = take(writer);
            assertFalse(refused.stored);
            assertNotNull(refused.failure);
            assertTrue(refused.failure.getMessage().contains(RefusingStore.MESSAGE), refused.failure.getMessage());
            assertFalse(abandoned.stored);
            assertNull(abandoned.failure, "abandoned behind the refused batch, not tried");
            assertEquals(0, RefusingStore.count(db, "alerts"));

            RefusingStore.accept(db);
            writer.write(batch(2, records(files.subList(2, 3), 2)));
            assertFalse(take(writer).stored, "still abandoned: the polling thread has not rewound yet");
            writer.resume();
            writer.write(batch(3, records(files, 0)));
            StreamBatch retried = take(writer);
            assertTrue(retried.stored);
            assertEquals(3, retried.alertsAdded);
            assertEquals(3, RefusingStore.count(db, "alerts"));
        } finally {
            writer.stop(60_000);
        }
    }

    private static StreamBatchWriter started(Database db) {
        StreamBatchWriter writer = new StreamBatchWriter(db, ServingModel.fixed((ModelBundle) null), new ThreadCpuTally());
        writer.start();
        return writer;
    }

    /** The files' bytes as the messages of partition 0 from {@code offset} on, as the consumer polls them. */
    private static List<ConsumerRecord<byte[], byte[]>> records(List<Path> files, long offset) throws Exception {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        for (Path f : files) {
            out.add(new ConsumerRecord<>(TOPIC, 0, offset++, null, Files.readAllBytes(f)));
        }
        return out;
    }

    /** A batch whose messages are decoded already, as the consumer's decoding pool would. */
    private static StreamBatch batch(long seq, List<ConsumerRecord<byte[], byte[]>> records) {
        MessageDecoder decoder = new MessageDecoder();
        return new StreamBatch(seq, records, CompletableFuture.completedFuture(records.stream().map(decoder::decode).toList()));
    }

    private static StreamBatch take(StreamBatchWriter writer) throws Exception {
        // poll with a guard against hanging, not a timing assertion
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        StreamBatch b;
        while ((b = writer.pollWritten()) == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertNotNull(b, "the writer hands every batch back");
        return b;
    }
}
