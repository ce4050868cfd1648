package org.ztfclass.server.stream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes Avro alert files to a Kafka topic the way ZTF does: one message per alert packet, the
 * value an Avro object-container file holding that one packet, the key the packet's
 * {@code objectId} (so an object's alerts stay in order on one partition). A file of one packet is
 * sent byte for byte; a file of several (e.g. Spark-written copies) is split into one container
 * per packet with the file's schema. A file that cannot be read as Avro is sent as it is, keyed by
 * its file name, so bad input can be demonstrated too (the consumer keeps it as a dead letter).
 * Messages go out in the order of the files given, at most {@code rate} a second if a rate is set.
 * Waits until the broker has acknowledged every message (acks=all). Single-threaded.
 */
public final class AlertReplay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertReplay.class);

    /** What was published. */
    public record Report(int files, int messages, int unreadableFiles) {
    }

    private final KafkaProducer<byte[], byte[]> producer;

    /** @param extra producer settings over the defaults (e.g. security.protocol for a real endpoint) */
    public AlertReplay(String bootstrap, Map<String, Object> extra) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 10 * 1024 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        // one request in flight: messages land in the order given, and a retried first batch (e.g. NOT_LEADER on a topic
        // just created) cannot leave the idempotent producer with a sequence gap (OUT_OF_ORDER_SEQUENCE_NUMBER)
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        config.putAll(extra);
        this.producer = new KafkaProducer<>(config);
    }

    /**
     * Publishes the files' packets to the topic.
     *
     * @param rate messages a second at most; 0 or less for as fast as the broker takes them
     * @throws IOException if a file cannot be read or the broker refuses a message (which one, and why)
     */
    public Report publish(String topic, List<Path> files, double rate) throws IOException {
        long start = System.nanoTime();
        int messages = 0;
        int unreadable = 0;
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        List<String> what = new ArrayList<>();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            List<Message> split = split(file, bytes);
            if (split == null) {
                unreadable++;
                LOG.warn("{} is not a readable Avro alert file: published as it is, keyed by its file name", file);
                split = List.of(new Message(file.getFileName().toString(), bytes));
            }
            for (Message m : split) {
                if (rate > 0) {
                    pace(start, messages, rate);
                }
                sent.add(producer.send(new ProducerRecord<>(topic, m.key == null ? null : m.key.getBytes(StandardCharsets.UTF_8), m.value)));
                what.add(file + (split.size() > 1 ? " packet " + (what.size() + 1) : ""));
                messages++;
            }
        }
        producer.flush();
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get(60, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("the broker did not take " + what.get(i) + " on topic " + topic + ": "
                        + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while publishing to " + topic, e);
            }
        }
        return new Report(files.size(), messages, unreadable);
    }

    private record Message(String key, byte[] value) {
    }

    /** @return one message per packet of the file, or null if the file is not a readable Avro container */
    static List<Message> split(Path file, byte[] bytes) {
        List<GenericRecord> packets = new ArrayList<>();
        Schema schema;
        try (DataFileStream<GenericRecord> in = new DataFileStream<>(new java.io.ByteArrayInputStream(bytes), new GenericDatumReader<>())) {
            schema = in.getSchema();
            while (in.hasNext()) {
                packets.add(in.next());
            }
        } catch (IOException | AvroRuntimeException e) {
            return null;
        }
        if (packets.isEmpty()) {
            return null;
        }
        if (packets.size() == 1) {
            return List.of(new Message(objectId(packets.get(0), file), bytes));
        }
        List<Message> out = new ArrayList<>(packets.size());
        for (GenericRecord p : packets) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
                w.create(schema, buffer);
                w.append(p);
            } catch (IOException | AvroRuntimeException e) {
                return null;
            }
            out.add(new Message(objectId(p, file), buffer.toByteArray()));
        }
        return out;
    }

    private static String objectId(GenericRecord packet, Path file) {
        Object id = packet.getSchema().getField("objectId") == null ? null : packet.get("objectId");
        return id == null ? file.getFileName().toString() : id.toString();
    }

    private static void pace(long start, int sentSoFar, double rate) throws IOException {
        long due = start + (long) (sentSoFar / rate * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while publishing", e);
            }
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
