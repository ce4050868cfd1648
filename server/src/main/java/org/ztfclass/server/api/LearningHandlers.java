package org.ztfclass.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ztfclass.server.learning.Agreement;
import org.ztfclass.server.learning.CachedAgreement;
import org.ztfclass.server.learning.Consensus;
import org.ztfclass.server.learning.Dashboard;
import org.ztfclass.server.learning.JobLog;
import org.ztfclass.server.learning.LabelLog;
import org.ztfclass.server.learning.LabellingQueue;
import org.ztfclass.server.learning.ModelVersions;
import org.ztfclass.server.learning.QueueStrategy;
import org.ztfclass.server.learning.Retraining;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.web.Layout;
import org.ztfclass.server.web.LearningPages;
import org.ztfclass.votables.domain.TransientClass;

/**
 * Continuous learning over HTTP: retraining jobs and their progress, model versions and rollback,
 * the takeover dashboard, consensus and agreement, the labelling queue, and their pages. Thin:
 * the work is in {@code org.ztfclass.server.learning}. "Current user" is the signed-in user (session
 * or API token), or for anonymous reads the {@code user} parameter; {@code GET /api/queue/next?after=ID} never answers
 * {@code ID} (the object being looked at) nor an object the user skipped ({@code POST /api/labels/skips}); admin-only routes ({@link #ADMIN_ROUTES}) need an admin session or API token (401/403 otherwise).
 * The {@link Retraining} given is not closed here: its owner ({@link ServerServices}) stops it.
 */
public final class LearningHandlers {

    /** Routes that only an admin may call (checked in the handlers with {@code WebAuth.require}). */
    public static final List<String> ADMIN_ROUTES = List.of("POST /api/learning/jobs", "POST /api/learning/rollback");

    /** How often takeover audits and the "every N labels" trigger are checked. */
    static final long POLL_SECONDS = 15;

    private final Database db;
    private final Retraining retraining;
    private final LabellingQueue queue;
    private final LabelLog labels;
    private final CachedAgreement agreement;

    /**
     * @param db the store the dashboard reads
     * @param retraining the jobs and model versions; its polling starts in {@link #routes}
     * @param queue the personal labelling queue, shared with the {@code /queue} page
     */
    public LearningHandlers(Database db, Retraining retraining, LabellingQueue queue) {
        this.db = db;
        this.retraining = retraining;
        this.queue = queue;
        this.labels = new LabelLog(db);
        this.agreement = new CachedAgreement(labels);
    }

    /** Declares the routes on {@code app} and starts the periodic takeover audit check and automatic retraining trigger. */
    public void routes(Javalin app) {
        retraining.startPolling(POLL_SECONDS);
        app.get("/api/learning/jobs", this::jobs);
        app.post("/api/learning/jobs", this::startJob);
        app.get("/api/learning/jobs/{id}", this::job);
        app.get("/api/learning/versions", this::versions);
        app.post("/api/learning/rollback", this::rollback);
        app.get("/api/learning/takeover", this::takeover);
        app.get("/api/learning/takeover/{class}", this::takeoverOfClass);
        app.get("/api/learning/consensus", this::consensus);
        app.get("/api/learning/consensus/{objectId}", this::consensusOf);
        app.get("/api/learning/agreement", this::agreement);
        app.get("/api/queue/next", this::next);
        app.get("/api/queue/strategy", this::strategy);
        app.put("/api/queue/strategy", this::chooseStrategy);
        app.post("/api/queue/strategy", this::chooseStrategy);
        app.get("/learning", ctx -> Layout.send(ctx, LearningPages.DASHBOARD_TITLE, LearningPages.dashboard(new Dashboard(db, retraining.config()).view(),
                retraining.jobs().recent(10), retraining.versions().all()), LearningPages.DASHBOARD_SCRIPT));
        app.get("/learning/agreement", ctx -> Layout.send(ctx, LearningPages.AGREEMENT_TITLE, LearningPages.agreement(agreement.current())));
    }

    void jobs(Context ctx) throws SQLException {
        List<JobLog.Job> recent = retraining.jobs().recent(QueryParameters.integer(ctx, "limit", 20, 1, 1000));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("running", recent.stream().filter(j -> j.status().equals("running")).findFirst().map(LearningHandlers::job).orElse(null));
        body.put("jobs", recent.stream().map(LearningHandlers::job).toList());
        ctx.json(body);
    }

