package org.ztfclass.server.web;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.ztfclass.server.crossmatch.CatalogueStatus;
import org.ztfclass.server.crossmatch.CrossmatchRow;
import org.ztfclass.server.store.CachedCrossmatch;
import org.ztfclass.server.store.CrossmatchCache;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.server.store.StoredAlert;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.domain.PhotometryPoint;

/**
 * The object page's multi-survey part, as an HTML fragment: the alert's own context fields, the
 * cached catalogue cross-matches (state per catalogue with age and staleness, then the sources
 * with their magnitudes or flux densities), the radio spectrum (flux density vs frequency) and
 * radio light curve, and the multi-survey optical light curve. Plots are inline SVG with the same
 * numbers in tables beside them. Reads only the store (never a remote service). Its script
 * {@code /js/crossmatch-panel.js} hands the matches to an Aladin Lite view when the page has one.
 * Thread-safe.
 */
public final class CrossmatchPanel {

    private final CrossmatchCache cache;
    private final ObjectQueries queries;

    public CrossmatchPanel(CrossmatchCache cache, ObjectQueries queries) {
        this.cache = cache;
        this.queries = queries;
    }

    /** @return the fragment for one (existing) object */
    public String render(String objectId) throws SQLException {
        Instant now = Instant.now();
        List<CachedCrossmatch> cached = cache.read(objectId);
        String id = e(objectId);
        String api = "/api/objects/" + id + "/crossmatches";
        StringBuilder b = new StringBuilder();
        b.append("<section id=\"crossmatches\" class=\"panel\" aria-labelledby=\"crossmatches-h\" data-crossmatches=\"").append(api)
                .append("?format=json\">\n<h2 id=\"crossmatches-h\">Cross-matches</h2>\n");
        alertContext(b, queries.alerts(objectId));
        b.append("<div class=\"scroll\" style=\"overflow-x:auto\" tabindex=\"0\" role=\"region\" aria-label=\"Catalogue states, scrollable\"><table><caption>Catalogues (from the cache; <code>ztfclass crossmatch</code> fills it)</caption>")
                .append("<thead><tr><th scope=\"col\">Catalogue</th><th scope=\"col\">Waveband</th><th scope=\"col\">State</th>")
                .append("<th scope=\"col\">Sources</th><th scope=\"col\">Radius (\")</th><th scope=\"col\">Fetched</th>")
                .append("<th scope=\"col\">Age (d)</th></tr></thead><tbody>\n");
        for (CatalogueStatus s : CatalogueStatus.of(cached, now)) {
            b.append("<tr><th scope=\"row\">").append(e(s.title())).append("</th><td>").append(e(s.waveband())).append("</td><td>")
                    .append(e(s.state())).append(s.lastError() == null ? "" : " <small>(" + e(abbreviate(s.lastError())) + ")</small>")
                    .append("</td><td class=\"n\">").append(s.nSources() == null ? "–" : s.nSources()).append("</td><td class=\"n\">")
                    .append(s.radiusArcsec() == null ? "–" : fmt("%.1f", s.radiusArcsec())).append("</td><td>")
                    .append(s.fetchedAt() == null ? "–" : HtmlTime.of(s.fetchedAt())).append("</td><td class=\"n\">")
                    .append(s.ageDays() == null ? "–" : fmt("%.1f", s.ageDays())).append("</td></tr>\n");
        }
        b.append("</tbody></table></div>\n");
        List<CrossmatchRow> rows = CrossmatchRow.of(cached, now);
        if (rows.isEmpty()) {
            b.append("<p>No catalogue source cached for this object.</p>\n");
        } else {
            b.append("<div class=\"scroll\" style=\"overflow-x:auto\" tabindex=\"0\" role=\"region\" aria-label=\"Catalogue sources, scrollable\"><table><caption>Catalogue sources near the object, nearest first per catalogue</caption><thead><tr>")
                    .append("<th scope=\"col\">Catalogue</th><th scope=\"col\">Source</th><th scope=\"col\">Separation (\")</th>")
                    .append("<th scope=\"col\">Quantity</th><th scope=\"col\">Value</th><th scope=\"col\">Error</th><th scope=\"col\">Unit</th>")
                    .append("</tr></thead><tbody>\n");
            for (CrossmatchRow r : rows) {
                boolean flux = r.fluxUJy() != null;
                b.append("<tr><td>").append(e(r.catalogueTitle())).append(r.stale() ? " (stale)" : "").append("</td><td>")
                        .append(e(r.sourceId())).append("</td><td class=\"n\">").append(fmt("%.2f", r.separationArcsec())).append("</td><td>")
                        .append(r.quantity() == null ? "–" : e(r.quantity())).append("</td><td class=\"n\">")
                        .append(flux ? fmt("%.1f", r.fluxUJy()) : r.mag() == null ? "–" : fmt("%.3f", r.mag())).append("</td><td class=\"n\">")
                        .append(flux ? num(r.fluxErrUJy(), "%.1f") : num(r.magErr(), "%.3f")).append("</td><td>")
                        .append(flux ? "µJy" : r.mag() == null ? "" : "mag (" + e(r.magSystem()) + ")").append("</td></tr>\n");
            }
            b.append("</tbody></table></div>\n");
        }
        b.append("<p>As tables (TOPCAT, Aladin overlays): <a href=\"").append(api).append("?format=votable\">VOTable</a>, <a href=\"")
                .append(api).append("?format=json\">JSON</a>.</p>\n");
        List<PhotometryPoint> photometry = queries.photometry(objectId);
        radio(b, photometry);
        optical(b, photometry, queries.lightCurve(objectId));
        b.append("<script src=\"/js/crossmatch-panel.js\" defer></script>\n</section>\n");
        return b.toString();
    }

