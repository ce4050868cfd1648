package org.ztfclass.server.web;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.server.store.PredictionStore;
import org.ztfclass.server.store.StoredAlert;
import org.ztfclass.server.store.StoredLabel;
import org.ztfclass.votables.domain.CatalogueEntry;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.domain.Prediction;
import org.ztfclass.votables.domain.ZtfObject;

/**
 * {@code /objects/{objectId}}: a plain, accessible page for one object (the address VOTables and
 * SAMP answers link to): summary, model probabilities, label history, catalogue rows, the
 * cutout triplet and the light curve as a table with links to its VOTable. Server-rendered, no
 * script, no external asset. The interactive page (light-curve plot, Aladin Lite, centroid plot,
 * labelling) is the web-application work still to come.
 */
public final class ObjectPage {

    private final ObjectQueries queries;
    private final PredictionStore predictions;
    private final CrossmatchPanel crossmatch;

    public ObjectPage(ObjectQueries queries, PredictionStore predictions) {
        this(queries, predictions, null);
    }

    /** @param crossmatch the multi-survey panel (cross-matches, radio and multi-survey plots), or null for none */
    public ObjectPage(ObjectQueries queries, PredictionStore predictions, CrossmatchPanel crossmatch) {
        this.queries = queries;
        this.predictions = predictions;
        this.crossmatch = crossmatch;
    }

    /** Renders {@code /objects/{objectId}}; an unknown object gets a 404 page that says so. */
    public void render(Context ctx) throws SQLException {
        String id = ctx.pathParam("objectId");
        var found = queries.object(id);
        if (found.isEmpty()) {
            ctx.status(404);
            ctx.contentType("text/html; charset=utf-8");
            ctx.result("<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Unknown object - ztfclass</title></head>\n"
                    + "<body><main><h1>Unknown object</h1><p>This ztfclass store has no object " + e(id)
                    + ".</p><p><a href=\"/\">ztfclass</a></p></main></body>\n</html>\n");
            return;
        }
        ZtfObject o = found.get();
        StringBuilder b = new StringBuilder();
        b.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").append(e(id))
                .append(" - ztfclass</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem;line-height:1.5;color:#1a1a1a;overflow-wrap:anywhere}\n")
                .append("a{color:#0645ad}a:focus{outline:3px solid #ffbf47}\n")
                .append("table{border-collapse:collapse;font-size:.95rem}th,td{border-bottom:1px solid #ccc;padding:.25rem .5rem;text-align:left}\n")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}.scroll{overflow-x:auto}\n")
                .append(".cutouts{display:flex;flex-wrap:wrap;gap:1rem}.cutouts figure{margin:0}.cutouts img{width:min(252px,90vw);height:auto;image-rendering:pixelated}\n")
                .append("</style>\n</head>\n<body>\n<header><p><a href=\"/\">ztfclass</a> · <a href=\"/funnel\">funnel</a></p>")
                .append("<h1>").append(e(id)).append("</h1></header>\n<main>\n");
        b.append("<h2>Summary</h2>\n<table><caption>What the store knows of ").append(e(id)).append("</caption><tbody>\n");
        row(b, "Position (ICRS)", o.ra() == null ? "unknown" : String.format(Locale.ROOT, "RA %.6f°, Dec %+.6f°", o.ra(), o.dec()));
        row(b, "Detections", Integer.toString(o.nDetections()));
        row(b, "Peak magnitude", String.format(Locale.ROOT, "g %s, r %s, i %s", mag(o.peakMagG()), mag(o.peakMagR()), mag(o.peakMagI())));
        row(b, "Current label", o.labelClass() == null ? "none" : o.labelClass() + " (" + o.labelFineClass() + ")");
        row(b, "Filter funnel", o.droppedBy() == null ? (o.dropReason() == null ? "passed (or not run)" : o.dropReason())
                : "dropped by " + o.droppedBy() + ": " + o.dropReason());
        b.append("</tbody></table>\n");

        List<Prediction> ps = predictions.of(id);
        b.append("<h2>Model probabilities</h2>\n");
        if (ps.isEmpty()) {
            b.append("<p>No model has scored this object yet.</p>\n");
        } else {
            b.append("<table><caption>Probabilities per class, newest model first</caption><thead><tr><th scope=\"col\">Model</th>")
                    .append("<th scope=\"col\">SN Ia</th><th scope=\"col\">SN II</th><th scope=\"col\">Other</th><th scope=\"col\">Class</th></tr></thead><tbody>\n");
            for (Prediction p : ps) {
                b.append(String.format(Locale.ROOT, "<tr><th scope=\"row\">%s</th><td class=\"n\">%.3f</td><td class=\"n\">%.3f</td><td class=\"n\">%.3f</td><td>%s</td></tr>%n",
                        e(p.modelVersion()), p.pSnIa(), p.pSnII(), p.pOther(), p.predictedClass()));
            }
            b.append("</tbody></table>\n");
        }

        List<StoredLabel> labels = queries.labels(id);
        b.append("<h2>Label history</h2>\n");
        if (labels.isEmpty()) {
            b.append("<p>No label yet.</p>\n");
        } else {
            b.append("<table><caption>Label events, oldest first</caption><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Class</th>")
                    .append("<th scope=\"col\">As given</th><th scope=\"col\">Source</th><th scope=\"col\">By</th></tr></thead><tbody>\n");
            for (StoredLabel l : labels) {
                b.append("<tr><td>").append(e(l.createdAt())).append("</td><td>").append(e(l.topClass())).append("</td><td>")
                        .append(e(l.fineClass())).append("</td><td>").append(e(l.source())).append("</td><td>")
                        .append(e(l.userName() != null ? l.userName() : l.sourceRef())).append("</td></tr>\n");
            }
            b.append("</tbody></table>\n");
        }

