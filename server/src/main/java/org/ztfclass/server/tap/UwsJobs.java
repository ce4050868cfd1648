package org.ztfclass.server.tap;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztfclass.server.api.InternalErrors;
import org.ztfclass.server.store.Database;

/**
 * The asynchronous TAP jobs (UWS 1.1), kept in the store ({@link UwsJobStore}) so that every
 * process on it answers for every job: created PENDING (or run at once with {@code PHASE=RUN}),
 * run two at a time by the process that was asked to run them, each destroyed
 * {@link #RETENTION_SECONDS} after it was created, whatever its phase (an executing one is
 * stopped). Bounded (issue 13, finding 4), across all processes on the store: at most
 * {@link TapLimits#maxJobs} jobs are held in all phases together: when that many are held the
 * oldest finished jobs are dropped to make room, and when none is finished a new job is refused
 * (503); one client (a signed-in user, else a remote address) may have at most
 * {@link TapLimits#maxPendingPerClient} unfinished jobs (429); the answers of finished jobs hold at
 * most {@link TapLimits#MAX_RESULT_BYTES} together (the oldest finished jobs go first). Job ids are
 * 128 random bits from {@link SecureRandom} (32 hex digits). The job list shows a signed-in caller
 * that user's jobs and an anonymous caller none. Also writes the UWS XML of a job and of the job
 * list.
 *
 * <p>Stopping a running job: an abort or delete received by the executing process interrupts the
 * query's thread at once (which stops its SQL, {@link QueryDeadline}); one received by another
 * process only changes the row, and the executing process, which looks at the phase of its jobs
 * every {@value #WATCH_MILLIS} ms, interrupts the query when its job is no longer queued or
 * executing (aborted, deleted, expired). Every {@value #HEARTBEAT_SECONDS} s it also writes a
 * heartbeat on its queued and executing jobs; when it ends without finishing them (killed), other
 * processes mark them ERROR once the heartbeat is {@link UwsJobStore#STALE_SECONDS} old;
 * {@link #close} marks them so at once. Thread-safe.
 */
final class UwsJobs implements AutoCloseable {