    private static void alertContext(StringBuilder b, List<StoredAlert> alerts) {
        if (alerts.isEmpty()) {
            b.append("<p>No alert packet: the alert's own neighbour fields (PS1, Gaia) are not known.</p>\n");
            return;
        }
        StoredAlert a = alerts.stream().max(java.util.Comparator.comparingDouble(StoredAlert::jd)).orElseThrow();
        b.append("<p>From the latest alert (candid ").append(a.candid()).append(", no query needed): nearest Pan-STARRS1 source at ")
                .append(num(a.distpsnr1(), "%.2f")).append("″, star/galaxy score ").append(num(a.sgscore1(), "%.2f"))
                .append(" (1 = star); nearest Gaia source at ").append(num(a.neargaia(), "%.2f")).append("″.</p>\n");
    }

    private static void radio(StringBuilder b, List<PhotometryPoint> photometry) {
        List<PhotometryPoint> radio = photometry.stream().filter(p -> p.frequencyGHz() != null).toList();
        if (radio.isEmpty()) {
            return;
        }
        b.append("<h3>Radio and millimetre photometry</h3>\n");
        Map<String, List<SvgScatter.Point>> spectrum = new TreeMap<>();
        Map<String, List<SvgScatter.Point>> curve = new TreeMap<>();
        for (PhotometryPoint p : radio) {
            if (p.fluxUJy() != null) {
                spectrum.computeIfAbsent(p.instrument(), k -> new ArrayList<>()).add(new SvgScatter.Point(p.frequencyGHz(), p.fluxUJy(), p.fluxErrUJy()));
                curve.computeIfAbsent(fmt("%.3g GHz", p.frequencyGHz()), k -> new ArrayList<>())
                        .add(new SvgScatter.Point(p.mjd(), p.fluxUJy(), p.fluxErrUJy()));
            }
        }
        SvgScatter sed = new SvgScatter("Radio spectrum", "frequency (GHz, log)", "flux density (µJy, log)", true, true, false);
        spectrum.forEach(sed::add);
        SvgScatter lc = new SvgScatter("Radio light curve", "MJD", "flux density (µJy, log)", false, true, false);
        curve.forEach(lc::add);
        if (!sed.isEmpty()) {
            b.append("<figure>").append(sed.render("radio-sed", "Flux density against frequency for every radio detection, one marker per telescope; "
                    + "the table below gives the same points.")).append("<figcaption>Flux density vs frequency (detections; limits in the table)</figcaption></figure>\n");
            b.append("<figure>").append(lc.render("radio-lc", "Flux density against time, one marker per observed frequency; "
                    + "the table below gives the same points.")).append("<figcaption>Radio light curve by frequency</figcaption></figure>\n");
        }
        b.append("<div class=\"scroll\" style=\"overflow-x:auto\" tabindex=\"0\" role=\"region\" aria-label=\"Radio points, scrollable\"><table><caption>Radio points (flux densities in µJy; a non-detection shows its 1σ noise)</caption>")
                .append("<thead><tr><th scope=\"col\">MJD</th><th scope=\"col\">Telescope</th><th scope=\"col\">Frequency (GHz)</th>")
                .append("<th scope=\"col\">Flux density</th><th scope=\"col\">Error</th></tr></thead><tbody>\n");
        for (PhotometryPoint p : radio) {
            b.append("<tr><td class=\"n\">").append(fmt("%.3f", p.mjd())).append("</td><td>").append(e(p.instrument())).append("</td><td class=\"n\">")
                    .append(fmt("%.3f", p.frequencyGHz())).append("</td><td class=\"n\">")
                    .append(p.fluxUJy() == null ? "not detected" : fmt("%.1f", p.fluxUJy())).append("</td><td class=\"n\">")
                    .append(num(p.fluxErrUJy(), "%.1f")).append("</td></tr>\n");
        }
        b.append("</tbody></table></div>\n");
    }

