package org.ztfclass.server.stream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.ztfclass.server.store.SourcedAlert;
import org.ztfclass.server.store.StreamStore.DeadLetter;
import org.ztfclass.votables.alert.AvroAlertReader;
import org.ztfclass.votables.domain.Alert;
import org.ztfclass.votables.input.ReadResult;

/**
 * Turns one Kafka message into alerts with the same reader as file ingest ({@link AvroAlertReader}):
 * the message value is an Avro object-container file of one (or several) ZTF alert packets. Each
 * alert is stored with the source {@code kafka:TOPIC/PARTITION@OFFSET}. A message that yields a
 * problem (not Avro, wrong schema, truncated, a packet without objectId, a bad cutout...) also
 * yields a {@link DeadLetter} naming topic, partition, offset and every problem; the packets it
 * did yield are kept all the same, as file ingest keeps them. Stateless and thread-safe.
 */
public final class MessageDecoder {

    /** What a message gave: alerts to store, and a dead letter when anything in it was rejected. */
    public record Decoded(List<SourcedAlert> alerts, DeadLetter deadLetter) {
    }

    /** @return the source name stored with the message's alerts and quoted in its problems */
    public static String source(String topic, int partition, long offset) {
        return "kafka:" + topic + "/" + partition + "@" + offset;
    }

    public Decoded decode(ConsumerRecord<byte[], byte[]> message) {
        String source = source(message.topic(), message.partition(), message.offset());
        byte[] value = message.value() == null ? new byte[0] : message.value();
        ReadResult<Alert> read;
        try {
            read = new AvroAlertReader().read(new ByteArrayInputStream(value), source);
        } catch (IOException | RuntimeException e) {
            // the reader reports bad input as problems; anything thrown is a reader failure on this message alone
            return new Decoded(List.of(), deadLetter(message, value.length, "unreadable message: " + e, 0));
        }
        List<SourcedAlert> alerts = read.records().stream().map(a -> new SourcedAlert(a, source)).toList();
        DeadLetter letter = null;
        if (!read.problems().isEmpty()) {
            String reason = read.problems().stream().map(p -> "[" + p.location() + "] " + p.reason()).collect(Collectors.joining("; "));
            letter = deadLetter(message, value.length, reason, alerts.size());
        } else if (alerts.isEmpty()) {
            letter = deadLetter(message, value.length, "[file] no alert packet in the message", 0);
        }
        return new Decoded(alerts, letter);
    }

    private static DeadLetter deadLetter(ConsumerRecord<byte[], byte[]> m, int length, String reason, int kept) {
        String key = m.key() == null ? null : new String(m.key(), StandardCharsets.UTF_8);
        return new DeadLetter(m.topic(), m.partition(), m.offset(), key, length, reason, kept, Instant.now().toString());
    }
}
