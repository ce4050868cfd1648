package org.ztfclass.server.api;

import io.javalin.Javalin;

/**
 * Labels over HTTP, over the services they are given: {@code POST /api/labels} and the object page's
 * form {@code POST /objects/{objectId}/labels}, the export {@code GET /api/labels} (public; anonymous
 * readers see pseudonyms), and skip / not sure ({@code POST /api/labels/skips}, the form
 * {@code POST /objects/{objectId}/skips}; never a label, issue 16). Who is labelling is the signed-in
 * user, so {@link ApiServer} declares these after the sign-in before-handler; this class declares
 * endpoints only, no before- or after-handler.
 */
final class LabelRoutes {

    private final ServerServices services;

    LabelRoutes(ServerServices services) {
        this.services = services;
    }

    /** Declares the label endpoints on {@code app}. */
    void routes(Javalin app) {
        LabelHandlers labels = new LabelHandlers(services.labels());
        app.post("/api/labels", labels::submit);
        app.get("/api/labels", new LabelExportHandler(services.labelExport())::export);
        app.post("/objects/{objectId}/labels", labels::submitForm);
        SkipHandlers skips = new SkipHandlers(services.skips());
        app.post("/api/labels/skips", skips::submit);
        app.post("/objects/{objectId}/skips", skips::submitForm);
    }
}
