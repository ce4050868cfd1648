package org.ztfclass.server.web;

import java.util.List;
import java.util.Locale;
import org.ztfclass.server.learning.Agreement;
import org.ztfclass.server.learning.Dashboard;
import org.ztfclass.server.learning.JobLog;
import org.ztfclass.server.learning.ModelVersions;

/**
 * The learning pages: the dashboard ({@code /learning}: retraining progress, per-class takeover
 * with precision, recall and audits, model versions) and the agreement page
 * ({@code /learning/agreement}: Fleiss' kappa overall and per class, Cohen's kappa per pair).
 * Plain HTML tables readable without script; a small script only refreshes a running job's
 * progress bar and starts a job from the button.
 */
public final class LearningPages {

    private LearningPages() {
    }

    /** @return the start of a learning page's content: the links between the learning pages */
    private static StringBuilder head() {
        return new StringBuilder("<nav aria-label=\"Continuous learning\" class=\"subnav\"><a href=\"/learning\">Dashboard</a> &middot; ")
                .append("<a href=\"/learning/agreement\">Agreement</a></nav>\n");
    }

    private static String num(Double v, String fmt) {
        return v == null || v.isNaN() ? "&ndash;" : String.format(Locale.ROOT, fmt, v);
    }

    /** Title of the dashboard page. */
    public static final String DASHBOARD_TITLE = "Continuous learning";
    /** Title of the agreement page. */
    public static final String AGREEMENT_TITLE = "Inter-labeller agreement";
    /** The dashboard's script: shows the running job's progress and starts a job from the button. */
    public static final String DASHBOARD_SCRIPT = "/js/learning.js";