    /** Seconds a job and its answer are kept. */
    static final long RETENTION_SECONDS = 3600;
    /** Milliseconds between two looks at the phases of this process's running jobs. */
    static final long WATCH_MILLIS = 200;
    /** Seconds between two heartbeats on this process's running jobs. */
    static final long HEARTBEAT_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(UwsJobs.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final UwsJobStore store;
    /** This instance as the executor of jobs: host, pid and a number telling apart instances of one JVM. */
    private final String executor;
    /** The jobs this instance has queued and not yet finished, each with the thread running it (if started). */
    private final Map<String, LocalRun> local = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "tap-async");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tap-async-watch");
        t.setDaemon(true);
        return t;
    });
    private final TapQueryRunner runner;
    private final TapLimits limits;
    private final java.util.concurrent.atomic.AtomicBoolean watching = new java.util.concurrent.atomic.AtomicBoolean();
    private long lastHeartbeat = System.nanoTime();

    UwsJobs(Database db, TapQueryRunner runner, TapLimits limits) {
        this.store = new UwsJobStore(db, local::containsKey);
        this.runner = runner;
        this.limits = limits;
        this.executor = host() + ":" + ProcessHandle.current().pid() + "/" + INSTANCES.incrementAndGet();
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown-host";
        }
    }

    /**
     * @param params parameters with lower-cased names
     * @param owner  user name of the signed-in creator, or null
     * @param client the creator for the per-client cap: {@code user:NAME} or {@code address:IP}
     * @return a new PENDING job
     * @throws TapRefusal 429 if the client has too many unfinished jobs, 503 if the store holds
     *                    its maximum of jobs and none is finished, 413 if the parameters are too large
     */
    UwsJob create(Map<String, String> params, String owner, String client) throws SQLException {
        return store.create(newId(), params, owner, client, limits, RETENTION_SECONDS, Instant.now());
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /** @return the job as stored now, unless unknown, deleted or past its destruction time */
    Optional<UwsJob> get(String id) throws SQLException {
        return store.get(id, Instant.now());
    }

    /** @return the jobs of {@code owner} (a user name), oldest first; none for null (an anonymous caller) */
    List<UwsJob> listOf(String owner) throws SQLException {
        return owner == null ? List.of() : store.listOf(owner, Instant.now());
    }

    /**
     * Adds or replaces parameters (lower-cased names) while the job is PENDING; false otherwise.
     *
     * @throws TapRefusal 413 if the parameters would then hold more than {@link TapLimits#MAX_BODY_BYTES} characters
     */
    boolean setParams(UwsJob job, Map<String, String> more) throws SQLException {
        return store.setParams(job.id, more);
    }

    /** @return the answer of a COMPLETED job, or null */
    byte[] result(UwsJob job) throws SQLException {
        return store.result(job.id);
    }

    /** Any unfinished phase → ABORTED; the query of an executing job is stopped, on whichever process runs it. */
    void abort(UwsJob job) throws SQLException {
        store.abort(job.id, Instant.now());
        interrupt(job.id);
    }

    /** Drops the job; the query of an executing job is stopped, on whichever process runs it. */
    void delete(UwsJob job) throws SQLException {
        store.delete(job.id);
        interrupt(job.id);
    }

    /** Queues a PENDING job to run on this process; does nothing for a job in any other phase. */
    void run(UwsJob job) throws SQLException {
        LocalRun run = new LocalRun();
        if (local.putIfAbsent(job.id, run) != null) {
            return; // already queued here
        }
        boolean queued = false;
        try {
            queued = store.queue(job.id, executor, Instant.now());
        } finally {
            if (!queued) {
                local.remove(job.id, run);
            }
        }
        if (queued) {
            if (!watching.getAndSet(true)) {
                watcher.scheduleWithFixedDelay(this::watch, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
            }
            pool.submit(() -> execute(job.id, run));
        }
    }

    private void execute(String id, LocalRun run) {
        try {
            if (!run.attach() || !store.start(id, executor, Instant.now())) {
                return;
            }
            Optional<UwsJob> job = store.get(id, Instant.now());
            if (job.isEmpty()) {
                return;
            }
            String outcome = null;
            byte[] answer = null;
            try {
                TapRequest request = TapRequest.of(job.get().params());
                TapResult result = runner.run(request.query(), request.maxrec());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                TapVotable.write(result, request.query(), out);
                answer = out.toByteArray();
            } catch (AdqlException e) {
                outcome = e.getMessage();
            } catch (Exception | StackOverflowError e) {
                // the detail goes to the log only; the job's error names the request id to quote
                outcome = InternalErrors.message(InternalErrors.log("TAP job " + id, e));
            }
            run.detach(); // and clears an interrupt, which would stop the store's writes below
            if (answer != null) {
                store.complete(id, executor, answer, Instant.now());
            } else {
                store.fail(id, outcome, Instant.now()); // nothing if it was aborted or deleted meanwhile
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("TAP job {}: the store failed while running it: {}", id, e.toString());
        } finally {
            run.detach();
            local.remove(id, run);
        }
    }

    /** Interrupts the query of {@code id} if this instance is running it. */
    private void interrupt(String id) {
        LocalRun run = local.get(id);
        if (run != null) {
            run.interrupt();
        }
    }

    /** Every {@link #WATCH_MILLIS}: stops the local jobs that were aborted or deleted elsewhere, and beats the heart. */
    private void watch() {
        if (local.isEmpty()) {
            return;
        }
        try {
            List<String> ids = List.copyOf(local.keySet());
            Map<String, UwsJob.Phase> phases = store.phases(ids);
            for (String id : ids) {
                UwsJob.Phase p = phases.get(id);
                if (p == null || (p != UwsJob.Phase.QUEUED && p != UwsJob.Phase.EXECUTING)) {
                    interrupt(id);
                }
            }
            if (System.nanoTime() - lastHeartbeat >= TimeUnit.SECONDS.toNanos(HEARTBEAT_SECONDS)) {
                store.heartbeat(ids, executor, Instant.now());
                lastHeartbeat = System.nanoTime();
            }
        } catch (Exception e) {
            LOG.warn("TAP jobs: cannot look at the phases of this process's running jobs: {}", e.toString());
        }
    }

    /**
     * Stops this instance: its queued and executing jobs are marked ERROR ("its server process
     * ended") and their queries stopped; the store stays open.
     */
    @Override
    public void close() {
        watcher.shutdownNow();
        for (String id : List.copyOf(local.keySet())) {
            try {
                store.fail(id, UwsJobStore.PROCESS_ENDED, Instant.now());
            } catch (SQLException | RuntimeException e) {
                LOG.warn("TAP job {}: cannot mark it ended: {}", id, e.toString());
            }
        }
        pool.shutdownNow();
    }

    /** One job queued on this instance: the thread running it, once started; interrupts reach it only while attached. */
    private static final class LocalRun {
        private Thread thread;
        private boolean stopped;

        /** @return false if the job was stopped before its thread started it */
        synchronized boolean attach() {
            if (stopped) {
                return false;
            }
            thread = Thread.currentThread();
            return true;
        }

        /** Ends the interrupts of this run and clears the thread's interrupt flag. */
        synchronized void detach() {
            if (thread == Thread.currentThread()) {
                thread = null;
            }
            Thread.interrupted();
        }

        synchronized void interrupt() {
            stopped = true;
            if (thread != null) {
                thread.interrupt();
            }
        }
    }

    /** @return the UWS 1.1 job document; {@code jobUrl} is the job's own URL */
    String jobXml(UwsJob job, String jobUrl) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<uws:job xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" ")
                .append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" version=\"1.1\">\n");
        b.append("<uws:jobId>").append(job.id).append("</uws:jobId>\n");
        if (job.owner == null) {
            b.append("<uws:ownerId xsi:nil=\"true\"/>\n");
        } else {
            b.append("<uws:ownerId>").append(TapVotable.escape(job.owner)).append("</uws:ownerId>\n");
        }
        b.append("<uws:phase>").append(job.phase()).append("</uws:phase>\n");
        b.append("<uws:quote xsi:nil=\"true\"/>\n");
        b.append("<uws:creationTime>").append(job.created).append("</uws:creationTime>\n");
        time(b, "startTime", job.started());
        time(b, "endTime", job.ended());
        b.append("<uws:executionDuration>").append(runner.timeoutSeconds()).append("</uws:executionDuration>\n");
        b.append("<uws:destruction>").append(job.destruction).append("</uws:destruction>\n");
        b.append("<uws:parameters>\n");
        for (Map.Entry<String, String> p : new java.util.TreeMap<>(job.params()).entrySet()) {
            b.append("<uws:parameter id=\"").append(TapVotable.escape(p.getKey())).append("\">")
                    .append(TapVotable.escape(p.getValue())).append("</uws:parameter>\n");
        }
        b.append("</uws:parameters>\n<uws:results>\n");
        if (job.phase() == UwsJob.Phase.COMPLETED) {
            b.append("<uws:result id=\"result\" xlink:type=\"simple\" xlink:href=\"").append(TapVotable.escape(jobUrl))
                    .append("/results/result\" mime-type=\"application/x-votable+xml\"/>\n");
        }
        b.append("</uws:results>\n");
        if (job.phase() == UwsJob.Phase.ERROR) {
            b.append("<uws:errorSummary type=\"fatal\" hasDetail=\"true\"><uws:message>").append(TapVotable.escape(job.error()))
                    .append("</uws:message></uws:errorSummary>\n");
        }
        b.append("</uws:job>\n");
        return b.toString();
    }

    /** @return the UWS job list of {@code owner} (see {@link #listOf}); {@code base} is the URL of {@code /tap/async} */
    String listXml(String base, String owner) throws SQLException {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<uws:jobs xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\">\n");
        for (UwsJob j : listOf(owner)) {
            b.append("<uws:jobref id=\"").append(j.id).append("\" xlink:href=\"").append(TapVotable.escape(base)).append('/')
                    .append(j.id).append("\"><uws:phase>").append(j.phase()).append("</uws:phase><uws:creationTime>")
                    .append(j.created).append("</uws:creationTime></uws:jobref>\n");
        }
        b.append("</uws:jobs>\n");
        return b.toString();
    }

    private static void time(StringBuilder b, String name, Instant t) {
        if (t == null) {
            b.append("<uws:").append(name).append(" xsi:nil=\"true\"/>\n");
        } else {
            b.append("<uws:").append(name).append('>').append(t.truncatedTo(ChronoUnit.MILLIS)).append("</uws:").append(name).append(">\n");
        }
    }
}
