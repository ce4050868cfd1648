package org.ztfclass.server.api;

import io.javalin.Javalin;
import org.ztfclass.server.store.StoreProbe;

/**
 * The API for programs, over the services it is given: JSON (or VOTable with {@code format=votable})
 * under {@code /api} — health (for load balancers), status, objects with their light curve, photometry, cutouts and cross-matches,
 * the funnel report, the stream status, positional match ({@code POST /api/objects/match}) and the
 * sky overlay — and the VO Simple Cone Search at {@code /scs}. The label routes under
 * {@code /api/labels} are {@link LabelRoutes}'s, the learning ones {@link LearningHandlers}'s.
 * Declares endpoints only, no before- or after-handler, so where {@link ApiServer} calls
 * {@link #routes} does not change what a request meets first.
 */
final class ApiRoutes {

    private final ServerServices services;

    ApiRoutes(ServerServices services) {
        this.services = services;
    }

    /** Declares the endpoints on {@code app}; each handler object is built here, once. */
    void routes(Javalin app) {
        ObjectHandlers objects = new ObjectHandlers(services.objects(), services.predictions());
        app.get("/api/health", new HealthHandler(new StoreProbe(services.database()))::health);
        app.get("/api/status", new StatusHandler(services.objects())::status);
        app.get("/api/objects", objects::list);
        app.get("/api/objects/{objectId}", objects::one);
        app.get("/api/objects/{objectId}/lightcurve", objects::lightCurve);
        app.get("/api/objects/{objectId}/photometry", objects::photometry);
        app.get("/api/objects/{objectId}/cutouts/{file}", objects::cutout);
        app.get("/api/objects/{objectId}/crossmatches", new CrossmatchHandler(services.objects(), services.crossmatches())::crossmatches);
        app.get("/api/funnel", new FunnelHandlers(services.funnel())::report);
        app.get("/api/stream", new StreamHandler(services.stream())::status);
        app.get("/scs", new ConeSearchHandler(services.objects())::search);
        app.post("/api/objects/match", new MatchHandler(services.objects(), services.crossmatches())::match);
        app.get("/api/overlay", new OverlayHandler(services.objects())::overlay);
    }
}
