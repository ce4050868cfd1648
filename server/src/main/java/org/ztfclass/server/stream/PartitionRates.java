package org.ztfclass.server.stream;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Alerts stored per partition over the last minute, from the counts of each batch and the times they
 * were stored (a sliding window). Single-threaded (the consumer loop's).
 */
final class PartitionRates {

    private static final long WINDOW_NANOS = 60_000_000_000L;

    private record Entry(long nanos, int alerts) {
    }

    private final Map<TopicPartition, Deque<Entry>> windows = new HashMap<>();

    void add(TopicPartition p, int alerts, long nanos) {
        windows.computeIfAbsent(p, k -> new ArrayDeque<>()).addLast(new Entry(nanos, alerts));
    }

    /** @return alerts added for the partition within the minute before {@code nanos} */
    int lastMinute(TopicPartition p, long nanos) {
        Deque<Entry> w = windows.get(p);
        if (w == null) {
            return 0;
        }
        while (!w.isEmpty() && nanos - w.peekFirst().nanos() > WINDOW_NANOS) {
            w.removeFirst();
        }
        return w.stream().mapToInt(Entry::alerts).sum();
    }
}
