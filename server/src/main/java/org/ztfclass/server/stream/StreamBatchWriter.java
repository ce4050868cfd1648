package org.ztfclass.server.stream;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.server.funnel.IncrementalFunnel;
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
 * The store side of {@link StreamConsumer}: one thread ({@code stream-writer}) that takes batches in the order they
 * were handed to it and, for each, records its problem messages as dead letters ({@link StreamStore}), writes its
 * alerts in one store transaction exactly as file ingest writes them ({@link StoreWriter#writeAlerts}: idempotent by
 * candid, the touched objects' summaries and funnel facts refreshed in the same transaction), gives the touched
 * objects the funnel verdict of the newest funnel run ({@link IncrementalFunnel}), and scores them with the model if
 * one is given (a {@link ServingModel} that follows the store's serving version picks up a promotion made by any
 * process). Each batch is then handed back, stored or not, in the same order ({@link #takeWritten()}).
 *
 * <p>Once the store refuses a batch, every batch after it is handed back unwritten ("abandoned") until
 * {@link #resume()}: the polling thread rewinds the partitions to the refused batch and calls it.
 *
 * <p>The thread keeps one store connection ({@link Database#readScope()}) for every store step of every batch,
 * each step in its own transaction as with a fresh connection: a new connection per step cost the connection's
 * set-up, its cold page cache and, when it was the file's last, a WAL checkpoint on close. It checkpoints the WAL
 * beside the writes ({@link WalCheckpointer}). If the store cannot be opened at all, every batch is handed back
 * refused.
 *
 * <p>{@link #write}, {@link #recordStatus}, {@link #takeWritten}, {@link #pollWritten} and {@link #resume} are for
 * one other thread (the polling thread); {@link #start()} and {@link #stop} are called once each.
 */
final class StreamBatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(StreamBatchWriter.class);
    private static final Runnable STOP = () -> { };

    private final Database db;
    private final StoreWriter writer;
    private final StreamStore streamStore;
    private final ServingModel model;
    private final IncrementalFunnel funnel;
    private final ThreadCpuTally cpu;
    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final BlockingQueue<StreamBatch> written = new LinkedBlockingQueue<>();
    private final Thread thread = new Thread(this::run, "stream-writer");
    /** Set when the store refuses a batch: the next ones are abandoned until {@link #resume()}. */
    private volatile boolean failed;

    /**
     * @param model what scores the objects each batch touches (asked once a batch); its bundle null: no scoring
     * @param cpu   where the thread adds its CPU time ({@code stream-writer}, {@code stream-checkpoint}) when it ends
     */
    StreamBatchWriter(Database db, ServingModel model, ThreadCpuTally cpu) {
        this.db = db;
        this.writer = new StoreWriter(db);
        this.streamStore = new StreamStore(db);
        this.model = model;
        this.funnel = new IncrementalFunnel(db);
        this.cpu = cpu;
        thread.setDaemon(true);
    }

    /** Starts the writer thread. */
    void start() {
        thread.start();
    }

    /** Queues a batch to be stored after those queued before it; it comes back through {@link #takeWritten()}. */
    void write(StreamBatch b) {
        tasks.add(() -> store(b));
    }

    /** Queues the partitions' standing to be recorded after the batches queued so far; best effort (a failure is logged). */
    void recordStatus(List<StreamStore.PartitionStatus> rows) {
        tasks.add(() -> {
            try {
                autoCommit();
                streamStore.putStatus(rows);
                autoCommit();
            } catch (SQLException | RuntimeException e) {
                LOG.warn("stream: cannot record the stream status: {}", e.getMessage());
            }
        });
    }

    /** @return the next batch handed back, waiting for it */
    StreamBatch takeWritten() throws InterruptedException {
        return written.take();
    }

    /** @return the next batch handed back, or null if none is yet */
    StreamBatch pollWritten() {
        return written.poll();
    }

    /** Stores the batches queued from now on again, after a refusal (call once every batch queued before is back). */
    void resume() {
        failed = false;
    }

    /** Lets the thread finish what is queued, then end; waits for it at most {@code joinMillis}. */
    void stop(long joinMillis) throws InterruptedException {
        tasks.add(STOP);
        thread.join(joinMillis);
    }

    private void run() {
        try {
            runTasks();
        } finally {
            cpu.addCurrentThread("stream-writer");
        }
    }

    private void runTasks() {
        WalCheckpointer[] started = new WalCheckpointer[1];
        try (ReadScope scope = db.readScope(); WalCheckpointer checkpoints = WalCheckpointer.start(db)) {
            started[0] = checkpoints;
            for (Runnable task = nextTask(); task != STOP; task = nextTask()) {
                task.run();
                checkpoints.wrote();
            }
        } catch (SQLException e) {
            LOG.error("stream: cannot open the store {}: {}", db.location(), e.getMessage());
            // hand every batch back refused, so that the polling thread commits nothing and rewinds
            failed = true;
            for (Runnable task = nextTask(); task != STOP; task = nextTask()) {
                failed = true;
                task.run();
            }
        } finally {
            if (started[0] != null) {
                cpu.add("stream-checkpoint", started[0].cpuNanos());
            }
        }
    }

    private Runnable nextTask() {
        while (true) {
            try {
                return tasks.take();
            } catch (InterruptedException e) {
                // the queue decides when to stop: STOP comes after every batch handed to it
            }
        }
    }

    /** Stores one batch (or abandons it after a refused one) and hands it back. */
    private void store(StreamBatch b) {
        try {
            if (failed) {
                return;
            }
            List<MessageDecoder.Decoded> decoded = b.decoded.get();
            List<SourcedAlert> alerts = new ArrayList<>();
            List<DeadLetter> letters = new ArrayList<>();
            Set<String> touched = new LinkedHashSet<>();
            for (int i = 0; i < b.records.size(); i++) {
                ConsumerRecord<byte[], byte[]> r = b.records.get(i);
                TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                MessageDecoder.Decoded d = decoded.get(i);
                alerts.addAll(d.alerts());
                d.alerts().forEach(a -> touched.add(a.alert().objectId()));
                b.perPartition.merge(tp, d.alerts().size(), Integer::sum);
                if (d.deadLetter() != null) {
                    letters.add(d.deadLetter());
                    b.errors.put(tp, "offset " + r.offset() + ": " + d.deadLetter().reason());
                    LOG.warn("stream: dead letter {}: {}", MessageDecoder.source(r.topic(), r.partition(), r.offset()),
                            d.deadLetter().reason());
                }
            }
            autoCommit();
            streamStore.addDeadLetters(letters);
            autoCommit();
            IngestCounts added = writer.writeAlerts(alerts);
            autoCommit();
            funnel.judge(touched);
            autoCommit();
            ModelBundle scorer = touched.isEmpty() ? null : model.current();
            if (scorer != null) {
                StoreScoring.scoreObjects(db, scorer, touched);
                autoCommit();
            }
            b.alerts = alerts.size();
            b.alertsAdded = added.alerts();
            b.deadLetters = letters.size();
            b.stored = true;
        } catch (ExecutionException e) {
            b.failure = e.getCause() instanceof Exception x ? x : e;
            failed = true;
        } catch (SQLException | RuntimeException | InterruptedException e) {
            b.failure = e;
            failed = true;
        } finally {
            written.add(b);
        }
    }

    /**
     * Puts the thread's one connection (see the class comment) back in auto-commit mode, as a fresh connection is,
     * so that the next store step starts its transaction when it begins and not at a read left open by the last one
     * (the JDBC driver opens a new transaction after each commit while auto-commit is off).
     */
    private void autoCommit() throws SQLException {
        try (Connection c = db.connect()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
        }
    }
}
