package org.ztfclass.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztfclass.server.auth.AccessException;
import org.ztfclass.server.auth.WebAuth;
import org.ztfclass.server.http.ClientAddress;
import org.ztfclass.server.http.TrustedProxies;
import org.ztfclass.server.learning.Retraining;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.web.ErrorPage;
import org.ztfclass.votables.table.VotableWriter;

/**
 * The HTTP face of ztfclass: the composition root of one server. It builds the services once
 * ({@link ServerServices}), lets each area declare its routes over them ({@link ApiRoutes},
 * {@link org.ztfclass.server.tap.TapService}, {@link LearningHandlers}, {@link WebRoutes},
 * {@link LabelRoutes}, {@link AccountRoutes}), and owns what every request meets: the request
 * limits, security headers and timing, the sign-in before-handler, static files and the error
 * answers. Before-handlers run in the order declared here: body read, security headers, timing,
 * the TAP body limit on {@code /tap/*}, sign-in, then the request limits that depend on the user.
 * Errors become a 4xx/5xx answer with a JSON body {@code {"status": n, "error": "..."}},
 * or a VOTable with {@code QUERY_STATUS=ERROR} when the request asked for {@code format=votable}.
 */
public final class ApiServer {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final Javalin app;
    private final ServerServices services;
    private final WebRoutes web;

    /** Builds the server on a store, trusting no proxy's forwarding headers; nothing listens until {@link #start}. */
    public ApiServer(Database db) {
        this(db, TrustedProxies.NONE, Retraining.defaultModelsDir(db));
    }

    /**
     * Builds the server on a store; nothing listens until {@link #start}.
     *
     * @param proxies the reverse proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto}
     *     are believed when one of them is a request's peer ({@link ClientAddress})
     */
    public ApiServer(Database db, TrustedProxies proxies) {
        this(db, proxies, Retraining.defaultModelsDir(db));
    }

    /**
     * Builds the server on a store whose retraining keeps its bundles in {@code modelsDir} (instead
     * of {@link Retraining#defaultModelsDir}), trusting no proxy; nothing listens until {@link #start}.
     */
    public ApiServer(Database db, Path modelsDir) {
        this(db, TrustedProxies.NONE, modelsDir);
    }

    /**
     * Builds the server; nothing listens until {@link #start}.
     *
     * @param proxies   the reverse proxies whose forwarding headers are believed ({@link ClientAddress})
     * @param modelsDir where retraining keeps each version's bundle
     */
    public ApiServer(Database db, TrustedProxies proxies, Path modelsDir) {
        services = new ServerServices(db, modelsDir);
        web = new WebRoutes(services);
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            ClientAddress.install(config, proxies);
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
                    res.getOutputStream().write(internalErrorJson(id).getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    LOG.debug("could not answer request {}", id, e);
                }
            });
        });
        app.before(RequestLimits::readSmallBodyNow);
        app.before(SecurityHeaders::apply);
        app.before(ServerTiming::start);
        app.after(ServerTiming::stamp);
        new ApiRoutes(services).routes(app);
        services.tap().routes(app); // /tap: TAP sync + async (UWS), VOSI; its body limit runs before auth
        new LearningHandlers(db, services.retraining(), services.labellingQueue()).routes(app);
        web.routes(app);
        // the web application (issue 7): sign-in, then labels and accounts as the signed-in user
        WebAuth auth = services.auth();
        app.before(auth::before);
        app.before(RequestLimits::check);
        new LabelRoutes(services).routes(app);
        new AccountRoutes(auth).routes(app);
        app.exception(AccessException.class, (e, ctx) -> {
            if (ErrorPage.wanted(ctx)) {
                ErrorPage.send(ctx, e.status(), e.getMessage());
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
    public ApiServer modelBundle(Path dir) {
        web.modelBundle(dir);
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

    /** Stops listening, frees the port, stops retraining's worker and poller and this process's TAP jobs ({@link ServerServices#close}); the database stays open. */
    public void stop() {
        app.stop();
        services.close();
    }

    /** Answers an unexpected failure: logged in full under a request id; the client sees only that id. */
    static void internalError(Context ctx, Throwable e) {
        String id = InternalErrors.log(ctx.method() + " " + ctx.path(), e);
        ctx.header("X-Request-Id", id);
        if (ErrorPage.wanted(ctx)) {
            ErrorPage.send(ctx, 500, InternalErrors.message(id));
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
