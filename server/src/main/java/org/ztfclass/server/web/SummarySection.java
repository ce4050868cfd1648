package org.ztfclass.server.web;

import java.util.Locale;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.domain.ZtfObject;

/** The object's summary: position, detections, first detection, peak magnitudes, current label, funnel outcome. */
final class SummarySection implements ObjectSection {

    @Override
    public void render(ObjectView v, StringBuilder b) {
        ZtfObject o = v.object();
        b.append("<section class=\"panel\" aria-labelledby=\"summary-h\"><h2 id=\"summary-h\">Summary</h2>\n<table><caption class=\"visually-hidden\">")
                .append("What the store knows of ").append(Html.e(o.objectId())).append("</caption><tbody>\n");
        row(b, "Position (ICRS)", o.ra() == null ? "unknown" : String.format(Locale.ROOT, "RA %.6f°, Dec %+.6f°", o.ra(), o.dec()));
        row(b, "Detections", Integer.toString(o.nDetections()));
        row(b, "First detection", o.firstDetectionJd() == null ? "–"
                : String.format(Locale.ROOT, "MJD %.3f", o.firstDetectionJd() - Detection.MJD_OFFSET));
        row(b, "Peak magnitude", "g " + Html.num(o.peakMagG(), 2) + ", r " + Html.num(o.peakMagR(), 2) + ", i " + Html.num(o.peakMagI(), 2));
        row(b, "Current label", o.labelClass() == null ? "none" : o.labelClass() + " (" + o.labelFineClass() + ")");
        row(b, "Filter funnel", o.droppedBy() == null ? (o.dropReason() == null ? "passed (or not run)" : o.dropReason())
                : "dropped by " + o.droppedBy() + ": " + o.dropReason());
        b.append("</tbody></table>\n<p>Data: <a href=\"/api/objects/").append(Html.url(o.objectId())).append("\">JSON</a>, light curve ")
                .append("<a href=\"/api/objects/").append(Html.url(o.objectId())).append("/lightcurve?format=votable\">VOTable</a>.</p>\n</section>\n");
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append("<tr><th scope=\"row\">").append(Html.e(name)).append("</th><td>").append(Html.e(value)).append("</td></tr>\n");
    }
}
