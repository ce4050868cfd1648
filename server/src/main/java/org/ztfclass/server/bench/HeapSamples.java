package org.ztfclass.server.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap in use right after a full collection ({@code System.gc()}), sampled on demand: what a run
 * keeps alive, without the garbage it has not yet collected. A flat series over a long run says it
 * does not leak. Each sample costs a full GC (tens of ms on a small heap): sample seldom. Thread-safe.
 */
final class HeapSamples {

    private final List<Long> bytes = new ArrayList<>();

    /** Collects, then records the heap in use. @return it, in bytes */
    synchronized long sample() {
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        bytes.add(used);
        return used;
    }

    synchronized int count() {
        return bytes.size();
    }

    /** @return the first sample, in MB; NaN before any */
    synchronized double startMb() {
        return bytes.isEmpty() ? Double.NaN : mb(bytes.get(0));
    }

    /** @return the latest sample, in MB; NaN before any */
    synchronized double endMb() {
        return bytes.isEmpty() ? Double.NaN : mb(bytes.get(bytes.size() - 1));
    }

    /** @return the largest sample, in MB; NaN before any */
    synchronized double maxMb() {
        return bytes.stream().mapToLong(Long::longValue).max().stream().mapToDouble(HeapSamples::mb).findFirst().orElse(Double.NaN);
    }

    private static double mb(long b) {
        return b / (1024.0 * 1024.0);
    }
}
