package org.ztfclass.server.stream;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.server.store.StreamStore;
import org.ztfclass.server.store.StreamStore.DeadLetter;

/** The stream consumer against a real Kafka broker: the same store as file ingest, and bad messages kept aside. */
class StreamIngestTest {

    @TempDir
    Path tmp;

    @Test
    void replayedPacketsGiveTheStoreThatFileIngestGives() throws Exception {
        DevBroker broker = KafkaFixture.broker();
        List<Path> files = Samples.avroFiles("alerts");
        broker.createTopic("replay-same-store", 4);
        try (AlertReplay replay = new AlertReplay(broker.bootstrap(), Map.of())) {
            AlertReplay.Report r = replay.publish("replay-same-store", files, 0);
            assertEquals(files.size(), r.files());
            assertEquals(0, r.unreadableFiles());
        }
        Path streamed = tmp.resolve("streamed.db");
        Database db = TestStores.open(streamed);
        StreamConsumer.Totals t = new StreamConsumer(settings(broker, "replay-same-store", "same-store"), db, (org.ztfclass.models.bundle.ModelBundle) null).run();
        assertEquals(List.of(), deadLetters(db));
        assertEquals(0, t.deadLetters());
        assertEquals(Samples.readAlerts(files).size(), t.alerts());

        Path ingested = tmp.resolve("ingested.db");
        new IngestService(new StoreWriter(TestStores.open(ingested))).ingest(files, IngestProgress.SILENT);
        Map<String, List<String>> expected = StoreSnapshot.of(ingested);
        Map<String, List<String>> actual = StoreSnapshot.of(streamed);
        assertFalse(expected.get("alerts").isEmpty());
        for (String table : StoreSnapshot.TABLES) {
            assertEquals(expected.get(table).size(), actual.get(table).size(), table + " rows");
            assertEquals(expected.get(table), actual.get(table), table);
        }
    }

    @Test
    void badMessagesBecomeDeadLettersAndTheGoodOnesAroundThemAreStored() throws Exception {
        DevBroker broker = KafkaFixture.broker();
        String topic = "bad-messages";
        broker.createTopic(topic, 1);
        List<Path> good = Samples.avroFiles("alerts").subList(0, 2);
        byte[] first = Files.readAllBytes(good.get(0));
        byte[] second = Files.readAllBytes(good.get(1));
        byte[] random = new byte[5000];
        new Random(15).nextBytes(random);
        byte[] truncated = Arrays.copyOf(second, second.length / 2);
        byte[] otherSchema = otherSchemaContainer();
        byte[] noObjectId = Files.readAllBytes(Samples.avroFiles("bad-input/legacy-prerelease").get(0));
        List<byte[]> values = List.of(first, random, truncated, otherSchema, noObjectId, new byte[0], second);
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            for (byte[] v : values) {
                p.send(new ProducerRecord<>(topic, "k".getBytes(StandardCharsets.UTF_8), v)).get(60, TimeUnit.SECONDS);
            }
        }
        Database db = TestStores.open(tmp.resolve("bad.db"));
        StreamConsumer.Totals t = new StreamConsumer(settings(broker, topic, "bad-messages"), db, (org.ztfclass.models.bundle.ModelBundle) null).run();
        assertEquals(values.size(), t.messages());
        assertEquals(2, t.alerts(), "the two good packets");

        List<DeadLetter> letters = deadLetters(db);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), letters.stream().map(DeadLetter::offset).toList(), letters.toString());
        for (DeadLetter d : letters) {
            assertEquals(topic, d.topic());
            assertEquals(0, d.partition());
            assertEquals(0, d.alertsKept());
            assertEquals(values.get((int) d.offset()).length, d.bytesLength());
        }
        assertTrue(letters.get(0).reason().contains("not an Avro object-container file"), letters.get(0).reason());
        assertTrue(letters.get(1).reason().contains("truncated or corrupt"), letters.get(1).reason());
        assertTrue(letters.get(2).reason().contains("wrong schema"), letters.get(2).reason());
        assertTrue(letters.get(3).reason().contains("objectId"), letters.get(3).reason());
        assertTrue(letters.get(4).reason().contains("empty"), letters.get(4).reason());

        Path ingested = tmp.resolve("good.db");
        new IngestService(new StoreWriter(TestStores.open(ingested))).ingest(good, IngestProgress.SILENT);
        assertEquals(StoreSnapshot.of(ingested), StoreSnapshot.of(tmp.resolve("bad.db")));

        // delivered again (a new group reads the topic from the start): nothing is added twice
        new StreamConsumer(settings(broker, topic, "bad-messages-again"), db, (org.ztfclass.models.bundle.ModelBundle) null).run();
        assertEquals(letters.size(), deadLetters(db).size());
        assertEquals(StoreSnapshot.of(ingested), StoreSnapshot.of(tmp.resolve("bad.db")));
        List<StreamStore.PartitionStatus> status = new StreamStore(db).status();
        assertEquals(2, status.size(), status.toString());
        assertEquals(values.size(), status.get(0).committedOffset());
        assertTrue(status.get(0).lastError() != null && status.get(0).lastError().contains("offset 5"), status.toString());

        ApiServer api = new ApiServer(db).start("127.0.0.1", 0);
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + api.port() + "/api/stream")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            JsonNode body = new ObjectMapper().readTree(r.body());
            assertEquals(5, body.get("dead_letters").asInt());
            assertEquals(2, body.get("partitions").size());
            JsonNode row = body.get("partitions").get(0);
            assertEquals("bad-messages", row.get("group").asText());
            assertEquals(topic, row.get("topic").asText());
            assertEquals(values.size(), row.get("committed_offset").asLong());
            assertEquals(0, row.get("lag").asLong());
            assertTrue(row.has("alerts_last_minute") && row.has("alerts_per_second"), row.toString()); // values depend on the clock
            assertTrue(row.get("last_error").asText().contains("offset 5"));
        } finally {
            api.stop();
        }
    }

    static StreamSettings settings(DevBroker broker, String topic, String group) {
        return new StreamSettings(broker.bootstrap(), List.of(topic), group, "earliest", Map.of(), true, 0);
    }

    private static List<DeadLetter> deadLetters(Database db) throws Exception {
        return new StreamStore(db).deadLetters();
    }

    private static byte[] otherSchemaContainer() throws Exception {
        Schema schema = SchemaBuilder.record("Weather").namespace("example").fields()
                .requiredString("station").requiredDouble("temperature").endRecord();
        GenericRecord r = new GenericData.Record(schema);
        r.put("station", "Palomar");
        r.put("temperature", 11.5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
            w.create(schema, out);
            w.append(r);
        }
        return out.toByteArray();
    }
}
