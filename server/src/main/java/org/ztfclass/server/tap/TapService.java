package org.ztfclass.server.tap;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import org.ztfclass.server.auth.WebAuth;
import org.ztfclass.server.http.ClientAddress;
import org.ztfclass.server.store.Database;

/**
 * The TAP 1.1 service at {@code /tap}: synchronous queries at {@code /tap/sync} (GET or POST),
 * asynchronous UWS jobs at {@code /tap/async}, and the VOSI resources {@code /tap/tables},
 * {@code /tap/capabilities}, {@code /tap/availability}. A refused query (also one stopped at the
 * time limit of {@link TapLimits#timeoutSeconds}) is answered with HTTP 400 and a VOTable whose
 * {@code QUERY_STATUS} is {@code ERROR} with the reason; answers are VOTable 1.4. A request over a
 * limit ({@link TapParameters}, {@link UwsJobs}) or touching another user's job ({@link UwsJob}) is
 * answered the same way with the status of its {@link TapRefusal} (403, 411, 413, 429 or 503).
 * Async jobs live in the store ({@link UwsJobs}), so any process on it answers for any job.
 * Handlers only: the ADQL work is {@link TapQueryRunner}'s.
 */
public final class TapService implements AutoCloseable {

    private static final String VOTABLE = "application/x-votable+xml";
    private static final String XML = "text/xml; charset=utf-8";

    private final TapQueryRunner runner;
    private final UwsJobs jobs;

    /** @param db the store queried; the limits are {@link TapLimits#fromSystemProperties}'s */
    public TapService(Database db) {
        TapLimits limits = TapLimits.fromSystemProperties();
        this.runner = new TapQueryRunner(db, limits.timeoutSeconds());
        this.jobs = new UwsJobs(db, runner, limits);
    }

    /** Stops this process's part in the async jobs: its queued and executing jobs end in ERROR ({@link UwsJobs#close}). */
    @Override
    public void close() {
        jobs.close();
    }

    /**
     * Declares the {@code /tap} routes on {@code app}, and a before-handler limiting request bodies
     * ({@link TapParameters#limitBody}): call this before declaring the sign-in before-handler.
     */
    public void routes(Javalin app) {
        app.before("/tap/*", TapParameters::limitBody);
        app.get("/tap", this::root);
        app.get("/tap/sync", this::sync);
        app.post("/tap/sync", this::sync);
        app.get("/tap/tables", ctx -> xml(ctx, VosiDocuments.tables()));
        app.get("/tap/capabilities", ctx -> xml(ctx, VosiDocuments.capabilities(base(ctx), runner.timeoutSeconds())));
        app.get("/tap/availability", ctx -> xml(ctx, VosiDocuments.availability()));
        app.get("/tap/async", ctx -> xml(ctx, jobs.listXml(base(ctx) + "/async", user(ctx))));
        app.post("/tap/async", this::createJob);
        app.get("/tap/async/{id}", ctx -> xml(ctx, jobs.jobXml(job(ctx), jobUrl(ctx))));
        app.post("/tap/async/{id}", this::postJob);
        app.delete("/tap/async/{id}", ctx -> {
            jobs.delete(job(ctx));
            ctx.redirect(base(ctx) + "/async", HttpStatus.SEE_OTHER);
        });
        app.get("/tap/async/{id}/phase", ctx -> ctx.contentType("text/plain").result(job(ctx).phase().name()));
        app.post("/tap/async/{id}/phase", this::postPhase);
        app.get("/tap/async/{id}/parameters", ctx -> xml(ctx, jobs.jobXml(job(ctx), jobUrl(ctx))));
        app.post("/tap/async/{id}/parameters", this::postParameters);
        app.get("/tap/async/{id}/results/result", this::result);
        app.get("/tap/async/{id}/error", this::jobError);
        app.get("/tap/async/{id}/executionduration", ctx -> ctx.contentType("text/plain")
                .result(Integer.toString(runner.timeoutSeconds())));
        app.get("/tap/async/{id}/destruction", ctx -> ctx.contentType("text/plain").result(job(ctx).destruction.toString()));
        app.get("/tap/async/{id}/quote", ctx -> ctx.contentType("text/plain").result(""));
        app.get("/tap/async/{id}/owner", ctx -> {
            String owner = job(ctx).owner;
            ctx.contentType("text/plain").result(owner == null ? "" : owner);
        });
        app.exception(NoSuchJob.class, (e, ctx) -> {
            ctx.status(404);
            ctx.contentType("text/plain");
            ctx.result(e.getMessage());
        });
        app.exception(TapRefusal.class, (e, ctx) -> {
            if (e.status() == 429 || e.status() == 503) {
                ctx.header("Retry-After", "60");
            }
            error(ctx, e.status(), e.getMessage());
        });
    }

    private void root(Context ctx) {
        String b = base(ctx);
        ctx.contentType("text/plain; charset=utf-8").result("ztfclass TAP 1.1 service (ADQL subset; tables "
                + TapSchema.tableNames() + ")\nsync: " + b + "/sync\nasync: " + b + "/async\ntables: " + b + "/tables\n"
                + "capabilities: " + b + "/capabilities\navailability: " + b + "/availability\n");
    }

