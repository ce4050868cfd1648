package org.ztfclass.server.web;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.ztfclass.server.auth.WebAuth;
import org.ztfclass.server.store.ObjectDataLoader;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.server.store.PredictionStore;
import org.ztfclass.votables.domain.ZtfObject;

/**
 * {@code /objects/{objectId}} (the address VOTables and SAMP answers link to): the object's page,
 * made of {@link ObjectSection}s: first the workspace a labeller needs in one view (cutouts, light
 * curve, model probabilities, label box with the next-object control; side by side from 1,100 px,
 * stacked on phones), then a responsive grid of the rest: summary, centroid, sky, catalogues. Readable by anyone; labelling needs the
 * labeller role. To add a panel, add a section to {@link #sections} (and its script, if any).
 * An unknown object gets a 404 page that says so.
 */
public final class ObjectPage {

    private final ObjectQueries queries;
    /** The workspace, what a labeller needs in one view: cutouts and probabilities side by side with the light curve and the label box. */
    private final List<ObjectSection> side = new ArrayList<>();
    private final ObjectSection lightCurve;
    private final ObjectSection labelBox;
    private final List<ObjectSection> sections = new ArrayList<>();

    /**
     * @param objectData what the classifier reads of an object, to say why an unscored object is never scored
     * @param listing    the object list, for the nearby objects of the sky section
     * @param crossmatch the multi-survey panel (cross-matches, radio and multi-survey plots), or null for none
     */
    public ObjectPage(ObjectQueries queries, PredictionStore predictions, ObjectDataLoader objectData,
            org.ztfclass.server.store.ObjectListing listing, CrossmatchPanel crossmatch) {
        this.queries = queries;
        side.add(new CutoutSection());
        side.add(new ProbabilitySection(predictions, objectData));
        lightCurve = new LightCurveSection(queries);
        labelBox = new LabelSection(queries);
        sections.add(new SummarySection());
        sections.add(new CentroidSection());
        sections.add(new SkySection(listing));
        sections.add(new CatalogueSection(queries));
        if (crossmatch != null) {
            sections.add((view, out) -> out.append(crossmatch.render(view.id())));
        }
    }

    /** Adds a panel after the existing ones (e.g. cross-matches). */
    public ObjectPage add(ObjectSection section) {
        sections.add(section);
        return this;
    }

    /** Renders {@code /objects/{objectId}}, every section reading through one store connection. */
    public void render(Context ctx) throws SQLException {
        try (org.ztfclass.server.store.ReadScope scope = queries.readScope()) {
            renderIn(ctx);
        }
    }

    private void renderIn(Context ctx) throws SQLException {
        String id = ctx.pathParam("objectId");
        Optional<ZtfObject> found = queries.object(id);
        if (found.isEmpty()) {
            ctx.status(404);
            Layout.send(ctx, "Unknown object", "<p>This ztfclass store has no object " + Html.e(id) + ". <a href=\"/queue\">The object list</a>.</p>\n");
            return;
        }
        ObjectView view = new ObjectView(found.get(), queries.lightCurve(id), queries.alerts(id), WebAuth.principal(ctx).orElse(null),
                WebAuth.csrfToken(ctx));
        StringBuilder b = new StringBuilder(16384);
        LinkedHashSet<String> scripts = new LinkedHashSet<>();
        b.append("<div class=\"workspace\">\n<div class=\"ws-side\">\n");
        for (ObjectSection w : side) {
            render(w, view, b, scripts);
        }
        b.append("</div>\n<div class=\"ws-lc\">\n");
        render(lightCurve, view, b, scripts);
        b.append("</div>\n<div class=\"ws-label\">\n");
        render(labelBox, view, b, scripts);
        b.append("</div>\n</div>\n<div class=\"grid\">\n");
        for (ObjectSection s : sections) {
            render(s, view, b, scripts);
        }
        b.append("</div>\n");
        Layout.send(ctx, id, b.toString(), scripts.toArray(String[]::new));
    }

    private static void render(ObjectSection s, ObjectView view, StringBuilder b, LinkedHashSet<String> scripts) throws SQLException {
        s.render(view, b);
        scripts.addAll(s.scripts());
    }
}
