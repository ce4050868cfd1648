package org.ztfclass.server.web;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.ztfclass.server.learning.ModelVersions;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.domain.PhotometryPoint;

/**
 * The light curve: an interactive uPlot chart ({@code /js/lightcurve.js}: zoom, pan, band
 * toggles, error bars, upper limits as downward triangles, values under the cursor, magnitude
 * axis inverted, days since first detection or MJD, other instruments' optical photometry (ZTF
 * forced photometry, ATLAS, PS1) as series of their own, and a g − r colour panel when g and r
 * were detected less than a day apart; the phases at which the serving model's early
 * classification was measured, with its macro AUC, as dashed lines after first detection) drawn from the points embedded in the page as JSON, and as its
 * text alternative a summary and the full table of points.
 */
final class LightCurveSection implements ObjectSection {

    private final ObjectQueries queries;

    /** @param queries for the object's other photometry (ZTF forced photometry, ATLAS, PS1) drawn with the alerts' */
    LightCurveSection(ObjectQueries queries) {
        this.queries = queries;
    }

    static final String UPLOT = "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js";

    @Override
    public List<String> scripts() {
        return List.of(UPLOT, "/js/lightcurve.js");
    }

    @Override
    public void render(ObjectView v, StringBuilder b) throws SQLException {
        List<Detection> lc = v.lightCurve();
        List<PhotometryPoint> other = queries.surveyPhotometry(v.id()).stream()
                .filter(p -> p.frequencyGHz() == null && (p.mag() != null || p.limitMag() != null)).toList();
        long detections = lc.stream().filter(d -> !d.isUpperLimit()).count();
        b.append("<section class=\"panel\" aria-labelledby=\"lc-h\"><h2 id=\"lc-h\">Light curve</h2>\n");
        b.append("<p id=\"lc-summary\">").append(summary(lc, detections));
        if (!other.isEmpty()) {
            b.append(" ").append(Html.e(String.format(Locale.ROOT, "%d points of other photometry (%s).", other.size(),
                    String.join(", ", other.stream().map(PhotometryPoint::instrument).distinct().sorted().toList()))));
        }
        List<EarlyPhases.Phase> early = EarlyPhases.of(new ModelVersions(queries.database()).servingManifest().orElse(null));
        if (!early.isEmpty()) {
            b.append(" Early classification by the serving model (cross-validated macro AUC from the first days of light curve; "
                    + "dashed lines): ").append(String.join(", ", early.stream().map(p -> String.format(Locale.ROOT, "%.2f at %d d",
                            p.macroAuc(), p.days())).toList())).append(".");
        }
        b.append("</p>\n");
        if (!lc.isEmpty() || !other.isEmpty()) {
            b.append("<link rel=\"stylesheet\" href=\"/webjars/uplot/1.6.30/dist/uPlot.min.css\">\n")
                    .append("<div id=\"lc-controls\" class=\"filters\" hidden></div>\n")
                    .append("<div id=\"lc-plot\" class=\"plot\" role=\"img\" aria-label=\"Light curve plot of ").append(Html.e(v.id()))
                    .append(": magnitude against time; the table below has every point\"></div>\n")
                    .append("<script type=\"application/json\" id=\"lc-data\">").append(json(lc)).append("</script>\n")
                    .append("<script type=\"application/json\" id=\"lc-other\">").append(otherJson(other)).append("</script>\n")
                    .append("<script type=\"application/json\" id=\"lc-early\">").append(earlyJson(early)).append("</script>\n")
                    .append("<details><summary>Table of the ").append(lc.size()).append(" points</summary>\n<div class=\"scroll\"><table id=\"lc-table\">")
                    .append("<caption>Detections and upper limits in time order</caption><thead><tr><th scope=\"col\">MJD</th><th scope=\"col\">Band</th>")
                    .append("<th scope=\"col\">Mag</th><th scope=\"col\">Error</th><th scope=\"col\">Limit</th></tr></thead><tbody>\n");
            for (Detection d : lc) {
                b.append(String.format(Locale.ROOT, "<tr><td class=\"n\">%.4f</td><td>%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
                        + "<td class=\"n\">%s</td></tr>%n", d.jd() - Detection.MJD_OFFSET, d.band().letter(),
                        d.isUpperLimit() ? "&gt; limit" : Html.num(d.magpsf(), 2), Html.num(d.sigmapsf(), 2), Html.num(d.diffmaglim(), 2)));
            }
            b.append("</tbody></table></div></details>\n");
        }
        b.append("</section>\n");
    }

    private static String summary(List<Detection> lc, long detections) {
        if (lc.isEmpty()) {
            return "No ZTF alert photometry.";
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%d detections and %d upper limits", detections, lc.size() - detections));
        lc.stream().filter(d -> !d.isUpperLimit() && d.magpsf() != null).min(java.util.Comparator.comparingDouble(Detection::magpsf))
                .ifPresent(p -> s.append(String.format(Locale.ROOT, "; brightest %.2f mag in %s at MJD %.2f", p.magpsf(), p.band().letter(),
                        p.jd() - Detection.MJD_OFFSET)));
        double span = lc.get(lc.size() - 1).jd() - lc.get(0).jd();
        s.append(String.format(Locale.ROOT, "; spanning %.1f days.", span));
        return Html.e(s.toString());
    }

    /** @return the points as JSON rows {@code [mjd, band, mag, err, limit]}, safe inside a script element */
    private static String json(List<Detection> lc) {
        StringBuilder j = new StringBuilder("[");
        for (Detection d : lc) {
            if (j.length() > 1) {
                j.append(',');
            }
            j.append('[').append(String.format(Locale.ROOT, "%.5f", d.jd() - Detection.MJD_OFFSET)).append(",\"").append(d.band().letter())
                    .append("\",").append(d.isUpperLimit() ? "null" : number(d.magpsf())).append(',').append(number(d.sigmapsf())).append(',')
                    .append(d.isUpperLimit() ? number(d.diffmaglim()) : "null").append(']');
        }
        return j.append(']').toString();
    }

    /**
     * @return other instruments' optical points as JSON rows {@code [mjd, "INSTRUMENT band", mag, err, limit]}
     *         (e.g. {@code "ZTF-forced g"}, {@code "ATLAS o"}), safe inside a script element
     */
    private static String otherJson(List<PhotometryPoint> other) {
        StringBuilder j = new StringBuilder("[");
        for (PhotometryPoint p : other) {
            if (j.length() > 1) {
                j.append(',');
            }
            String series = (p.instrument() + " " + (p.band() == null ? "" : p.band())).strip().replaceAll("[^A-Za-z0-9 _.+-]", "");
            j.append('[').append(String.format(Locale.ROOT, "%.5f", p.mjd())).append(",\"").append(series).append("\",")
                    .append(p.isUpperLimit() ? "null" : number(p.mag())).append(',').append(number(p.magErr())).append(',')
                    .append(p.isUpperLimit() ? number(p.limitMag()) : "null").append(']');
        }
        return j.append(']').toString();
    }

    /** @return the phases as JSON rows {@code [days, macroAuc]} */
    private static String earlyJson(List<EarlyPhases.Phase> early) {
        return "[" + String.join(",", early.stream().map(p -> String.format(Locale.ROOT, "[%d,%.4f]", p.days(), p.macroAuc())).toList()) + "]";
    }

    private static String number(Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? "null" : String.format(Locale.ROOT, "%.4f", v);
    }
}
