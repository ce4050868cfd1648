package org.ztfclass.server.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.IntStream;
import org.ztfclass.server.store.Database;

/**
 * Measures when published alerts become visible in the store, i.e. to the API, which reads the same
 * committed rows on each request: alert {@code k} (0-based, candid {@code firstCandid + k}) is
 * published at a time the publisher records with {@link #published}; a watcher thread queries the
 * store every {@code intervalMillis} for the alerts not yet seen and records when each first
 * appears. Delays are thus at most one interval late (the query's own time included). Alerts may
 * appear out of order (several partitions). Thread-safe.
 */
final class VisibilityWatcher implements AutoCloseable {

    private final Database db;
    private final long firstCandid;
    private final long[] publishedAt;
    private final long[] visibleAt;
    private final long intervalMillis;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile SQLException failure;
    private int lowestUnseen;

    /** Starts watching for {@code capacity} alerts. */
    VisibilityWatcher(Database db, long firstCandid, int capacity, long intervalMillis) {
        this.db = db;
        this.firstCandid = firstCandid;
        this.publishedAt = new long[capacity];
        this.visibleAt = new long[capacity];
        this.intervalMillis = intervalMillis;
        this.thread = new Thread(this::watch, "bench-visibility");
        thread.setDaemon(true);
        thread.start();
    }

    /** Records that alert {@code k} was handed to the producer at {@code nanos} ({@link System#nanoTime()}). */
    void published(int k, long nanos) {
        synchronized (this) {
            publishedAt[k] = nanos;
        }
    }

    /** @return how many of the first {@code n} alerts are visible */
    synchronized int visible(int n) {
        int v = 0;
        for (int k = 0; k < n; k++) {
            if (visibleAt[k] != 0) {
                v++;
            }
        }
        return v;
    }

    /** @return publish-to-visible delays in ms of the first {@code n} alerts that became visible, sorted */
    synchronized double[] delaysMillis(int n) {
        return IntStream.range(0, n).filter(k -> visibleAt[k] != 0 && publishedAt[k] != 0)
                .mapToDouble(k -> (visibleAt[k] - publishedAt[k]) / 1e6).sorted().toArray();
    }

    /** @return the p-th percentile (0-100) of sorted values, nearest rank; NaN if none */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private void watch() {
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT candid FROM alerts WHERE candid >= ? AND candid < ?")) {
            while (!stopping) {
                int from;
                synchronized (this) {
                    from = lowestUnseen;
                }
                ps.setLong(1, firstCandid + from);
                ps.setLong(2, firstCandid + publishedAt.length);
                long now;
                try (ResultSet rs = ps.executeQuery()) {
                    now = System.nanoTime();
                    synchronized (this) {
                        while (rs.next()) {
                            int k = (int) (rs.getLong(1) - firstCandid);
                            if (visibleAt[k] == 0) {
                                visibleAt[k] = now;
                            }
                        }
                        while (lowestUnseen < visibleAt.length && visibleAt[lowestUnseen] != 0) {
                            lowestUnseen++;
                        }
                    }
                }
                Thread.sleep(intervalMillis);
            }
        } catch (SQLException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the watcher. @throws SQLException if its queries failed */
    @Override
    public void close() throws SQLException {
        stopping = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
