package org.ztfclass.server.web;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.ztfclass.models.features.NothingToRead;
import org.ztfclass.server.store.ObjectDataLoader;
import org.ztfclass.server.store.PredictionStore;
import org.ztfclass.server.store.PredictionStore.ObjectPredictions;
import org.ztfclass.server.store.PredictionStore.VersionedPrediction;
import org.ztfclass.votables.domain.Prediction;

/**
 * The model probabilities per class, as numbers with a bar each: headlined, the current model version's (the serving one, so
 * after a rollback the version that serves, not the newest); below, as history, the other
 * versions' predictions, newest first, each with its version and status. An object no model has scored says whether
 * one will ({@link NothingToRead}: with nothing any branch can read, none ever does, and the page says why).
 */
final class ProbabilitySection implements ObjectSection {

    private final PredictionStore predictions;
    private final ObjectDataLoader objectData;

    ProbabilitySection(PredictionStore predictions, ObjectDataLoader objectData) {
        this.predictions = predictions;
        this.objectData = objectData;
    }

    @Override
    public void render(ObjectView v, StringBuilder b) throws SQLException {
        ObjectPredictions ps = predictions.forObject(v.id());
        b.append("<section class=\"panel\" aria-labelledby=\"prob-h\"><h2 id=\"prob-h\">Model probabilities</h2>\n");
        if (ps.all().isEmpty()) {
            // the classifier's own input, as store-wide scoring judged it
            String nothing = objectData.load(v.id()).map(NothingToRead::reason).orElse(null);
            b.append(nothing == null ? "<p>No model has scored this object yet.</p>\n"
                    : "<p id=\"prob-nothing\">No model scores this object: " + Html.e(nothing) + ".</p>\n");
        } else {
            var current = ps.current();
            if (current.isPresent()) {
                Prediction p = current.get().prediction();
                b.append("<p id=\"prob-current-version\">Current model version <strong>").append(Html.e(p.modelVersion()))
                        .append("</strong>").append(status(current.get())).append(" predicts <strong>")
                        .append(Html.e(p.predictedClass().name())).append("</strong>.</p>\n")
                        .append("<table id=\"prob-current\"><caption>Probability per class by the current model version, ")
                        .append(Html.e(p.modelVersion())).append("</caption><thead><tr><th scope=\"col\">Class</th>")
                        .append("<th scope=\"col\">Probability</th></tr></thead><tbody>\n");
                row(b, "SN Ia", p.pSnIa());
                row(b, "SN II", p.pSnII());
                row(b, "Other", p.pOther());
                b.append("</tbody></table>\n");
                if (readByTheCnnAlone(v)) {
                    b.append("<p id=\"prob-cnn-only\">Only the cutout network (CNN) can read this object: it has cutouts but no "
                            + "usable g or r detection and no catalogue summary, so these are the CNN's probabilities. The CNN is "
                            + "the weakest branch (see <a href=\"/model\">the model</a>): take them as little evidence.</p>\n");
                }
            } else {
                b.append("<p id=\"prob-current-version\">The current model version")
                        .append(ps.currentVersion() == null ? "" : ", <strong>" + Html.e(ps.currentVersion()) + "</strong>,")
                        .append(" has not scored this object; only other versions have (below).</p>\n");
            }
            List<VersionedPrediction> others = ps.others();
            if (!others.isEmpty()) {
                b.append("<h3 id=\"prob-history-h\">Other model versions (history, not current)</h3>\n")
                        .append("<div class=\"scroll\"><table id=\"prob-history\"><caption>")
                        .append("Predictions by model versions other than the current one, newest first</caption><thead><tr>")
                        .append("<th scope=\"col\">Model version</th><th scope=\"col\">Status</th><th scope=\"col\">SN Ia</th>")
                        .append("<th scope=\"col\">SN II</th><th scope=\"col\">Other</th><th scope=\"col\">Class</th></tr></thead><tbody>\n");
                for (VersionedPrediction vp : others) {
                    Prediction p = vp.prediction();
                    b.append(String.format(Locale.ROOT, "<tr><th scope=\"row\">%s</th><td>%s</td><td class=\"n\">%.3f</td>"
                            + "<td class=\"n\">%.3f</td><td class=\"n\">%.3f</td><td>%s</td></tr>%n", Html.e(p.modelVersion()),
                            Html.e(vp.status() == null ? "unknown" : vp.status()), p.pSnIa(), p.pSnII(), p.pOther(), p.predictedClass()));
                }
                b.append("</tbody></table></div>\n");
            }
        }
        b.append("</section>\n");
    }

    /**
     * @return whether the served answer for this object is the CNN's ({@code ModelBundle#probabilities}):
     *         cutouts, but nothing the features can read (the store is asked only when the view shows
     *         cutouts and no usable detection)
     */
    private boolean readByTheCnnAlone(ObjectView v) throws SQLException {
        if (v.alerts().isEmpty() || v.alerts().get(0).cutouts().isEmpty()
                || org.ztfclass.models.features.LightCurveFeatures.usableDetections(v.lightCurve()) > 0) {
            return false;
        }
        return objectData.load(v.id()).map(o -> !o.cutouts().isEmpty() && !NothingToRead.featuresReadable(o)).orElse(false);
    }

    private static String status(VersionedPrediction vp) {
        return vp.status() == null ? "" : vp.status().equals("serving") ? " (serving)"
                : " (" + Html.e(vp.status()) + "; no version is serving, so the newest is current)";
    }

    private static void row(StringBuilder b, String name, double p) {
        b.append(String.format(Locale.ROOT, "<tr><th scope=\"row\">%s</th><td class=\"prob\">%.3f"
                + "<span class=\"prob-track\" aria-hidden=\"true\"><span class=\"prob-bar\" style=\"width:%.1f%%\"></span></span></td></tr>%n", name, p, 100 * Math.max(0, Math.min(1, p))));
    }
}
