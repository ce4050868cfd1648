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

    private static StringBuilder head(String title) {
        return new StringBuilder().append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>").append(title)
                .append(" - ztfclass</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem;line-height:1.5;color:#1a1a1a;overflow-wrap:anywhere}\n")
                .append("a{color:#0645ad}a:focus,button:focus,.scroll:focus{outline:3px solid #ffbf47}\n")
                .append("table{border-collapse:collapse;width:100%;font-size:.95rem}th,td{border-bottom:1px solid #ccc;padding:.3rem;text-align:left;vertical-align:top}\n")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}.on{color:#0a6b2d;font-weight:bold}.off{color:#8a1c1c;font-weight:bold}\n")
                .append(".scroll{overflow-x:auto}.scroll table{min-width:44rem}th,td{overflow-wrap:normal}td.why{min-width:14rem}\n")
                .append("progress{width:100%;max-width:30rem;height:1.2rem}\n")
                .append("button{font:inherit;padding:.4rem .8rem;background:#1f5f99;color:#fff;border:0;border-radius:3px}\n")
                .append("</style>\n</head>\n<body>\n<header><p><a href=\"/\">ztfclass</a> &middot; <a href=\"/learning\">Learning</a> &middot; ")
                .append("<a href=\"/learning/agreement\">Agreement</a></p><h1>").append(title).append("</h1></header>\n<main>\n");
    }

    private static String tail() {
        return "</main>\n</body>\n</html>\n";
    }

    private static String num(Double v, String fmt) {
        return v == null || v.isNaN() ? "&ndash;" : String.format(Locale.ROOT, fmt, v);
    }

    /** @return the dashboard page */
    public static String dashboard(Dashboard.View view, List<JobLog.Job> jobs, List<ModelVersions.Version> versions, String csrfToken) {
        StringBuilder b = head("Continuous learning");
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
        b.append("</div>\n<p><button type=\"button\" id=\"start\">Start a retraining (admins)</button></p>\n");
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
        b.append("<script>\n(function(){var box=document.getElementById('job');\n")
                .append("function show(j){if(!j){box.innerHTML='<p>No retraining is running.</p>';return false;}")
                .append("var p=document.createElement('p');p.textContent='Job '+j.id+': '+j.stage;var g=document.createElement('progress');")
                .append("g.max=1;g.value=j.progress;g.setAttribute('aria-label','retraining progress');g.textContent=Math.round(100*j.progress)+'%';")
                .append("box.replaceChildren(p,g);return true;}\n")
                .append("function poll(){fetch('/api/learning/jobs?limit=1').then(function(r){return r.json();}).then(function(b){")
                .append("if(show(b.running)){setTimeout(poll,2000);}});}\n")
                .append("document.getElementById('start').addEventListener('click',function(){fetch('/api/learning/jobs',{method:'POST',headers:{'X-CSRF-Token':")
                .append(jsString(csrfToken)).append("}})")
                .append(".then(function(r){return r.json();}).then(function(b){if(b.error){var p=document.createElement('p');p.textContent=b.error;")
                .append("box.replaceChildren(p);}else{poll();}});});\n")
                .append(running != null ? "poll();\n" : "").append("})();\n</script>\n");
        return b.append(tail()).toString();
    }

    /** @return the agreement page */
    public static String agreement(Agreement.Report r) {
        StringBuilder b = head("Inter-labeller agreement");
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
        return b.append(tail()).toString();
    }

    /** @return {@code s} as a JavaScript string literal safe inside a script element ({@code null} for none) */
    private static String jsString(String s) {
        if (s == null) {
            return "''";
        }
        StringBuilder b = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                b.append(c);
            } else {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return b.append('\'').toString();
    }
}
