package org.ztfclass.server.web;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.ztfclass.server.store.PredictionStore;
import org.ztfclass.votables.domain.Prediction;

/** The model probabilities per class, newest model version first, each with its version. */
final class ProbabilitySection implements ObjectSection {

    private final PredictionStore predictions;

    ProbabilitySection(PredictionStore predictions) {
        this.predictions = predictions;
    }

    @Override
    public void render(ObjectView v, StringBuilder b) throws SQLException {
        List<Prediction> ps = predictions.of(v.id());
        b.append("<section class=\"panel\" aria-labelledby=\"prob-h\"><h2 id=\"prob-h\">Model probabilities</h2>\n");
        if (ps.isEmpty()) {
            b.append("<p>No model has scored this object yet.</p>\n");
        } else {
            b.append("<table><caption>Probability per class, newest model first</caption><thead><tr><th scope=\"col\">Model version</th>")
                    .append("<th scope=\"col\">SN Ia</th><th scope=\"col\">SN II</th><th scope=\"col\">Other</th><th scope=\"col\">Class</th></tr></thead><tbody>\n");
            for (Prediction p : ps) {
                b.append(String.format(Locale.ROOT, "<tr><th scope=\"row\">%s</th><td class=\"n\">%.3f</td><td class=\"n\">%.3f</td>"
                        + "<td class=\"n\">%.3f</td><td>%s</td></tr>%n", Html.e(p.modelVersion()), p.pSnIa(), p.pSnII(), p.pOther(),
                        p.predictedClass()));
            }
            b.append("</tbody></table>\n");
        }
        b.append("</section>\n");
    }
}
