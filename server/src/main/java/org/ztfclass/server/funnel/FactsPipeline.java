package org.ztfclass.server.funnel;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.ztfclass.server.store.FunnelStore;
import org.ztfclass.server.store.ObjectFacts;

/**
 * Reads object facts on a thread of its own and hands them over in batches through a bounded
 * queue, so that reading the store (one core) and judging + recording (the other) overlap. At
 * most {@value #QUEUED_BATCHES} batches of {@value #BATCH} objects wait at any time: memory
 * stays bounded whatever the store's size. One consumer thread.
 */
final class FactsPipeline implements AutoCloseable {

    static final int BATCH = 2_000;
    static final int QUEUED_BATCHES = 16;
    private static final List<ObjectFacts> END = new ArrayList<>();

    private final BlockingQueue<List<ObjectFacts>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
    private final Thread reader;
    private volatile SQLException failure;
    private volatile boolean closed;

    private FactsPipeline(FunnelStore store) {
        reader = new Thread(() -> read(store), "funnel-facts-reader");
        reader.setDaemon(true);
    }

    static FactsPipeline start(FunnelStore store) {
        FactsPipeline p = new FactsPipeline(store);
        p.reader.start();
        return p;
    }

    private void read(FunnelStore store) {
        List<ObjectFacts>[] batch = new List[] {new ArrayList<>(BATCH)};
        try {
            store.forEachFacts(f -> {
                batch[0].add(f);
                if (batch[0].size() == BATCH) {
                    put(batch[0]);
                    batch[0] = new ArrayList<>(BATCH);
                }
            });
            put(batch[0]);
        } catch (SQLException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new SQLException("reading the store failed: " + e.getMessage(), e);
        } finally {
            putQuietly(END);
        }
    }

    private void put(List<ObjectFacts> b) {
        if (closed) {
            throw new IllegalStateException("funnel run abandoned");
        }
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void putQuietly(List<ObjectFacts> b) {
        try {
            while (!closed && !queue.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                // the consumer is slow or gone; retry until it takes it or closes
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the next batch, or null after the last one */
    List<ObjectFacts> next() throws SQLException {
        List<ObjectFacts> b;
        try {
            b = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while reading the store", e);
        }
        if (b == END) {
            if (failure != null) {
                throw failure;
            }
            return null;
        }
        return b;
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        reader.interrupt();
    }
}