    private void sync(Context ctx) throws IOException, SQLException {
        TapRequest request;
        TapResult result;
        try {
            request = TapRequest.of(TapParameters.of(ctx));
            result = runner.run(request.query(), request.maxrec());
        } catch (AdqlException e) {
            error(ctx, 400, e.getMessage());
            return;
        } catch (TapRefusal e) {
            throw e;
        } catch (SQLException | RuntimeException | StackOverflowError e) {
            // the detail (SQL, the store's message, a stack) goes to the log only
            String id = org.ztfclass.server.api.InternalErrors.log("TAP sync query", e);
            ctx.header("X-Request-Id", id);
            error(ctx, 500, org.ztfclass.server.api.InternalErrors.message(id));
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TapVotable.write(result, request.query(), out);
        ctx.contentType(VOTABLE).result(out.toByteArray());
    }

    private void createJob(Context ctx) throws SQLException {
        Map<String, String> params = TapParameters.of(ctx);
        String phase = params.remove("phase");
        String user = user(ctx);
        UwsJob job = jobs.create(params, user, user != null ? "user:" + user : "address:" + ClientAddress.of(ctx));
        if ("RUN".equalsIgnoreCase(phase)) {
            jobs.run(job);
        }
        ctx.redirect(base(ctx) + "/async/" + job.id, HttpStatus.SEE_OTHER);
    }

    private void postJob(Context ctx) throws SQLException {
        UwsJob job = job(ctx);
        Map<String, String> params = TapParameters.of(ctx);
        if ("DELETE".equalsIgnoreCase(params.get("action"))) {
            jobs.delete(job);
            ctx.redirect(base(ctx) + "/async", HttpStatus.SEE_OTHER);
            return;
        }
        String phase = params.remove("phase");
        params.remove("action");
        if (!params.isEmpty() && !jobs.setParams(job, params)) {
            ctx.status(409).contentType("text/plain").result("job " + job.id + " is " + job.phase()
                    + ": parameters can be changed only while it is PENDING");
            return;
        }
        phase(ctx, job, phase);
    }

    private void postParameters(Context ctx) throws SQLException {
        UwsJob job = job(ctx);
        Map<String, String> params = TapParameters.of(ctx);
        params.remove("phase");
        if (!jobs.setParams(job, params)) {
            ctx.status(409).contentType("text/plain").result("job " + job.id + " is " + job.phase()
                    + ": parameters can be changed only while it is PENDING");
            return;
        }
        ctx.redirect(jobUrl(ctx), HttpStatus.SEE_OTHER);
    }

    private void postPhase(Context ctx) throws SQLException {
        phase(ctx, job(ctx), TapParameters.of(ctx).get("phase"));
    }

    private void phase(Context ctx, UwsJob job, String phase) throws SQLException {
        if ("RUN".equalsIgnoreCase(phase)) {
            jobs.run(job);
        } else if ("ABORT".equalsIgnoreCase(phase)) {
            jobs.abort(job);
        } else if (phase != null) {
            ctx.status(400).contentType("text/plain").result("PHASE must be RUN or ABORT, not '" + phase + "'");
            return;
        }
        ctx.redirect(jobUrl(ctx), HttpStatus.SEE_OTHER);
    }

    private void result(Context ctx) throws SQLException {
        UwsJob job = job(ctx);
        byte[] r = jobs.result(job);
        if (r == null) {
            throw new NoSuchJob("job " + job.id + " has no result (phase " + job.phase() + ")");
        }
        ctx.contentType(VOTABLE).result(r);
    }

    private void jobError(Context ctx) throws IOException, SQLException {
        UwsJob job = job(ctx);
        if (job.error() == null) {
            throw new NoSuchJob("job " + job.id + " has no error (phase " + job.phase() + ")");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TapVotable.writeError(job.error(), out);
        ctx.contentType(VOTABLE).result(out.toByteArray());
    }

    /** @return the job named in the path; 404 if there is none, 403 if it belongs to another user than the caller */
    private UwsJob job(Context ctx) throws SQLException {
        String id = ctx.pathParam("id");
        UwsJob job = jobs.get(id).orElseThrow(() -> new NoSuchJob("no TAP job '" + id + "' (unknown, deleted or expired)"));
        if (!job.usableBy(user(ctx))) {
            throw new TapRefusal(403, "TAP job " + id + " belongs to another user: only its owner may see or change it");
        }
        return job;
    }

    /** @return the name of the signed-in caller (session or API token), or null */
    private static String user(Context ctx) {
        return WebAuth.principal(ctx).map(p -> p.user().name()).orElse(null);
    }

    private static void error(Context ctx, int status, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            TapVotable.writeError(message, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // not thrown by a ByteArrayOutputStream
        }
        ctx.status(status).contentType(VOTABLE).result(out.toByteArray());
    }

    private static void xml(Context ctx, String body) {
        ctx.contentType(XML).result(body);
    }

    private static String base(Context ctx) {
        return ClientAddress.scheme(ctx) + "://" + ctx.host() + "/tap";
    }

    private static String jobUrl(Context ctx) {
        return base(ctx) + "/async/" + ctx.pathParam("id");
    }

    /** An unknown or finished-with job: 404. */
    private static final class NoSuchJob extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoSuchJob(String message) {
            super(message);
        }
    }
}
