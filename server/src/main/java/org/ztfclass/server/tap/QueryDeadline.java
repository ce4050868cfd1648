package org.ztfclass.server.tap;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.sqlite.ProgressHandler;

/**
 * The time limit of one TAP query (issue 13, finding 3). Started before the ADQL is translated;
 * {@link #check} refuses once the limit has passed, and {@link #watch} installs an SQLite progress
 * handler on the query's connection that, every {@value #STEPS} virtual-machine steps on the
 * querying thread, makes SQLite interrupt the running statement once the limit has passed or the
 * thread has been interrupted (an aborted job). So the work really stops: the statement fails with
 * {@code SQLITE_INTERRUPT}, the connection is closed and the thread is free. (JDBC's
 * {@code setQueryTimeout} does not do this with sqlite-jdbc: there it only bounds waits for locks.)
 * On PostgreSQL, {@link #watch(Statement)} instead has a watchdog thread look every
 * {@value #WATCH_MILLIS} ms and cancel the statement (PostgreSQL's cancel request: the server stops
 * the query) once the limit has passed or the querying thread has been interrupted.
 * One instance per query; used by the querying thread only.
 */
final class QueryDeadline extends ProgressHandler {

    /** SQLite virtual-machine steps between two looks at the clock. */
    static final int STEPS = 1000;

    /** Milliseconds between two looks of the PostgreSQL watchdog. */
    static final int WATCH_MILLIS = 100;

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tap-query-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final int seconds;
    private final long deadline;
    private volatile boolean expired;
    private volatile boolean interrupted;

    /** Starts the clock: the query may take {@code seconds} from now. */
    QueryDeadline(int seconds) {
        this.seconds = seconds;
        this.deadline = System.nanoTime() + seconds * 1_000_000_000L;
    }

    /** @throws AdqlException saying the limit passed, if it has */
    void check() throws AdqlException {
        if (passed()) {
            expired = true;
            throw refusal();
        }
    }

    /** Makes SQLite stop any statement on {@code c} when the limit passes or the thread is interrupted. */
    void watch(Connection c) throws SQLException {
        ProgressHandler.setHandler(c, STEPS, this);
    }

    /**
     * Cancels {@code statement} (a PostgreSQL one) when the limit passes or the calling thread is
     * interrupted, until the returned handle is closed.
     */
    Watch watch(Statement statement) {
        Thread querying = Thread.currentThread();
        ScheduledFuture<?> look = WATCHDOG.scheduleWithFixedDelay(() -> {
            boolean stop = false;
            if (querying.isInterrupted()) {
                interrupted = true;
                stop = true;
            } else if (passed()) {
                expired = true;
                stop = true;
            }
            if (stop) {
                try {
                    statement.cancel(); // again at each look: a cancel that reached the server between statements has no effect
                } catch (SQLException e) {
                    // the statement ended meanwhile
                }
            }
        }, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
        return () -> look.cancel(false);
    }

    /** A running watch; closing it stops the looks (it throws nothing). */
    interface Watch extends AutoCloseable {
        /** An idle watch, for a statement that needs none (SQLite's is the progress handler). */
        Watch NONE = () -> { };

        @Override
        void close();
    }

    /**
     * @return true if this deadline stopped the query, or the time had passed when it failed (time
     *         passed, or the thread was interrupted). The clock is read here too: on PostgreSQL the
     *         driver's own query timeout (the same limit) may cancel the statement before the
     *         watchdog's next look has marked the deadline expired.
     */
    boolean stoppedIt() {
        if (!expired && !interrupted && passed()) {
            expired = true;
        }
        return expired || interrupted;
    }

    /** @return true once the time limit has passed (whoever looks) */
    private boolean passed() {
        return System.nanoTime() - deadline > 0;
    }

    /** @return the answer for a query this deadline stopped */
    AdqlException refusal() {
        return interrupted ? new AdqlException("the query was stopped: its job was aborted")
                : new AdqlException("the query ran longer than the time limit of " + seconds + " s and was stopped; "
                        + "make it cheaper (TOP, a narrower WHERE, a CONTAINS on ra/dec) or split it");
    }

    @Override
    protected int progress() {
        if (Thread.currentThread().isInterrupted()) {
            interrupted = true;
            return 1;
        }
        if (passed()) {
            expired = true;
            return 1;
        }
        return 0;
    }
}
