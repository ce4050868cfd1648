package org.ztfclass.server.stream;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztfclass.server.store.Database;

/**
 * Moves SQLite's WAL checkpoints off the stream's writer thread. With SQLite's default, the commit that
 * takes the write-ahead log past 1,000 pages copies the log into the database file and syncs it, inside
 * that commit: a stream batch (~350 alerts with their cutouts, ~20 MB) passes it every time, and the copy
 * and sync took about as long as writing the batch. Here the writer's connection stops checkpointing
 * ({@code wal_autocheckpoint=0}) and a thread of its own, on its own connection, runs a passive checkpoint
 * after each batch (and at least every second): it copies what is committed while the writer goes on (a
 * passive checkpoint never blocks a writer or a reader), and the writer starts the log from its beginning
 * again at its next transaction once it has all been copied, so the log stays at about a batch or two.
 * Nothing for PostgreSQL.
 *
 * <p>Created and closed on the writer thread, whose connection ({@link Database#connect()} inside its
 * {@link org.ztfclass.server.store.ReadScope}) it sets; {@link #wrote()} from that thread.
 */
final class WalCheckpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);
    /** SQLite's default {@code wal_autocheckpoint}, put back on the writer's connection at the end. */
    private static final int SQLITE_DEFAULT_PAGES = 1000;

    private final Database db;
    private final Semaphore batches = new Semaphore(0);
    private final Thread thread;
    private volatile boolean stopping;
    private volatile long cpuNanos;

    private WalCheckpointer(Database db, Thread thread) {
        this.db = db;
        this.thread = thread;
    }

    /** @return a running checkpointer for the calling thread's store connection; a no-op one for PostgreSQL */
    static WalCheckpointer start(Database db) throws SQLException {
        if (db.isPostgres()) {
            return new WalCheckpointer(db, null);
        }
        pragma(db, "PRAGMA wal_autocheckpoint=0");
        WalCheckpointer[] self = new WalCheckpointer[1];
        Thread t = new Thread(() -> self[0].loop(), "stream-checkpoint");
        t.setDaemon(true);
        self[0] = new WalCheckpointer(db, t);
        t.start();
        return self[0];
    }

    /** A batch was committed: checkpoint soon. */
    void wrote() {
        batches.release();
    }

    private void loop() {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            while (!stopping) {
                if (!batches.tryAcquire(1, TimeUnit.SECONDS) && stopping) {
                    break;
                }
                batches.drainPermits();
                s.execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
        } catch (SQLException e) {
            LOG.warn("stream: background WAL checkpoint failed ({}); SQLite checkpoints when the writer closes", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            cpuNanos = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : 0;
        }
    }

    /** @return the CPU time the checkpoint thread used, once {@link #close()} has returned (0 before, and for PostgreSQL) */
    long cpuNanos() {
        return cpuNanos;
    }

    /** Stops the thread and gives the writer's connection SQLite's default checkpointing back. */
    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        stopping = true;
        batches.release();
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            pragma(db, "PRAGMA wal_autocheckpoint=" + SQLITE_DEFAULT_PAGES);
        } catch (SQLException e) {
            LOG.warn("stream: cannot restore WAL checkpointing on the writer's connection: {}", e.getMessage());
        }
    }

    private static void pragma(Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