    void job(Context ctx) throws SQLException {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("id", ctx.pathParam("id"), "a job number");
        }
        ctx.json(job(retraining.jobs().find(id).orElseThrow(() -> new ApiException(404, "no retraining job " + id))));
    }

    void startJob(Context ctx) throws SQLException {
        org.ztfclass.server.auth.User admin = org.ztfclass.server.auth.WebAuth.require(ctx, org.ztfclass.server.auth.Role.ADMIN);
        try {
            long id = retraining.start("admin", admin.id());
            ctx.status(202);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("job", id);
            body.put("progress", "/api/learning/jobs/" + id);
            ctx.json(body);
        } catch (JobLog.AlreadyRunning e) {
            throw new ApiException(409, e.getMessage() + " (see /api/learning/jobs/" + e.jobId() + ")");
        }
    }

    void versions(Context ctx) throws SQLException, com.fasterxml.jackson.core.JsonProcessingException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ModelVersions.Version v : retraining.versions().all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", v.version());
            m.put("status", v.status());
            m.put("created_at", v.createdAt());
            m.put("audit_macro_auc", v.auditMacroAuc());
            m.put("serving_macro_auc_when_compared", v.auditComparedAuc());
            m.put("audit_n", v.auditN());
            m.put("job", v.jobId());
            m.put("bundle", v.bundlePath());
            m.put("audit_metrics", v.auditMetrics() == null ? null : new com.fasterxml.jackson.databind.ObjectMapper().readTree(v.auditMetrics()));
            out.add(m);
        }
        ctx.json(Map.of("versions", out));
    }

    void rollback(Context ctx) throws SQLException {
        org.ztfclass.server.auth.WebAuth.require(ctx, org.ztfclass.server.auth.Role.ADMIN);
        String version = ctx.queryParam("version");
        if (version == null || version.isBlank()) {
            throw new ApiException(400, "parameter version is required: the model version to serve again (see /api/learning/versions)");
        }
        if (retraining.versions().find(version).isEmpty()) {
            throw new ApiException(404, "no model version '" + version + "'");
        }
        try {
            retraining.rollback(version);
        } catch (IllegalArgumentException e) {
            throw new ApiException(409, e.getMessage());
        }
        ctx.json(Map.of("serving", version));
    }

    void takeover(Context ctx) throws SQLException {
        Dashboard.View v = new Dashboard(db, retraining.config()).view();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serving_version", v.servingVersion());
        body.put("threshold", v.threshold());
        body.put("required_precision", v.requiredPrecision());
        body.put("min_audited", v.minAudited());
        body.put("tied_objects", v.ties().size());
        body.put("classes", v.rows().stream().map(LearningHandlers::row).toList());
        ctx.json(body);
    }

    void takeoverOfClass(Context ctx) throws SQLException {
        String name = ctx.pathParam("class");
        TransientClass c;
        try {
            c = TransientClass.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "unknown class '" + name + "'; classes are SN_IA, SN_II, OTHER");
        }
        Dashboard.View v = new Dashboard(db, retraining.config()).view();
        ctx.json(row(v.rows().get(c.ordinal())));
    }

    void consensus(Context ctx) throws SQLException {
        List<Consensus.Outcome> all = Consensus.of(labels.votes());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("objects", all.size());
        body.put("tied", all.stream().filter(Consensus.Outcome::tied).count());
        body.put("ties", all.stream().filter(Consensus.Outcome::tied).map(LearningHandlers::outcome).toList());
        ctx.json(body);
    }

    void consensusOf(Context ctx) throws SQLException {
        String id = ctx.pathParam("objectId");
        if (!labels.objectExists(id)) {
            throw new ApiException(404, "no object '" + id + "' in the store");
        }
        Optional<Consensus.Outcome> o = Consensus.of(labels.votes()).stream().filter(x -> x.objectId().equals(id)).findFirst();
        ctx.json(o.map(LearningHandlers::outcome).orElseGet(() -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("object_id", id);
            m.put("class", null);
            m.put("labellers", 0);
            return m;
        }));
    }

    void agreement(Context ctx) throws SQLException {
        Agreement.Report r = agreement.current();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("objects_with_two_or_more_labellers", r.objects());
        body.put("fleiss_kappa", finite(r.fleissKappa()));
        Map<String, Object> per = new LinkedHashMap<>();
        r.perClass().forEach((k, v) -> per.put(k.name(), finite(v)));
        body.put("fleiss_kappa_per_class", per);
        body.put("pairs", r.pairs().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("a", p.a());
            m.put("b", p.b());
            m.put("objects", p.objects());
            m.put("observed_agreement", finite(p.observed()));
            m.put("cohen_kappa", finite(p.kappa()));
            return m;
        }).toList());
        ctx.json(body);
    }

    void next(Context ctx) throws SQLException {
        long user = user(ctx);
        String s = ctx.queryParam("strategy");
        Optional<QueueStrategy> strategy = s == null || s.isBlank() ? Optional.empty() : Optional.of(strategy(s));
        String after = ctx.queryParam("after");
        LabellingQueue.Next n = queue.next(user, strategy, after == null || after.isBlank() ? null : after.strip());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object_id", n.objectId());
        body.put("strategy", n.strategy().key());
        body.put("reason", n.reason());
        body.put("uncertainty", finite(n.uncertainty()));
        body.put("remaining", n.remaining() < 0 ? null : n.remaining());
        ctx.json(body);
    }

    void strategy(Context ctx) throws SQLException {
        ctx.json(Map.of("user", user(ctx), "strategy", queue.strategyOf(user(ctx)).key()));
    }

    void chooseStrategy(Context ctx) throws SQLException {
        long user = user(ctx);
        String s = ctx.queryParam("strategy");
        if (s == null) {
            throw new ApiException(400, "parameter strategy is required (default, random, uncertainty, margin)");
        }
        QueueStrategy q = strategy(s);
        queue.choose(user, q);
        ctx.json(Map.of("user", user, "strategy", q.key()));
    }

    private static QueueStrategy strategy(String s) {
        try {
            return QueueStrategy.parse(s);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "parameter strategy: " + e.getMessage());
        }
    }

    /**
     * The labeller whose queue is meant: the signed-in user (session or API token) when there is one;
     * otherwise, for reads only, the {@code user} parameter. Storing a choice needs a signed-in user.
     */
    private static long user(Context ctx) {
        java.util.Optional<org.ztfclass.server.auth.Principal> p = org.ztfclass.server.auth.WebAuth.principal(ctx);
        if (p.isPresent()) {
            return p.get().user().id();
        }
        if (!ctx.method().name().equals("GET")) {
            org.ztfclass.server.auth.WebAuth.require(ctx, org.ztfclass.server.auth.Role.VIEWER);
        }
        Long u = QueryParameters.optionalLong(ctx, "user");
        if (u == null) {
            throw new ApiException(400, "parameter user is required: the labeller's user id");
        }
        return u;
    }

    private static Map<String, Object> job(JobLog.Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("status", j.status());
        m.put("trigger", j.trigger());
        m.put("user", j.userId());
        m.put("stage", j.stage());
        m.put("progress", j.progress());
        m.put("candidate_version", j.candidateVersion());
        m.put("promoted", j.promoted());
        m.put("message", j.message());
        m.put("started_at", j.startedAt());
        m.put("updated_at", j.updatedAt());
        m.put("finished_at", j.finishedAt());
        return m;
    }

    private static Map<String, Object> row(Dashboard.ClassRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("class", r.label().name());
        m.put("human_labels", r.humanLabels());
        m.put("auto_labels", r.autoLabels());
        m.put("precision", r.precision());
        m.put("recall", r.recall());
        m.put("audit_objects_above_threshold", r.auditedAbove());
        m.put("takeover", r.takeover().enabled());
        m.put("reason", r.takeover().reason());
        m.put("takeover_version", r.takeover().modelVersion());
        m.put("since", r.takeover().since());
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("requested", r.audit().requested());
        a.put("audited", r.audit().audited());
        a.put("confirmed", r.audit().confirmed());
        a.put("precision", finite(r.audit().precision()));
        m.put("audit", a);
        return m;
    }

    private static Map<String, Object> outcome(Consensus.Outcome o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("object_id", o.objectId());
        m.put("class", o.label() == null ? null : o.label().name());
        m.put("tied", o.tied());
        m.put("labellers", o.labellers());
        Map<String, Integer> votes = new LinkedHashMap<>();
        o.votes().forEach((k, v) -> votes.put(k.name(), v));
        m.put("votes", votes);
        Map<String, String> by = new LinkedHashMap<>();
        o.byLabeller().forEach((k, v) -> by.put(k, v.name()));
        m.put("by_labeller", by);
        return m;
    }

    private static Double finite(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
