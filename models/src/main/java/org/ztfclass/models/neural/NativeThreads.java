package org.ztfclass.models.neural;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Runs ND4J's native operations on one thread. The branch networks are tiny (a few thousand
 * weights): splitting each small operation over OpenMP threads costs more than it saves, and on a
 * busy 2-core machine threads that wait for each other made training many times slower.
 * Throughput comes from batching instead. Idempotent; called before any network is built or loaded.
 */
public final class NativeThreads {

    private static volatile boolean done;

    private NativeThreads() {
    }

    /** Sets one native thread (once per JVM). */
    public static void single() {
        if (done) {
            return;
        }
        synchronized (NativeThreads.class) {
            if (!done) {
                Nd4j.getEnvironment().setMaxThreads(1);
                Nd4j.getEnvironment().setMaxMasterThreads(1);
                NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
                done = true;
            }
        }
    }
}
