package org.ztfclass.server.stream;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** CPU time of a stream run's threads by kind, added by each thread as it ends (for benchmarks). Thread-safe. */
final class ThreadCpuTally {
    private final Map<String, Long> nanos = new ConcurrentHashMap<>();

    /** Adds the calling thread's CPU time so far under {@code kind}, where the JVM measures it. */
    void addCurrentThread(String kind) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (mx.isCurrentThreadCpuTimeSupported()) {
            add(kind, mx.getCurrentThreadCpuTime());
        }
    }

    void add(String kind, long cpuNanos) {
        nanos.merge(kind, cpuNanos, Long::sum);
    }

    /** @return the CPU nanoseconds added so far, by kind */
    Map<String, Long> snapshot() {
        return Map.copyOf(nanos);
    }
}
