package org.ztfclass.server.api;

import io.javalin.Javalin;
import java.nio.file.Path;
import org.ztfclass.server.web.CrossmatchPanel;
import org.ztfclass.server.web.ModelPage;
import org.ztfclass.server.web.ObjectPage;
import org.ztfclass.server.web.QueuePage;
import org.ztfclass.server.web.StreamPage;

/**
 * The pages for people (HTML, {@code org.ztfclass.server.web}), over the services they are given:
 * {@code /stream}, {@code /funnel}, the object page {@code /objects/{objectId}}, the object list
 * {@code /queue} and {@code /queue/next}, and the model page {@code /model} with its report files.
 * Sign-in and account pages are {@link AccountRoutes}'s, the label forms {@link LabelRoutes}'s, the
 * learning pages {@link LearningHandlers}'s. Declares endpoints only, no before- or after-handler,
 * so where {@link ApiServer} calls {@link #routes} does not change what a request meets first.
 */
final class WebRoutes {

    private final ServerServices services;
    private final ModelPage modelPage;

    WebRoutes(ServerServices services) {
        this.services = services;
        this.modelPage = new ModelPage(services.database());
    }

    /** Declares the pages on {@code app}. */
    void routes(Javalin app) {
        app.get("/stream", new StreamPage(services.stream())::show);
        app.get("/funnel", new FunnelHandlers(services.funnel())::page);
        app.get("/objects/{objectId}", new ObjectPage(services.objects(), services.predictions(), services.objectData(), services.listing(),
                new CrossmatchPanel(services.crossmatches(), services.objects()))::render);
        QueuePage queue = new QueuePage(services.listing(), services.initialSetQueue(), services.labellingQueue(), services.scans());
        app.get("/queue", queue::show);
        app.get("/queue/next", queue::next);
        app.get("/model", modelPage::show);
        app.get("/model/report/{file}", modelPage::reportFile);
    }

    /** Shows the full evaluation report of the bundle in {@code dir} on {@code /model} when it is the serving version. */
    void modelBundle(Path dir) {
        modelPage.bundle(dir);
    }
}
