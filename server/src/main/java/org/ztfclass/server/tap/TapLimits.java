package org.ztfclass.server.tap;

/**
 * The limits that keep one TAP client from taking the server's memory or CPU (issue 13, findings
 * 3 and 4), read once when the service is built. Each can be set by a system property:
 * {@code ztfclass.tap.timeoutSeconds} (default 30), {@code ztfclass.tap.maxJobs} (default 200) and
 * {@code ztfclass.tap.maxPendingJobsPerClient} (default 10); a value that is missing, not a whole
 * number or below 1 gives the default.
 *
 * @param timeoutSeconds      most seconds a query (translation and execution) may take before it
 *                            is stopped
 * @param maxJobs             most asynchronous jobs held at once, in any phase
 * @param maxPendingPerClient most unfinished (pending, queued or executing) jobs of one client: a
 *                            signed-in user, else one remote address
 */
record TapLimits(int timeoutSeconds, int maxJobs, int maxPendingPerClient) {

    /** Largest request body (form parameters) accepted by {@code /tap}, and the most parameter text a job holds: 64 KiB. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** Most bytes of finished jobs' answers held at once; the oldest finished jobs go first: 256 MiB. */
    static final long MAX_RESULT_BYTES = 256L * 1024 * 1024;

    static final String TIMEOUT_PROPERTY = "ztfclass.tap.timeoutSeconds";
    static final String MAX_JOBS_PROPERTY = "ztfclass.tap.maxJobs";
    static final String MAX_PENDING_PROPERTY = "ztfclass.tap.maxPendingJobsPerClient";

    /** @return the limits the system properties give, defaults where they give none */
    static TapLimits fromSystemProperties() {
        return new TapLimits(positive(TIMEOUT_PROPERTY, 30), positive(MAX_JOBS_PROPERTY, 200), positive(MAX_PENDING_PROPERTY, 10));
    }

    private static int positive(String property, int fallback) {
        try {
            int v = Integer.parseInt(System.getProperty(property, "").trim());
            return v >= 1 ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
