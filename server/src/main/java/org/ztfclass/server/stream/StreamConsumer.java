package org.ztfclass.server.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.server.learning.ServingModel;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StreamStore;

/**
 * Consumes ZTF alert packets from Kafka topics into the store, with Apache Kafka's own consumer in a
 * consumer group (processes with the same group share the partitions; Kafka rebalances them).
 *
 * <p>Each poll is one batch, and batches go through a pipeline of three kinds of thread, so that one
 * batch is decoded while the one before it is written:
 * <ol>
 * <li>the polling thread (the one that calls {@link #run()}, the only one that touches the Kafka consumer)
 *     polls, hands the batch's messages to the decoding pool and the batch to the writer, and commits
 *     the offsets of each batch once the writer reports it stored;</li>
 * <li>a decoding pool, one thread a core but one ({@link #decodeThreads()}): {@link MessageDecoder} (Avro, cutout check), results kept in the
 *     batch's order;</li>
 * <li>one writer thread ({@link StreamBatchWriter}), which takes batches in poll order, stores each (dead letters,
 *     alerts in one transaction exactly as file ingest writes them, funnel verdicts, scores) and hands it back.</li>
 * </ol>
 * At most {@value #MAX_IN_FLIGHT} batches are between poll and commit at any time (memory stays bounded).
 *
 * <p>Offsets are committed (commitSync) only for batches the writer has stored, in poll order: a kill at
 * any moment therefore loses nothing: what was not committed is delivered again and rewriting it changes
 * nothing (at-least-once delivery + idempotent writes). If the store refuses a batch, nothing more is
 * committed: the batches polled after it are abandoned unwritten, the partitions are rewound to the
 * failed batch's start (or an abandoned one's, if earlier), and consumption resumes after a pause; the error
 * is kept as the partitions' last error. When partitions are revoked (a rebalance) or the consumer stops,
 * every batch in flight is first finished (stored, then its offsets committed) inside the callback, while
 * the partitions are still this consumer's; when partitions are lost (not revoked), the batches in flight
 * are still stored but nothing is committed for them (another member may own them: it reads them again).
 *
 * <p>{@link #run()} blocks until {@link #stop()} (from any thread) or, with
 * {@link StreamSettings#exitWhenCaughtUp()}, until every assigned partition has been read to its end.
 * One instance runs once, on one thread.
 */
