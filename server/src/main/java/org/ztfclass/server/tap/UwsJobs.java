package org.ztfclass.server.tap;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The asynchronous TAP jobs (UWS 1.1), kept in memory: created PENDING (or run at once with
 * {@code PHASE=RUN}), run two at a time, each destroyed {@link #RETENTION_SECONDS} after it was
 * created, whatever its phase (an executing one is aborted). Bounded (issue 13, finding 4): at
 * most {@link TapLimits#maxJobs} jobs are held in all phases together: when that many are held the
 * oldest finished jobs are dropped to make room, and when none is finished a new job is refused
 * (503); one client (a signed-in user, else a remote address) may have at most
 * {@link TapLimits#maxPendingPerClient} unfinished jobs (429); the answers of finished jobs hold at
 * most {@link TapLimits#MAX_RESULT_BYTES} together (the oldest finished jobs go first). Job ids are
 * 128 random bits from {@link SecureRandom} (32 hex digits). The job list shows a signed-in caller
 * that user's jobs and an anonymous caller none. Also writes the UWS XML of a job and of the job
 * list. Thread-safe.
 */
final class UwsJobs {

    /** Seconds a job and its answer are kept. */
    static final long RETENTION_SECONDS = 3600;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, UwsJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "tap-async");
        t.setDaemon(true);
        return t;
    });
    private final TapQueryRunner runner;
    private final TapLimits limits;

    UwsJobs(TapQueryRunner runner, TapLimits limits) {
        this.runner = runner;
        this.limits = limits;
    }

    /**
     * @param params parameters with lower-cased names
     * @param owner  user name of the signed-in creator, or null
     * @param client the creator for the per-client cap: {@code user:NAME} or {@code address:IP}
     * @return a new PENDING job
     * @throws TapRefusal 429 if the client has too many unfinished jobs, 503 if the service holds
     *                    its maximum of jobs and none is finished, 413 if the parameters are too large
     */
    synchronized UwsJob create(Map<String, String> params, String owner, String client) {
        expire();
        long unfinished = jobs.values().stream().filter(j -> j.client.equals(client) && !j.finished()).count();
        if (unfinished >= limits.maxPendingPerClient()) {
            throw new TapRefusal(429, "you already have " + unfinished + " unfinished TAP jobs; at most "
                    + limits.maxPendingPerClient() + " may wait or run at once: run, finish or DELETE some first");
        }
        if (jobs.size() >= limits.maxJobs()) {
            oldestFinished().limit(jobs.size() - limits.maxJobs() + 1L).forEach(j -> jobs.remove(j.id));
        }
        if (jobs.size() >= limits.maxJobs()) {
            throw new TapRefusal(503, "the TAP service holds its maximum of " + limits.maxJobs()
                    + " jobs and none has finished; try again later");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UwsJob job = new UwsJob(newId(), owner, client, params, now, now.plusSeconds(RETENTION_SECONDS));
        jobs.put(job.id, job);
        return job;
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }

    /** @return the job, unless unknown, deleted or past its destruction time */
    Optional<UwsJob> get(String id) {
        UwsJob j = jobs.get(id);
        return j == null || j.destruction.isBefore(Instant.now()) ? Optional.empty() : Optional.of(j);
    }

    /** @return the jobs of {@code owner} (a user name), oldest first; none for null (an anonymous caller) */
    List<UwsJob> listOf(String owner) {
        expire();
        List<UwsJob> out = new ArrayList<>();
        if (owner != null) {
            jobs.values().stream().filter(j -> owner.equals(j.owner)).forEach(out::add);
        }
        out.sort(Comparator.comparing(j -> j.created));
        return out;
    }

    /** @return how many jobs are held, in any phase */
    int size() {
        return jobs.size();
    }

    void delete(UwsJob job) {
        job.abort();
        jobs.remove(job.id);
    }

    /** Starts a PENDING job; does nothing for a job in any other phase. */
    void run(UwsJob job) {
        if (!job.queue()) {
            return;
        }
        pool.submit(() -> {
            if (!job.start()) {
                return;
            }
            try {
                TapRequest request = TapRequest.of(job.params());
                TapResult result = runner.run(request.query(), request.maxrec());
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                TapVotable.write(result, request.query(), out);
                job.complete(out.toByteArray());
                trimResults(job);
            } catch (AdqlException e) {
                job.fail(e.getMessage());
            } catch (Exception | StackOverflowError e) {
                // the detail goes to the log only; the job's error names the request id to quote
                job.fail(org.ztfclass.server.api.InternalErrors.message(
                        org.ztfclass.server.api.InternalErrors.log("TAP job " + job.id, e)));
            }
        });
    }

    /** Drops the jobs past their destruction time (aborting any still running). */
    private synchronized void expire() {
        Instant now = Instant.now();
        for (UwsJob j : List.copyOf(jobs.values())) {
            if (j.destruction.isBefore(now)) {
                delete(j);
            }
        }
    }

    /** Drops the oldest finished jobs other than {@code kept} while the answers held are over the limit. */
    private synchronized void trimResults(UwsJob kept) {
        long held = jobs.values().stream().mapToLong(UwsJob::resultBytes).sum();
        for (UwsJob j : oldestFinished().filter(j -> j != kept).toList()) {
            if (held <= TapLimits.MAX_RESULT_BYTES) {
                break;
            }
            held -= j.resultBytes();
            jobs.remove(j.id);
        }
    }

    private Stream<UwsJob> oldestFinished() {
        return jobs.values().stream().filter(UwsJob::finished).sorted(Comparator.comparing(j -> j.created));
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
    String listXml(String base, String owner) {
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