        List<CatalogueEntry> entries = queries.catalogueEntries(id);
        if (!entries.isEmpty()) {
            b.append("<h2>Catalogues</h2>\n<table><caption>Catalogue rows (peak absolute magnitude and redshift come from ")
                    .append("spectroscopy: shown, never used by the classifier)</caption><thead><tr><th scope=\"col\">Catalogue</th>")
                    .append("<th scope=\"col\">Name</th><th scope=\"col\">Class</th><th scope=\"col\">Peak mag</th><th scope=\"col\">Rise (d)</th>")
                    .append("<th scope=\"col\">Fade (d)</th><th scope=\"col\">Redshift</th></tr></thead><tbody>\n");
            for (CatalogueEntry c : entries) {
                b.append("<tr><th scope=\"row\">").append(e(c.catalogue())).append("</th><td>").append(e(c.altName())).append("</td><td>")
                        .append(e(c.fineClass())).append("</td><td class=\"n\">").append(mag(c.peakMag())).append("</td><td class=\"n\">")
                        .append(num(c.riseDays())).append("</td><td class=\"n\">").append(num(c.fadeDays())).append("</td><td class=\"n\">")
                        .append(num(c.redshift())).append("</td></tr>\n");
            }
            b.append("</tbody></table>\n");
        }

        List<StoredAlert> alerts = queries.alerts(id);
        b.append("<h2>Cutouts</h2>\n");
        if (alerts.isEmpty() || alerts.get(0).cutouts().isEmpty()) {
            b.append("<p>No cutouts: they come only with alert packets.</p>\n");
        } else {
            String base = "/api/objects/" + e(id) + "/cutouts/";
            b.append("<div class=\"cutouts\">\n");
            for (String[] k : new String[][] {{"science", "Science"}, {"template", "Reference"}, {"difference", "Difference"}}) {
                b.append("<figure><img src=\"").append(base).append(k[0]).append(".png\" width=\"252\" height=\"252\" alt=\"")
                        .append(k[1]).append(" image of ").append(e(id)).append(", latest alert\"><figcaption>").append(k[1])
                        .append(" (<a href=\"").append(base).append(k[0]).append(".fits\">FITS</a>)</figcaption></figure>\n");
            }
            b.append("</div>\n");
        }

        var others = queries.photometry(id).stream().filter(p -> !p.instrument().equals("ZTF")).toList();
        if (!others.isEmpty()) {
            java.util.Map<String, Long> byInstrument = new java.util.TreeMap<>();
            others.forEach(p -> byInstrument.merge(p.instrument(), 1L, Long::sum));
            b.append("<h2>Other surveys and instruments</h2>\n<table><caption>Photometry beside ZTF's alerts</caption><thead><tr>")
                    .append("<th scope=\"col\">Instrument</th><th scope=\"col\">Points</th></tr></thead><tbody>\n");
            byInstrument.forEach((k, v) -> b.append("<tr><th scope=\"row\">").append(e(k)).append("</th><td class=\"n\">").append(v)
                    .append("</td></tr>\n"));
            b.append("</tbody></table>\n<p>All of it: <a href=\"/api/objects/").append(e(id))
                    .append("/photometry?format=votable\">VOTable</a>, <a href=\"/api/objects/").append(e(id))
                    .append("/photometry?format=json\">JSON</a>.</p>\n");
        }
        if (crossmatch != null) {
            b.append(crossmatch.render(id));
        }
        List<Detection> lc = queries.lightCurve(id);
        b.append("<h2>Light curve</h2>\n<p>").append(lc.size()).append(" points. As a table for TOPCAT: <a href=\"/api/objects/")
                .append(e(id)).append("/lightcurve?format=votable\">VOTable</a>, <a href=\"/api/objects/").append(e(id))
                .append("/lightcurve?format=json\">JSON</a>.</p>\n");
        if (!lc.isEmpty()) {
            b.append("<div class=\"scroll\"><table><caption>Detections and upper limits in time order</caption><thead><tr>")
                    .append("<th scope=\"col\">MJD</th><th scope=\"col\">Band</th><th scope=\"col\">Mag</th><th scope=\"col\">Error</th>")
                    .append("<th scope=\"col\">Limit</th></tr></thead><tbody>\n");
            for (Detection d : lc) {
                b.append(String.format(Locale.ROOT, "<tr><td class=\"n\">%.4f</td><td>%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>%n",
                        d.jd() - Detection.MJD_OFFSET, d.band().letter(), d.isUpperLimit() ? "&gt; limit" : mag(d.magpsf()),
                        mag(d.sigmapsf()), mag(d.diffmaglim())));
            }
            b.append("</tbody></table></div>\n");
        }
        b.append("</main>\n</body>\n</html>\n");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(b.toString());
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append("<tr><th scope=\"row\">").append(e(name)).append("</th><td>").append(e(value)).append("</td></tr>\n");
    }

    private static String mag(Double m) {
        return m == null ? "–" : String.format(Locale.ROOT, "%.2f", m);
    }

    private static String num(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String e(String s) {
        return FunnelPage.escape(s);
    }
}
