package org.ztfclass.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztfclass.server.funnel.FunnelRunner;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.FunnelStore;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.votables.table.VotableWriter;

/**
 * The HTTP face of ztfclass. All routes are declared here; handlers live in small classes per
 * topic. Errors become a 4xx/5xx answer with a JSON body {@code {"status": n, "error": "..."}},
 * or a VOTable with {@code QUERY_STATUS=ERROR} when the request asked for {@code format=votable}.
 */
public final class ApiServer {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final Javalin app;
    private final LearningHandlers learning;
    private final org.ztfclass.server.web.ModelPage modelPage;

    /** Builds the server on a store; nothing listens until {@link #start}. */
    public ApiServer(Database db) {
        ObjectQueries queries = new ObjectQueries(db);
        org.ztfclass.server.store.PredictionStore predictionStore = new org.ztfclass.server.store.PredictionStore(db);
        ObjectHandlers objects = new ObjectHandlers(queries, predictionStore);
        StatusHandler status = new StatusHandler(queries);
        FunnelHandlers funnel = new FunnelHandlers(new FunnelRunner(new FunnelStore(db)));
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            RequestLimits.configure(config);
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/public";
                files.location = Location.CLASSPATH;
            });
            // an Error (StackOverflowError, OutOfMemoryError) thrown by a handler: logged, a plain body
            config.pvt.javaLangErrorHandler((res, error) -> {
                String id = InternalErrors.log("unexpected Error", error);
                res.setStatus(500);
                res.setHeader("X-Request-Id", id);
                res.setContentType("application/json");
                try {
                    res.getOutputStream().write(internalErrorJson(id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } catch (IOException e) {
                    LOG.debug("could not answer request {}", id, e);
                }
            });
        });
        app.before(RequestLimits::readSmallBodyNow);
        app.before(SecurityHeaders::apply);
        app.before(ServerTiming::start);
        app.after(ServerTiming::stamp);
        app.get("/api/status", status::status);
        app.get("/api/objects", objects::list);
        app.get("/api/objects/{objectId}", objects::one);
        app.get("/api/objects/{objectId}/lightcurve", objects::lightCurve);
        app.get("/api/objects/{objectId}/photometry", objects::photometry);
        app.get("/api/objects/{objectId}/cutouts/{file}", objects::cutout);
        app.get("/api/objects/{objectId}/crossmatches", new CrossmatchHandler(queries, new org.ztfclass.server.store.CrossmatchCache(db))::crossmatches);
        app.get("/api/funnel", funnel::report);
        org.ztfclass.server.store.StreamStore streamStore = new org.ztfclass.server.store.StreamStore(db);
        app.get("/api/stream", new StreamHandler(streamStore)::status);
        app.get("/stream", new org.ztfclass.server.web.StreamPage(streamStore)::show);
        app.get("/scs", new ConeSearchHandler(queries)::search);
        org.ztfclass.server.store.CrossmatchCache crossmatchCache = new org.ztfclass.server.store.CrossmatchCache(db);
        app.post("/api/objects/match", new MatchHandler(queries, crossmatchCache)::match);
        new org.ztfclass.server.tap.TapService(db).routes(app); // /tap: TAP sync + async (UWS), VOSI; its body limit runs before auth
        app.get("/api/overlay", new OverlayHandler(queries)::overlay);
        app.get("/funnel", funnel::page);
        app.get("/objects/{objectId}", new org.ztfclass.server.web.ObjectPage(queries, predictionStore,
                new org.ztfclass.server.store.ObjectListing(db), new org.ztfclass.server.web.CrossmatchPanel(crossmatchCache, queries))::render);
        learning = new LearningHandlers(db, new org.ztfclass.server.learning.Retraining(db,
                org.ztfclass.server.learning.Retraining.defaultModelsDir(db), org.ztfclass.server.learning.ModelTrainer.DEFAULT,
                org.ztfclass.server.learning.LearningConfig.fromSystemProperties()));
        learning.routes(app);
        // the web application (issue 7): accounts, labels, object list, model page
        org.ztfclass.server.auth.WebAuth auth = new org.ztfclass.server.auth.WebAuth(new org.ztfclass.server.auth.UserStore(db),
                new org.ztfclass.server.auth.SessionStore(db), new org.ztfclass.server.auth.TokenStore(db));
        app.before(auth::before);
        app.before(RequestLimits::check);
        LabelHandlers labels = new LabelHandlers(new org.ztfclass.server.labels.LabelService(db));
        app.post("/api/labels", labels::submit);
        app.get("/api/labels", new LabelExportHandler(new org.ztfclass.server.store.LabelExport(db))::export); // public; anonymous: pseudonyms
        app.post("/objects/{objectId}/labels", labels::submitForm);
        SkipHandlers skips = new SkipHandlers(new org.ztfclass.server.labels.LabelSkips(db)); // issue 16: skip / not sure, never a label
        app.post("/api/labels/skips", skips::submit);
        app.post("/objects/{objectId}/skips", skips::submitForm);
        org.ztfclass.server.web.SignInPage signIn = new org.ztfclass.server.web.SignInPage(auth);
        app.get("/signin", signIn::form);
        app.post("/signin", signIn::signIn);
        app.post("/signout", signIn::signOut);
        org.ztfclass.server.web.AccountPage account = new org.ztfclass.server.web.AccountPage(auth);
        app.get("/account", account::show);
        app.post("/account/tokens", account::createToken);
        app.post("/account/tokens/{tokenId}/revoke", account::revokeToken);
        app.post("/account/password", account::changePassword);
        org.ztfclass.server.web.AdminUsersPage admin = new org.ztfclass.server.web.AdminUsersPage(auth.users());
        app.get("/admin/users", admin::show);
        app.post("/admin/users", admin::invite);
        app.post("/admin/users/{userId}", admin::change);
        org.ztfclass.server.web.QueuePage queue = new org.ztfclass.server.web.QueuePage(new org.ztfclass.server.store.ObjectListing(db),
                new org.ztfclass.server.labels.InitialSetFirstQueue(db), new org.ztfclass.server.learning.LabellingQueue(db),
                new org.ztfclass.server.labels.ScanState(db));
        app.get("/queue", queue::show);
        app.get("/queue/next", queue::next);
        modelPage = new org.ztfclass.server.web.ModelPage(db);
        app.get("/model", modelPage::show);
        app.get("/model/report/{file}", modelPage::reportFile);
        app.exception(org.ztfclass.server.auth.AccessException.class, (e, ctx) -> {
            if (org.ztfclass.server.web.ErrorPage.wanted(ctx)) {
                org.ztfclass.server.web.ErrorPage.send(ctx, e.status(), e.getMessage());
            } else {
                error(ctx, e.status(), e.getMessage());
            }
        });

        app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        RequestLimits.answerFailedReads(app);
        app.exception(Exception.class, (e, ctx) -> internalError(ctx, e));
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint ")) {
                error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path());
            }
        });
    }

    /**
     * Starts listening.
     *
     * @param host address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
     * @param port TCP port, 0 for any free one
     * @return this
     */
    public ApiServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    /** Shows the full evaluation report of the model bundle in {@code dir} on {@code /model} when it is the serving version. */
    public ApiServer modelBundle(java.nio.file.Path dir) {
        modelPage.bundle(dir);
        return this;
    }

    /** The Javalin app, for tests in this package that add a route before {@link #start}. */
    Javalin javalin() {
        return app;
    }

    /** @return the port listened on */
    public int port() {
        return app.port();
    }

    /** Stops listening and frees the port. */
    public void stop() {
        app.stop();
        learning.close();
    }

    /** Answers an unexpected failure: logged in full under a request id; the client sees only that id. */
    static void internalError(Context ctx, Throwable e) {
        String id = InternalErrors.log(ctx.method() + " " + ctx.path(), e);
        ctx.header("X-Request-Id", id);
        if (org.ztfclass.server.web.ErrorPage.wanted(ctx)) {
            org.ztfclass.server.web.ErrorPage.send(ctx, 500, InternalErrors.message(id));
        } else if (ResponseFormat.wantsVotable(ctx)) {
            error(ctx, 500, InternalErrors.message(id));
        } else {
            ctx.status(500);
            ctx.contentType("application/json");
            ctx.result(internalErrorJson(id));
        }
    }

    private static String internalErrorJson(String requestId) {
        return "{\"status\":500,\"error\":\"" + InternalErrors.MESSAGE + "\",\"request_id\":\"" + requestId + "\"}";
    }

    static void error(Context ctx, int status, String message) {
        ctx.status(status);
        if (ResponseFormat.wantsVotable(ctx)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                VotableWriter.writeError(message, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ctx.contentType(VotableWriter.MIME_TYPE);
            ctx.result(out.toByteArray());
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("error", message);
            ctx.json(body);
        }
    }
}
