package org.ztfclass.server.web;

import org.ztfclass.server.funnel.FunnelReport;
import org.ztfclass.server.store.FunnelStore;

/**
 * The funnel page: a bar chart of objects per stage drawn with plain HTML (each bar's length is
 * its count; the numbers are written out, so it reads without the bars), the stage table, and
 * links to what each stage dropped, in the site's layout. No script of its own.
 */
public final class FunnelPage {

    private FunnelPage() {
    }

    /** Title of the page. */
    public static final String TITLE = "Filter funnel";

    /**
     * @return the content of the page (for {@link Layout#send} with {@link #TITLE}) for the latest
     *         report, or one that says the funnel has not run (null)
     */
    public static String render(FunnelReport report) {
        StringBuilder b = new StringBuilder();
        if (report == null) {
            b.append("<p>The funnel has not run on this store yet. Run <code>install/ztfclass funnel</code>, then reload.</p>\n");
        } else {
            FunnelStore.Run run = report.run();
            b.append(String.format("<p>Run %d of %s: %,d objects in, %,d out (%,d of them rescued by hand).</p>%n",
                    run.id(), HtmlTime.of(run.startedAt()), run.in(), run.out(), run.rescued()));
            b.append("<h2>Objects left after each stage</h2>\n<ol class=\"funnel-chart\">\n");
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
        return b.toString();
    }

    private static String bar(String label, long count, long max) {
        double percent = 100.0 * count / max;
        return String.format("<li><span>%s: %,d</span><span class=\"funnel-bar\" style=\"width:%.1f%%\" aria-hidden=\"true\"></span></li>%n",
                escape(label), count, percent);
    }

    /** @return {@code s} safe inside HTML text and attribute values; "" for null */
    public static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
