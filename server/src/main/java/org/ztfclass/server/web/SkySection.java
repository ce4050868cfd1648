package org.ztfclass.server.web;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.ztfclass.server.store.ObjectQueries;

/**
 * The sky around the object: Aladin Lite v3 (shipped under {@code /vendor/aladin-lite/}, loaded
 * by {@code /js/skyview.js} when the reader asks, as it is 2.4 MB) centred on the object, with
 * the ztfclass objects of our cone search ({@code /scs}, VOTable) overlaid and coloured by class.
 * Without WebGL2 or without network for the HiPS tiles it says so and the table stays. The table
 * of nearby objects (within {@link #RADIUS_DEG}) is the text alternative and works without script.
 */
final class SkySection implements ObjectSection {

    static final double RADIUS_DEG = 0.05;

    private final ObjectQueries queries;

    SkySection(ObjectQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<String> scripts() {
        return List.of("module:/js/skyview.js");
    }

    @Override
    public void render(ObjectView v, StringBuilder b) throws SQLException {
        b.append("<section class=\"panel\" aria-labelledby=\"sky-h\"><h2 id=\"sky-h\">Sky</h2>\n");
        if (v.object().ra() == null) {
            b.append("<p>Position unknown: no sky view.</p>\n</section>\n");
            return;
        }
        double ra = v.object().ra();
        double dec = v.object().dec();
        b.append(String.format(Locale.ROOT, "<div id=\"sky\" data-ra=\"%.7f\" data-dec=\"%.7f\" data-radius=\"%.3f\" data-object-id=\"%s\">",
                ra, dec, RADIUS_DEG, Html.e(v.id())))
                .append("<p><button type=\"button\" id=\"sky-show\">Show sky view (Aladin Lite)</button></p>")
                .append("<div id=\"sky-view\" class=\"sky\" hidden></div><p id=\"sky-status\" role=\"status\" aria-live=\"polite\"></p></div>\n");
        var near = queries.inCone(ra, dec, RADIUS_DEG, 50);
        b.append("<div class=\"scroll\"><table id=\"nearby\"><caption>ztfclass objects within ")
                .append(String.format(Locale.ROOT, "%.0f″", RADIUS_DEG * 3600)).append("</caption><thead><tr><th scope=\"col\">Object</th>")
                .append("<th scope=\"col\">Distance (″)</th><th scope=\"col\">Label</th><th scope=\"col\">Predicted</th></tr></thead><tbody>\n");
        for (ObjectQueries.InCone c : near) {
            var o = c.object();
            b.append("<tr><th scope=\"row\"><a href=\"/objects/").append(Html.url(o.objectId())).append("\">").append(Html.e(o.objectId()))
                    .append("</a></th><td class=\"n\">").append(String.format(Locale.ROOT, "%.1f", c.distanceDeg() * 3600)).append("</td><td>")
                    .append(o.labelClass() == null ? "none" : Html.e(o.labelClass())).append("</td><td>")
                    .append(o.prediction() == null ? "–" : Html.e(o.prediction().predictedClass().name())).append("</td></tr>\n");
        }
        b.append("</tbody></table></div>\n</section>\n");
    }
}