    private static void optical(StringBuilder b, List<PhotometryPoint> photometry, List<Detection> ztf) {
        Map<String, List<SvgScatter.Point>> series = new TreeMap<>();
        int n = 0;
        for (Detection d : ztf) {
            if (!d.isUpperLimit() && d.magpsf() != null) {
                series.computeIfAbsent("ZTF " + d.band().letter(), k -> new ArrayList<>())
                        .add(new SvgScatter.Point(d.jd() - Detection.MJD_OFFSET, d.magpsf(), d.sigmapsf()));
                n++;
            }
        }
        int others = 0;
        for (PhotometryPoint p : photometry) {
            if (p.frequencyGHz() == null && p.mag() != null && !p.instrument().equals("ZTF")) {
                series.computeIfAbsent(p.instrument() + (p.band() == null ? "" : " " + p.band()), k -> new ArrayList<>())
                        .add(new SvgScatter.Point(p.mjd(), p.mag(), p.magErr()));
                others++;
            }
        }
        if (others == 0) {
            return;
        }
        SvgScatter plot = new SvgScatter("Multi-survey light curve", "MJD", "AB magnitude", false, false, true);
        series.forEach(plot::add);
        b.append("<h3>Multi-survey light curve</h3>\n<figure>").append(plot.render("multi-lc", "Magnitude against time for ZTF alerts ("
                + n + " detections) and other surveys (" + others + " detections), one marker per survey and band; "
                + "the photometry VOTable and the light-curve table give the same points.")).append("<figcaption>Detections from ZTF and ")
                .append("other surveys (non-detections are in the <a href=\"#crossmatches-h\">photometry tables</a>)</figcaption></figure>\n");
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    private static String num(Double v, String format) {
        return v == null ? "–" : fmt(format, v);
    }

    private static String fmt(String format, Object v) {
        return String.format(Locale.ROOT, format, v);
    }

    private static String e(String s) {
        return FunnelPage.escape(s);
    }
}