public final class StreamConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(StreamConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    /** Poll timeout while batches are in flight: come back soon to commit them. */
    private static final Duration POLL_BUSY = Duration.ofMillis(5);
    private static final long RETRY_PAUSE_MILLIS = 2000;
    /** Batches between poll and commit at most: one being written, the next decoded meanwhile. */
    static final int MAX_IN_FLIGHT = 2;

    /** Totals of a run. */
    public record Totals(long messages, long alerts, long alertsAdded, long deadLetters, long batches) {
    }

    private final StreamSettings settings;
    private final MessageDecoder decoder = new MessageDecoder();
    private final PartitionRates rates = new PartitionRates();
    private final ThreadCpuTally threadCpu = new ThreadCpuTally();
    private final StreamBatchWriter writer;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    // the polling thread's alone:
    private final Deque<StreamBatch> inFlight = new ArrayDeque<>();
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
    private final Map<TopicPartition, String> pendingErrors = new HashMap<>();
    private long nextSeq;
    private long messages;
    private long alerts;
    private long alertsAdded;
    private long deadLetters;
    private long batches;

    /** @param model scores the objects each batch touches; null to leave scoring to a later {@code retrain}/{@code demo} */
    public StreamConsumer(StreamSettings settings, Database db, ModelBundle model) {
        this(settings, db, ServingModel.fixed(model));
    }

    /** @param model what scores the objects each batch touches (asked once a batch); its bundle null: no scoring */
    public StreamConsumer(StreamSettings settings, Database db, ServingModel model) {
        this.settings = settings;
        this.writer = new StreamBatchWriter(db, model, threadCpu);
    }

    /** Consumes until stopped or, if so set, caught up; finishes the batches in flight; leaves the group cleanly. */
    public Totals run() {
        ForkJoinPool decoding = new ForkJoinPool(decodeThreads(), DecodeThread::new, null, false);
        writer.start();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(settings.consumerConfig())) {
            consumer = c;
            if (stopping.get()) {
                return totals();
            }
            c.subscribe(settings.topics(), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // still ours: store what is in flight and commit it, so the next owner starts after it
                    finishInFlight(c, true);
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    // no longer ours: store what is in flight (idempotent), commit nothing; the new owner reads it again
                    finishInFlight(c, false);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    LOG.info("stream: partitions assigned, now holding {}", sorted(c.assignment()));
                }
            });
            LOG.info("stream: group {} subscribed to {} at {}", settings.group(), settings.topics(), settings.bootstrap());
            try {
                while (!stopping.get()) {
                    ConsumerRecords<byte[], byte[]> records = c.poll(inFlight.isEmpty() ? POLL : POLL_BUSY);
                    if (!records.isEmpty()) {
                        submit(records, decoding);
                    }
                    settleWritten(c, inFlight.size() >= MAX_IN_FLIGHT);
                    if (records.isEmpty() && inFlight.isEmpty() && settings.exitWhenCaughtUp() && caughtUp(c)) {
                        LOG.info("stream: caught up on {}", c.assignment());
                        break;
                    }
                }
            } catch (WakeupException e) {
                // stop() while polling or committing
            }
            finishInFlight(c, true);
        } finally {
            consumer = null;
            decoding.shutdown();
            try {
                writer.stop(60_000);
                decoding.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return totals();
    }

    /**
     * @return CPU time of the run's own threads once they ended, by kind ({@code stream-writer},
     *     {@code stream-decode}, {@code stream-checkpoint}), in nanoseconds; for benchmarks (the threads are gone when {@link #run()} returns)
     */
    public Map<String, Long> threadCpuNanos() {
        return threadCpu.snapshot();
    }

    /** A decoding thread: named, a daemon, and counting its CPU when it ends. */
    private final class DecodeThread extends java.util.concurrent.ForkJoinWorkerThread {
        DecodeThread(ForkJoinPool pool) {
            super(pool);
            setName("stream-decode-" + getPoolIndex());
            setDaemon(true);
        }

        @Override
        protected void onTermination(Throwable exception) {
            threadCpu.addCurrentThread("stream-decode");
            super.onTermination(exception);
        }
    }

    /** System property: threads that decode messages (default: one fewer than the cores, at least one). */
    public static final String DECODE_THREADS_PROPERTY = "ztfclass.stream.decodeThreads";

    /**
     * @return decoding threads: one core is left to the writer, the critical path, whose work (SQLite) cannot be
     *     shared; the polling thread, the broker's network and the checkpoints take little
     */
    static int decodeThreads() {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(1, Integer.getInteger(DECODE_THREADS_PROPERTY, cores - 1));
    }

    /** Asks {@link #run()} to return after the batches in progress (their offsets committed). Any thread. */
    public void stop() {
        stopping.set(true);
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    private static List<String> sorted(Set<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::toString).sorted().toList();
    }

    private Totals totals() {
        return new Totals(messages, alerts, alertsAdded, deadLetters, batches);
    }

    // ---- polling thread ----

    private void submit(ConsumerRecords<byte[], byte[]> records, ForkJoinPool decoding) {
        List<ConsumerRecord<byte[], byte[]>> polled = new ArrayList<>(records.count());
        records.forEach(polled::add);
        // decoding (Avro, cutout check) is the costliest step and each message's alone: on every core, in order
        Future<List<MessageDecoder.Decoded>> decoded = decoding.submit(() -> polled.parallelStream().map(decoder::decode).toList());
        StreamBatch b = new StreamBatch(nextSeq++, polled, decoded);
        inFlight.addLast(b);
        writer.write(b);
    }

    /**
     * Settles the batches the writer has finished, in poll order: commits the stored ones' offsets, rewinds
     * after a refused one.
     *
     * @param block wait for at least the oldest batch in flight
     */
    private void settleWritten(KafkaConsumer<byte[], byte[]> c, boolean block) {
        boolean wait = block;
        while (!inFlight.isEmpty()) {
            StreamBatch b = wait ? take() : writer.pollWritten();
            if (b == null) {
                break;
            }
            wait = false;
            settle(c, b, true);
        }
        commitStored(c);
    }

    /** Waits for every batch in flight and settles it; commits the stored ones' offsets if {@code commit}. */
    private void finishInFlight(KafkaConsumer<byte[], byte[]> c, boolean commit) {
        while (!inFlight.isEmpty()) {
            settle(c, take(), commit);
        }
        if (commit) {
            try {
                commitStored(c);
            } catch (WakeupException e) {
                // stop() during the commit: the wake-up is spent, try once more
                commitStored(c);
            }
        } else {
            uncommitted.clear();
        }
    }

    private StreamBatch take() {
        while (true) {
            try {
                return writer.takeWritten();
            } catch (InterruptedException e) {
                // the batch is being stored: its outcome decides what is committed, so wait for it
                stopping.set(true);
            }
        }
    }

    private void settle(KafkaConsumer<byte[], byte[]> c, StreamBatch b, boolean commit) {
        StreamBatch oldest = inFlight.pollFirst();
        if (oldest != b) {
            throw new IllegalStateException("stream: the writer handed back batch " + b.seq + " before batch "
                    + (oldest == null ? "none" : oldest.seq));
        }
        if (b.stored) {
            messages += b.records.size();
            alerts += b.alerts;
            alertsAdded += b.alertsAdded;
            deadLetters += b.deadLetters;
            batches++;
            long now = System.nanoTime();
            b.perPartition.forEach((tp, n) -> rates.add(tp, n, now));
            if (commit) {
                uncommitted.putAll(b.next);
            }
            if (!b.errors.isEmpty()) {
                pendingErrors.putAll(b.errors);
            }
            return;
        }
        // refused by the store, or abandoned after a refusal: nothing from here on was stored
        rewind(c, b);
    }

    /** After a refused batch: abandons the batches after it, rewinds every partition to its first unstored offset, pauses. */
    private void rewind(KafkaConsumer<byte[], byte[]> c, StreamBatch failed) {
        Map<TopicPartition, Long> to = new HashMap<>(failed.first);
        String why = failed.failure == null ? "abandoned after a refused batch"
                : "the store refused a batch of " + failed.records.size() + " message(s): " + failed.failure.getMessage();
        while (!inFlight.isEmpty()) {
            StreamBatch later = inFlight.peekFirst();
            StreamBatch b = take();
            if (b != later) {
                throw new IllegalStateException("stream: batches handed back out of order");
            }
            inFlight.pollFirst();
            if (b.stored) {
                // cannot happen (the writer abandons every batch after a refused one), but stored is stored
                uncommitted.putAll(b.next);
                continue;
            }
            b.first.forEach((tp, o) -> to.merge(tp, o, Math::min));
        }
        LOG.error("stream: {}; rewinding to retry it", why, failed.failure);
        Set<TopicPartition> assigned = c.assignment();
        to.forEach((tp, o) -> {
            if (assigned.contains(tp)) {
                c.seek(tp, o);
            }
        });
        // stored batches before the refused one are still committed
        commitStored(c);
        Map<TopicPartition, String> all = new HashMap<>();
        to.keySet().forEach(tp -> all.put(tp, why));
        try {
            recordStatus(c, Map.of(), all);
        } catch (RuntimeException ignored) {
            // the status is best effort when the store is failing
        }
        writer.resume();
        sleep(RETRY_PAUSE_MILLIS);
    }

    /** Commits the offsets of every stored batch not yet committed, then records the partitions' standing. */
    private void commitStored(KafkaConsumer<byte[], byte[]> c) {
        if (uncommitted.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(uncommitted);
        pauseBeforeCommit();
        try {
            c.commitSync(offsets);
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            // e.g. a rebalance took the partitions: their next owner reads the stored alerts again (idempotent)
            LOG.warn("stream: cannot commit offsets {}: {}", offsets, e.getMessage());
            uncommitted.clear();
            return;
        }
        uncommitted.clear();
        Map<TopicPartition, String> errors = new HashMap<>(pendingErrors);
        pendingErrors.clear();
        recordStatus(c, offsets, errors);
    }

    private void recordStatus(KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, OffsetAndMetadata> committed,
                              Map<TopicPartition, String> errors) {
        long now = System.nanoTime();
        String at = Instant.now().toString();
        List<StreamStore.PartitionStatus> rows = new ArrayList<>();
        Set<TopicPartition> partitions = new LinkedHashSet<>(committed.keySet());
        partitions.addAll(errors.keySet());
        Set<TopicPartition> assigned = c.assignment();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata o = committed.get(tp);
            if (o == null && !assigned.contains(tp)) {
                continue;
            }
            long position = o != null ? o.offset() : c.position(tp);
            Long lag = assigned.contains(tp) && c.currentLag(tp).isPresent() ? c.currentLag(tp).getAsLong() : null;
            String error = errors.get(tp);
            rows.add(new StreamStore.PartitionStatus(settings.group(), tp.topic(), tp.partition(), position, lag,
                    rates.lastMinute(tp, now), error, error == null ? null : at, at));
        }
        // written by the writer thread, after the batch it is storing (one writer: no wait for the store's lock here)
        writer.recordStatus(rows);
    }

    private boolean caughtUp(KafkaConsumer<byte[], byte[]> c) {
        Set<TopicPartition> assigned = c.assignment();
        if (assigned.isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> ends = c.endOffsets(assigned);
        for (TopicPartition tp : assigned) {
            if (c.position(tp) < ends.get(tp)) {
                return false;
            }
        }
        return true;
    }

    private void pauseBeforeCommit() {
        if (settings.pauseBeforeCommitMillis() > 0) {
            sleep(settings.pauseBeforeCommitMillis());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