    /**
     * @return the content of the dashboard page, for {@link Layout#send} with {@link #DASHBOARD_TITLE}
     *         and {@link #DASHBOARD_SCRIPT} (which reads the CSRF token from the layout's meta tag)
     */
    public static String dashboard(Dashboard.View view, List<JobLog.Job> jobs, List<ModelVersions.Version> versions) {
        StringBuilder b = head();
        JobLog.Job running = jobs.stream().filter(j -> j.status().equals("running")).findFirst().orElse(null);
        b.append("<h2>Retraining</h2>\n<p>Serving model: <strong>").append(view.servingVersion() == null ? "none yet"
                : FunnelPage.escape(view.servingVersion())).append("</strong>.</p>\n");
        b.append("<div id=\"job\" role=\"status\" aria-live=\"polite\">");
        if (running != null) {
            b.append(String.format(Locale.ROOT, "<p>Job %d: %s</p><progress max=\"1\" value=\"%.3f\" aria-label=\"retraining progress\">%.0f%%</progress>",
                    running.id(), FunnelPage.escape(running.stage()), running.progress(), 100 * running.progress()));
        } else {
            b.append("<p>No retraining is running.</p>");
        }
        b.append("</div>\n<p><button type=\"button\" id=\"start\"" + (running != null ? " data-running=\"true\"" : "") + ">Start a retraining (admins)</button></p>\n");
        b.append("<h2>Takeover per class</h2>\n");
        b.append(String.format(Locale.ROOT, "<p>A class is taken over when the serving model's precision at p &ge; %.2f on held-out human "
                        + "labels is at least %.2f with at least %d audited objects; it stops by itself when humans confirm fewer than %.0f%% "
                        + "of its audited automatic labels. Objects whose labellers tie: %d (<a href=\"/api/learning/consensus\">list</a>).</p>%n",
                view.threshold(), view.requiredPrecision(), view.minAudited(), 100 * view.requiredPrecision(), view.ties().size()));
        b.append("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table: takeover per class\"><table>\n<caption>Labels so far, held-out precision and recall at the threshold, takeover and audits</caption>\n")
                .append("<thead><tr><th scope=\"col\">Class</th><th scope=\"col\">Human labels</th><th scope=\"col\">Automatic labels</th>")
                .append("<th scope=\"col\">Precision</th><th scope=\"col\">Recall</th><th scope=\"col\">Takeover</th><th scope=\"col\">Why</th>")
                .append("<th scope=\"col\">Audits (confirmed / audited / requested)</th></tr></thead>\n<tbody>\n");
        for (Dashboard.ClassRow r : view.rows()) {
            b.append(String.format(Locale.ROOT, "<tr><th scope=\"row\">%s</th><td class=\"n\">%,d</td><td class=\"n\">%,d</td><td class=\"n\">%s</td>"
                            + "<td class=\"n\">%s</td><td class=\"%s\">%s</td><td class=\"why\">%s</td><td class=\"n\">%d / %d / %d</td></tr>%n",
                    r.label().name(), r.humanLabels(), r.autoLabels(), num(r.precision(), "%.3f"), num(r.recall(), "%.3f"),
                    r.takeover().enabled() ? "on" : "off", r.takeover().enabled() ? "on" : "off", FunnelPage.escape(r.takeover().reason()),
                    r.audit().confirmed(), r.audit().audited(), r.audit().requested()));
        }
        b.append("</tbody>\n</table></div>\n<h2>Recent jobs</h2>\n");
        if (jobs.isEmpty()) {
            b.append("<p>No retraining has run yet.</p>\n");
        } else {
            b.append("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table: recent jobs\"><table>\n<caption>Newest first</caption>\n<thead><tr><th scope=\"col\">Job</th><th scope=\"col\">Status</th>")
                    .append("<th scope=\"col\">Started</th><th scope=\"col\">Version</th><th scope=\"col\">Outcome</th></tr></thead>\n<tbody>\n");
            for (JobLog.Job j : jobs) {
                b.append(String.format(Locale.ROOT, "<tr><td class=\"n\"><a href=\"/api/learning/jobs/%d\">%d</a></td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>%n",
                        j.id(), j.id(), FunnelPage.escape(j.status()), HtmlTime.of(j.startedAt()), FunnelPage.escape(j.candidateVersion()),
                        FunnelPage.escape(j.message())));
            }
            b.append("</tbody>\n</table></div>\n");
        }
        b.append("<h2>Model versions</h2>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table: model versions\"><table>\n<caption>Every version is kept; an admin can roll back to one that served "
                + "(POST /api/learning/rollback?version=...)</caption>\n<thead><tr><th scope=\"col\">Version</th><th scope=\"col\">Status</th>"
                + "<th scope=\"col\">Audit macro AUC</th><th scope=\"col\">Serving's AUC then</th><th scope=\"col\">Audit objects</th></tr></thead>\n<tbody>\n");
        for (ModelVersions.Version v : versions) {
            b.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>%n",
                    FunnelPage.escape(v.version()), FunnelPage.escape(v.status()), num(v.auditMacroAuc(), "%.4f"), num(v.auditComparedAuc(), "%.4f"),
                    v.auditN() == null ? "&ndash;" : v.auditN().toString()));
        }
        b.append("</tbody>\n</table></div>\n<p>The same as JSON: <a href=\"/api/learning/takeover\">takeover</a>, <a href=\"/api/learning/jobs\">jobs</a>, ")
                .append("<a href=\"/api/learning/versions\">versions</a>.</p>\n");
        b.append(LabelExportLinks.paragraph());
        return b.toString();
    }

    /** @return the content of the agreement page, for {@link Layout#send} with {@link #AGREEMENT_TITLE} */
    public static String agreement(Agreement.Report r) {
        StringBuilder b = head();
        b.append(String.format(Locale.ROOT, "<p>Objects labelled by two or more labellers (people, and catalogues counted as labellers; each "
                + "labeller's latest label): %,d. Fleiss' kappa over them: <strong>%s</strong> (1 = perfect agreement, 0 = what chance gives).</p>%n",
                r.objects(), num(r.fleissKappa(), "%.3f")));
        b.append("<h2>Per class</h2>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table: kappa per class\"><table>\n<caption>Fleiss' kappa of each class against the rest</caption>\n")
                .append("<thead><tr><th scope=\"col\">Class</th><th scope=\"col\">Kappa</th></tr></thead>\n<tbody>\n");
        r.perClass().forEach((c, k) -> b.append(String.format(Locale.ROOT, "<tr><th scope=\"row\">%s</th><td class=\"n\">%s</td></tr>%n",
                c.name(), num(k, "%.3f"))));
        b.append("</tbody>\n</table></div>\n<h2>Pairs of labellers</h2>\n");
        if (r.pairs().isEmpty()) {
            b.append("<p>No two labellers have labelled the same object yet.</p>\n");
        } else {
            b.append("<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Table: kappa per pair\"><table>\n<caption>Cohen's kappa on the objects both labelled</caption>\n<thead><tr><th scope=\"col\">Labeller</th>")
                    .append("<th scope=\"col\">Labeller</th><th scope=\"col\">Objects</th><th scope=\"col\">Agreement</th><th scope=\"col\">Kappa</th></tr></thead>\n<tbody>\n");
            for (Agreement.Pair p : r.pairs()) {
                b.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td class=\"n\">%,d</td><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>%n",
                        FunnelPage.escape(p.a()), FunnelPage.escape(p.b()), p.objects(), num(p.observed(), "%.3f"), num(p.kappa(), "%.3f")));
            }
            b.append("</tbody>\n</table></div>\n");
        }
        b.append("<p>As JSON: <a href=\"/api/learning/agreement\">/api/learning/agreement</a>.</p>\n");
        return b.toString();
    }
}
