package org.ztfclass.server.stream;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.server.learning.ServingModel;
import org.ztfclass.server.learning.StoreScoring;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.IngestCounts;
import org.ztfclass.server.store.ReadScope;
import org.ztfclass.server.store.SourcedAlert;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.server.store.StreamStore;
import org.ztfclass.server.store.StreamStore.DeadLetter;

/**
 * Consumes ZTF alert packets from Kafka topics into the store, with Apache Kafka's own consumer in a
 * consumer group (processes with the same group share the partitions; Kafka rebalances them).
 *
 * <p>Each poll is one batch: its messages are decoded ({@link MessageDecoder}, on the common fork-join pool's
 * threads as well as this one, results kept in the batch's order); messages with problems
 * are recorded as dead letters ({@link StreamStore}); the batch's alerts are written in one store
 * transaction exactly as file ingest writes them ({@link StoreWriter#writeAlerts}: idempotent by
 * candid, the touched objects' summaries refreshed in the same transaction); the touched objects are
 * scored with the model if one is given (a {@link ServingModel} that follows the store's serving
 * version picks up a promotion made by any process); and only then are the batch's offsets committed
 * (commitSync). A kill at any moment therefore loses nothing: what was not committed is delivered
 * again and rewriting it changes nothing (at-least-once delivery + idempotent writes). If the store
 * refuses a batch, nothing is committed, the partitions are rewound to the batch's start and the
 * batch is retried after a pause; the error is kept as the partitions' last error.
 *
 * <p>The run keeps one store connection ({@link Database#readScope()}) for every store step of every batch,
 * each step in its own transaction as with a fresh connection: a new connection per step cost the
 * connection's set-up, its cold page cache and, when it was the file's last, a WAL checkpoint on close.
 *
 * <p>Not done per batch: the funnel verdict of the touched objects (they get it at the next
 * {@code funnel} run).
 *
 * <p>{@link #run()} blocks until {@link #stop()} (from any thread) or, with
 * {@link StreamSettings#exitWhenCaughtUp()}, until every assigned partition has been read to its end.
 * One instance runs once, on one thread.
 */
