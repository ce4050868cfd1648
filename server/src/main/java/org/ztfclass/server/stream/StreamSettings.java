package org.ztfclass.server.stream;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How a stream consumer connects and what it reads.
 *
 * @param bootstrap      Kafka's bootstrap.servers
 * @param topics         topics to subscribe to (one or more)
 * @param group          the consumer group id: processes with the same group share the topics' partitions
 * @param from           where a group without committed offsets starts: {@code earliest} or {@code latest}
 * @param extra          further consumer properties (security.protocol, sasl.*, ssl.*, max.poll.records...), from
 *                       {@code --consumer-config}; they cannot change the group, the deserializers or auto-commit
 * @param exitWhenCaughtUp stop once every assigned partition has been read to its end (replays, tests)
 * @param pauseBeforeCommitMillis a pause between a batch's store transaction and its offset commit; 0 in use
 *                       (tests widen the window a kill -9 can fall into)
 */
public record StreamSettings(String bootstrap, List<String> topics, String group, String from, Map<String, String> extra,
                             boolean exitWhenCaughtUp, long pauseBeforeCommitMillis) {

    public StreamSettings {
        if (topics.isEmpty() || topics.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("--topic: name at least one topic, e.g. --topic ztf_20260101_programid1");
        }
        if (!from.equals("earliest") && !from.equals("latest")) {
            throw new IllegalArgumentException("--from must be earliest or latest, got '" + from + "'");
        }
        topics = List.copyOf(topics);
        extra = Map.copyOf(extra);
    }

    /** @return the Kafka consumer's configuration */
    public Map<String, Object> consumerConfig() {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        // alert packets are ~70 KB: Kafka's default 1 MiB per partition per fetch gave batches of ~14 alerts a partition
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        // the OS's autotuned socket buffer (Kafka's default is 64 KiB): the next fetch arrives while a batch is stored
        c.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, -1);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, "ztfclass-stream-" + ProcessHandle.current().pid());
        c.putAll(extra);
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, from);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return c;
    }

    /**
     * Reads a Java properties file of extra consumer settings.
     *
     * @throws IOException naming the file when it cannot be read, or a setting the stream owns
     */
    public static Map<String, String> readConsumerConfig(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IOException("--consumer-config " + file + ": cannot read: " + e.getMessage(), e);
        }
        Map<String, String> out = new HashMap<>();
        for (String k : p.stringPropertyNames()) {
            if (List.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG).contains(k)) {
                throw new IOException("--consumer-config " + file + ": " + k + " cannot be set: the stream commits offsets itself, "
                        + "after the store transaction, and reads raw bytes");
            }
            out.put(k, p.getProperty(k));
        }
        return out;
    }
}
