package org.ztfclass.server.tap;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The asynchronous TAP jobs (UWS 1.1), kept in memory: created PENDING (or run at once with
 * {@code PHASE=RUN}), run two at a time, answer kept for {@link #RETENTION_SECONDS} and then
 * destroyed; at most {@link #MAX_JOBS} are kept (the oldest finished ones go first). Also writes
 * the UWS XML of a job and of the job list. Thread-safe.
 */
final class UwsJobs {

    /** Seconds a job and its answer are kept. */
    static final long RETENTION_SECONDS = 3600;
    /** Most jobs kept at once. */
    static final int MAX_JOBS = 200;


    private final Map<String, UwsJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "tap-async");
        t.setDaemon(true);
        return t;
    });
    private final TapQueryRunner runner;

    UwsJobs(TapQueryRunner runner) {
        this.runner = runner;
    }

    /** @return a new PENDING job holding {@code params} (lower-cased names) */
    synchronized UwsJob create(Map<String, String> params) {
        expire();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        UwsJob job = new UwsJob(UUID.randomUUID().toString().replace("-", "").substring(0, 16), params, now,
                now.plusSeconds(RETENTION_SECONDS));
        jobs.put(job.id, job);
        return job;
    }

    Optional<UwsJob> get(String id) {
        UwsJob j = jobs.get(id);
        return j == null || j.destruction.isBefore(Instant.now()) ? Optional.empty() : Optional.of(j);
    }

    List<UwsJob> list() {
        List<UwsJob> out = new ArrayList<>(jobs.values());
        out.sort((a, b) -> a.created.compareTo(b.created));
        return out;
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
            } catch (AdqlException e) {
                job.fail(e.getMessage());
            } catch (Exception | StackOverflowError e) {
                // the detail goes to the log only; the job's error names the request id to quote
                job.fail(org.ztfclass.server.api.InternalErrors.message(
                        org.ztfclass.server.api.InternalErrors.log("TAP job " + job.id, e)));
            }
        });
    }

    private void expire() {
        Instant now = Instant.now();
        jobs.values().removeIf(j -> j.destruction.isBefore(now));
        if (jobs.size() >= MAX_JOBS) {
            list().stream().filter(j -> j.ended() != null).limit(jobs.size() - MAX_JOBS + 1L).forEach(j -> jobs.remove(j.id));
        }
    }

    /** @return the UWS 1.1 job document; {@code jobUrl} is the job's own URL */
    String jobXml(UwsJob job, String jobUrl) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<uws:job xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" ")
                .append("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" version=\"1.1\">\n");
        b.append("<uws:jobId>").append(job.id).append("</uws:jobId>\n");
        b.append("<uws:ownerId xsi:nil=\"true\"/>\n");
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

    /** @return the UWS job list; {@code base} is the URL of {@code /tap/async} */
    String listXml(String base) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<uws:jobs xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\">\n");
        for (UwsJob j : list()) {
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
