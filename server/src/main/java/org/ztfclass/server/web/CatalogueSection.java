package org.ztfclass.server.web;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.votables.domain.CatalogueEntry;

/** Catalogue rows about the object (e.g. BTS) and a count of photometry from other surveys and instruments; nothing when there is neither. */
final class CatalogueSection implements ObjectSection {

    private final ObjectQueries queries;

    CatalogueSection(ObjectQueries queries) {
        this.queries = queries;
    }

    @Override
    public void render(ObjectView v, StringBuilder b) throws SQLException {
        String id = v.id();
        List<CatalogueEntry> entries = queries.catalogueEntries(id);
        var others = queries.surveyPhotometry(id);
        if (entries.isEmpty() && others.isEmpty()) {
            return;
        }
        b.append("<section class=\"panel\" aria-labelledby=\"cat-h\"><h2 id=\"cat-h\">Catalogues and other surveys</h2>\n");
        if (!entries.isEmpty()) {
            b.append("<div class=\"scroll\"><table><caption>Catalogue rows (peak absolute magnitude and redshift come from ")
                    .append("spectroscopy: shown, never used by the classifier)</caption><thead><tr><th scope=\"col\">Catalogue</th>")
                    .append("<th scope=\"col\">Name</th><th scope=\"col\">Class</th><th scope=\"col\">Peak mag</th><th scope=\"col\">Rise (d)</th>")
                    .append("<th scope=\"col\">Fade (d)</th><th scope=\"col\">Redshift</th></tr></thead><tbody>\n");
            for (CatalogueEntry c : entries) {
                b.append("<tr><th scope=\"row\">").append(Html.e(c.catalogue())).append("</th><td>").append(Html.e(c.altName())).append("</td><td>")
                        .append(Html.e(c.fineClass())).append("</td><td class=\"n\">").append(Html.num(c.peakMag(), 2)).append("</td><td class=\"n\">")
                        .append(Html.num(c.riseDays(), 1)).append("</td><td class=\"n\">").append(Html.num(c.fadeDays(), 1)).append("</td><td class=\"n\">")
                        .append(Html.num(c.redshift(), 4)).append("</td></tr>\n");
            }
            b.append("</tbody></table></div>\n");
        }
        if (!others.isEmpty()) {
            Map<String, Long> byInstrument = new TreeMap<>();
            others.forEach(p -> byInstrument.merge(p.instrument(), 1L, Long::sum));
            b.append("<table><caption>Photometry beside ZTF's alerts</caption><thead><tr><th scope=\"col\">Instrument</th>")
                    .append("<th scope=\"col\">Points</th></tr></thead><tbody>\n");
            byInstrument.forEach((k, n) -> b.append("<tr><th scope=\"row\">").append(Html.e(k)).append("</th><td class=\"n\">").append(n)
                    .append("</td></tr>\n"));
            b.append("</tbody></table>\n<p>All of it: <a href=\"/api/objects/").append(Html.url(id))
                    .append("/photometry?format=votable\">VOTable</a>, <a href=\"/api/objects/").append(Html.url(id))
                    .append("/photometry?format=json\">JSON</a>.</p>\n");
        }
        b.append("</section>\n");
    }
}
