package org.ztfclass.server.web;

import org.ztfclass.server.funnel.FunnelReport;
import org.ztfclass.server.store.FunnelStore;

/**
 * The funnel page: a bar chart of objects per stage drawn with plain HTML (each bar's length is
 * its count; the numbers are written out, so it reads without the bars), the stage table, and
 * links to what each stage dropped. No script, no external asset.
 */
public final class FunnelPage {

    private FunnelPage() {
    }

    /** @return the page for the latest report, or one that says the funnel has not run (null) */
    public static String render(FunnelReport report) {
        StringBuilder b = new StringBuilder();
        b.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Filter funnel - ztfclass</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:0 auto;max-width:64rem;padding:1rem;line-height:1.5;color:#1a1a1a;overflow-wrap:anywhere}\n")
                .append("a{color:#0645ad}a:focus{outline:3px solid #ffbf47}\n")
                .append(".chart{list-style:none;padding:0}.chart li{margin:.4rem 0}\n")
                .append(".bar{display:block;height:1.2rem;background:#1f5f99;min-width:2px}\n")
                .append("table{border-collapse:collapse;width:100%;font-size:.95rem}th,td{border-bottom:1px solid #ccc;padding:.3rem;text-align:left}\n")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append(".scroll{overflow-x:auto}\n</style>\n</head>\n<body>\n")
                .append("<header><p><a href=\"/\">ztfclass</a></p><h1>Filter funnel</h1></header>\n<main>\n");
        if (report == null) {
            b.append("<p>The funnel has not run on this store yet. Run <code>install/ztfclass funnel</code>, then reload.</p>\n");
        } else {
            FunnelStore.Run run = report.run();
            b.append(String.format("<p>Run %d of %s: %,d objects in, %,d out (%,d of them rescued by hand).</p>%n",
                    run.id(), HtmlTime.of(run.startedAt()), run.in(), run.out(), run.rescued()));
            b.append("<h2>Objects left after each stage</h2>\n<ol class=\"chart\">\n");
            long max = Math.max(1, run.in());
            b.append(bar("objects in", run.in(), max));
            for (FunnelStore.StageCount s : report.stages()) {
                b.append(bar("after " + s.stage(), s.out(), max));
            }
            b.append("</ol>\n<h2>Stages</h2>\n<div class=\"scroll\"><table>\n<caption>Per stage: objects in, dropped and out, ")
                    .append("and the rule that dropped most</caption>\n<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Stage</th>")
                    .append("<th scope=\"col\">Settings</th><th scope=\"col\">In</th><th scope=\"col\">Dropped</th>")
                    .append("<th scope=\"col\">Out</th><th scope=\"col\">Main reason</th></tr></thead>\n<tbody>\n");
            for (FunnelStore.StageCount s : report.stages()) {
                b.append(String.format("<tr><td class=\"n\">%d</td><th scope=\"row\">%s</th><td>%s</td><td class=\"n\">%,d</td>"
                                + "<td class=\"n\"><a href=\"/api/objects?dropped_by=%s&amp;format=votable\" aria-label=\"%,d objects dropped by %s, as a VOTable\">%,d</a></td>"
                                + "<td class=\"n\">%,d</td><td>%s</td></tr>%n",
                        s.position(), escape(s.stage()), escape(s.settings()), s.in(), escape(s.stage()), s.dropped(), escape(s.stage()),
                        s.dropped(), s.out(), s.mainReason() == null ? "" : escape(s.mainReason())));
            }
            b.append("</tbody>\n</table></div>\n");
            if (report.difference() != null) {
                b.append(String.format("<p>Against the previous run: %,d newly dropped, %,d newly passed, %,d dropped by another stage.</p>%n",
                        report.difference().newlyDropped(), report.difference().newlyPassed(), report.difference().droppedByAnotherStage()));
            }
            b.append("<p>The same report: <a href=\"/api/funnel?format=votable\">VOTable</a>, <a href=\"/api/funnel?format=json\">JSON</a>. ")
                    .append("The objects that passed: <a href=\"/api/objects?dropped_by=none&amp;format=votable\">VOTable</a>.</p>\n");
        }
        b.append("</main>\n</body>\n</html>\n");
        return b.toString();
    }

    private static String bar(String label, long count, long max) {
        double percent = 100.0 * count / max;
        return String.format("<li><span>%s: %,d</span><span class=\"bar\" style=\"width:%.1f%%\" aria-hidden=\"true\"></span></li>%n",
                escape(label), count, percent);
    }

    /** @return {@code s} safe inside HTML text and attribute values; "" for null */
    public static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