public final class StreamConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(StreamConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final long RETRY_PAUSE_MILLIS = 2000;

    /** Totals of a run. */
    public record Totals(long messages, long alerts, long alertsAdded, long deadLetters, long batches) {
    }

    private final StreamSettings settings;
    private final Database db;
    private final StoreWriter writer;
    private final StreamStore streamStore;
    private final ServingModel model;
    private final MessageDecoder decoder = new MessageDecoder();
    private final PartitionRates rates = new PartitionRates();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile KafkaConsumer<byte[], byte[]> consumer;
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
        this.db = db;
        this.writer = new StoreWriter(db);
        this.streamStore = new StreamStore(db);
        this.model = model;
    }

    /** Consumes until stopped or, if so set, caught up; leaves the group cleanly. */
    public Totals run() {
        try (ReadScope scope = db.readScope(); KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(settings.consumerConfig())) {
            consumer = c;
            if (stopping.get()) {
                return totals();
            }
            c.subscribe(settings.topics(), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
                    // nothing pending: each batch's offsets are committed before the next poll
                }

                @Override
                public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
                    LOG.info("stream: partitions assigned, now holding {}", sorted(c.assignment()));
                }
            });
            LOG.info("stream: group {} subscribed to {} at {}", settings.group(), settings.topics(), settings.bootstrap());
            while (!stopping.get()) {
                ConsumerRecords<byte[], byte[]> records = c.poll(POLL);
                if (!records.isEmpty()) {
                    handle(c, records);
                } else if (settings.exitWhenCaughtUp() && caughtUp(c)) {
                    LOG.info("stream: caught up on {}", c.assignment());
                    break;
                }
            }
        } catch (WakeupException e) {
            // stop() while polling
        } catch (SQLException e) {
            throw new IllegalStateException("stream: cannot open the store " + db.location() + ": " + e.getMessage(), e);
        } finally {
            consumer = null;
        }
        return totals();
    }

    /** Asks {@link #run()} to return after the batch in progress (its offsets committed). Any thread. */
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

    private void handle(KafkaConsumer<byte[], byte[]> c, ConsumerRecords<byte[], byte[]> records) {
        List<SourcedAlert> batch = new ArrayList<>();
        List<DeadLetter> letters = new ArrayList<>();
        Map<TopicPartition, Integer> perPartition = new HashMap<>();
        Map<TopicPartition, String> errors = new HashMap<>();
        Map<TopicPartition, Long> first = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        Set<String> touched = new LinkedHashSet<>();
        List<ConsumerRecord<byte[], byte[]>> polled = new ArrayList<>(records.count());
        records.forEach(polled::add);
        // decoding (Avro, cutout check) is the costliest step and each message's alone: on every core, in order
        List<MessageDecoder.Decoded> decoded = polled.parallelStream().map(decoder::decode).toList();
        for (int i = 0; i < polled.size(); i++) {
            ConsumerRecord<byte[], byte[]> r = polled.get(i);
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            first.putIfAbsent(tp, r.offset());
            next.put(tp, new OffsetAndMetadata(r.offset() + 1));
            MessageDecoder.Decoded d = decoded.get(i);
            batch.addAll(d.alerts());
            d.alerts().forEach(a -> touched.add(a.alert().objectId()));
            perPartition.merge(tp, d.alerts().size(), Integer::sum);
            if (d.deadLetter() != null) {
                letters.add(d.deadLetter());
                errors.put(tp, "offset " + r.offset() + ": " + d.deadLetter().reason());
                LOG.warn("stream: dead letter {}: {}", MessageDecoder.source(r.topic(), r.partition(), r.offset()), d.deadLetter().reason());
            }
        }
        try {
            autoCommit();
            streamStore.addDeadLetters(letters);
            autoCommit();
            IngestCounts added = writer.writeAlerts(batch);
            autoCommit();
            ModelBundle scorer = touched.isEmpty() ? null : model.current();
            if (scorer != null) {
                StoreScoring.scoreObjects(db, scorer, touched);
                autoCommit();
            }
            pauseBeforeCommit();
            c.commitSync(next);
            messages += records.count();
            alerts += batch.size();
            alertsAdded += added.alerts();
            deadLetters += letters.size();
            batches++;
            recordStatus(c, next, perPartition, errors);
        } catch (SQLException | RuntimeException e) {
            if (e instanceof WakeupException w) {
                throw w;
            }
            String why = "the store refused a batch of " + records.count() + " message(s): " + e.getMessage();
            LOG.error("stream: {}; rewinding to retry it", why, e);
            first.forEach(c::seek);
            Map<TopicPartition, String> all = new HashMap<>();
            first.keySet().forEach(tp -> all.put(tp, why));
            try {
                recordStatus(c, Map.of(), Map.of(), all);
            } catch (RuntimeException ignored) {
                // the status is best effort when the store is failing
            }
            sleep(RETRY_PAUSE_MILLIS);
        }
    }

    private void recordStatus(KafkaConsumer<byte[], byte[]> c, Map<TopicPartition, OffsetAndMetadata> committed,
                              Map<TopicPartition, Integer> stored, Map<TopicPartition, String> errors) {
        long now = System.nanoTime();
        String at = Instant.now().toString();
        stored.forEach((tp, n) -> rates.add(tp, n, now));
        List<StreamStore.PartitionStatus> rows = new ArrayList<>();
        Set<TopicPartition> partitions = new LinkedHashSet<>(committed.keySet());
        partitions.addAll(errors.keySet());
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata o = committed.get(tp);
            long position = o != null ? o.offset() : c.position(tp);
            Long lag = c.currentLag(tp).isPresent() ? c.currentLag(tp).getAsLong() : null;
            String error = errors.get(tp);
            rows.add(new StreamStore.PartitionStatus(settings.group(), tp.topic(), tp.partition(), position, lag,
                    rates.lastMinute(tp, now), error, error == null ? null : at, at));
        }
        try {
            autoCommit();
            streamStore.putStatus(rows);
            autoCommit();
        } catch (SQLException e) {
            LOG.warn("stream: cannot record the stream status: {}", e.getMessage());
        }
    }

    /**
     * Puts the run's one connection (see {@link #run()}) back in auto-commit mode, as a fresh connection is, so
     * that the next store step starts its transaction when it begins and not at a read left open by the last one
     * (the JDBC driver opens a new transaction after each commit while auto-commit is off).
     */
    private void autoCommit() throws SQLException {
        try (Connection c = db.connect()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
        }
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
