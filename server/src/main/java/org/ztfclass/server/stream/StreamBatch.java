package org.ztfclass.server.stream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One poll's messages on their way through {@link StreamConsumer}'s pipeline: decoded on the pool, stored by the
 * {@link StreamBatchWriter}, then settled (offsets committed, or partitions rewound) by the polling thread.
 *
 * <p>The polling thread sets the final fields; the writer thread sets the outcome fields ({@link #stored},
 * {@link #failure}, the counts, {@link #perPartition}, {@link #errors}) before it hands the batch back through a
 * blocking queue, which publishes them to the polling thread.
 */
final class StreamBatch {
    /** Poll order, from 0. */
    final long seq;
    final List<ConsumerRecord<byte[], byte[]>> records;
    /** Each partition's first offset in the batch: where to rewind if it is not stored. */
    final Map<TopicPartition, Long> first = new HashMap<>();
    /** Each partition's offset after the batch: what to commit once it is stored. */
    final Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
    /** The messages decoded, in {@link #records}' order. */
    final Future<List<MessageDecoder.Decoded>> decoded;

    // the writer thread's, until it hands the batch back
    boolean stored;
    /** Why the store refused the batch; null if it was stored, or abandoned after an earlier refusal. */
    Exception failure;
    int alerts;
    int alertsAdded;
    int deadLetters;
    /** Alerts stored per partition (for the partitions' rates). */
    final Map<TopicPartition, Integer> perPartition = new HashMap<>();
    /** The last dead letter's reason per partition, kept as the partition's last error. */
    final Map<TopicPartition, String> errors = new HashMap<>();

    StreamBatch(long seq, List<ConsumerRecord<byte[], byte[]>> records, Future<List<MessageDecoder.Decoded>> decoded) {
        this.seq = seq;
        this.records = records;
        this.decoded = decoded;
        for (ConsumerRecord<byte[], byte[]> r : records) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            first.putIfAbsent(tp, r.offset());
            next.put(tp, new OffsetAndMetadata(r.offset() + 1));
        }
    }
}
