package org.ztfclass.server.web;

import java.sql.SQLException;
import java.util.List;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.labels.LabelVocabulary;
import org.ztfclass.server.labels.ScanState;
import org.ztfclass.server.labels.SkipReason;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.server.store.StoredLabel;

/**
 * Labelling: the label history (who, when, what, source, confidence, comment: all shown as text),
 * the consensus and each labeller's latest vote ({@link ConsensusSummary}), and for a labeller a
 * form with one button per top-level class (keys 1, 2, 3), an optional finer class, confidence
 * and comment, "next object" (key n), "skip" (key s) and "not sure" (key u), a box "after
 * labelling, go to the next object" (ticked by default; the script remembers it per browser), and
 * how many labels they gave today (UTC). The form posts to {@code /objects/{id}/labels} (the skip
 * buttons to {@code /objects/{id}/skips}) without script; {@code /js/labelling.js} sends labels to
 * {@code POST /api/labels} and skips to {@code POST /api/labels/skips} instead, adds the new event
 * to the history in place, and prefetches the next object. "By" is the labeller's user name for a
 * signed-in reader and their pseudonym for anyone else.
 */
final class LabelSection implements ObjectSection {

    private final ObjectQueries queries;
    private final ScanState scans;

    LabelSection(ObjectQueries queries) {
        this.queries = queries;
        this.scans = new ScanState(queries.database());
    }

    @Override
    public List<String> scripts() {
        return List.of("/js/labelling.js");
    }

    @Override
    public void render(ObjectView v, StringBuilder b) throws SQLException {
        b.append("<section class=\"panel\" aria-labelledby=\"label-h\" id=\"labelling\" data-object-id=\"").append(Html.e(v.id()))
                .append("\"><h2 id=\"label-h\">Label</h2>\n");
        boolean mayLabel = v.principal() != null && v.principal().user().may(Role.LABELLER);
        if (mayLabel) {
            b.append("<form id=\"label-form\" method=\"post\" action=\"/objects/").append(Html.url(v.id())).append("/labels\">\n")
                    .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(Html.e(v.csrf())).append("\">\n")
                    .append("<div class=\"label-buttons\" role=\"group\" aria-label=\"Class\">")
                    .append("<button type=\"submit\" name=\"class\" value=\"SN_IA\" class=\"primary\" aria-keyshortcuts=\"1\">SN Ia <kbd>1</kbd></button>")
                    .append("<button type=\"submit\" name=\"class\" value=\"SN_II\" class=\"primary\" aria-keyshortcuts=\"2\">SN II <kbd>2</kbd></button>")
                    .append("<button type=\"submit\" name=\"class\" value=\"OTHER\" class=\"primary\" aria-keyshortcuts=\"3\">Other <kbd>3</kbd></button>")
                    .append("<a class=\"button\" id=\"next-object\" href=\"/queue/next?after=").append(Html.url(v.id()))
                    .append("\" aria-keyshortcuts=\"n\">Next object <kbd>n</kbd></a></div>\n")
                    .append("<div class=\"label-buttons\" role=\"group\" aria-label=\"Pass over without a label\">");
            for (SkipReason r : SkipReason.values()) {
                String key = r == SkipReason.SKIP ? "s" : "u";
                b.append("<button type=\"submit\" name=\"reason\" value=\"").append(r.key()).append("\" formaction=\"/objects/")
                        .append(Html.url(v.id())).append("/skips\" aria-keyshortcuts=\"").append(key).append("\">")
                        .append(r == SkipReason.SKIP ? "Skip" : "Not sure").append(" <kbd>").append(key).append("</kbd></button>");
            }
            b.append("</div>\n<p><input type=\"checkbox\" id=\"auto-advance\" name=\"advance\" value=\"1\" checked> ")
                    .append("<label for=\"auto-advance\">After labelling, go to the next object</label></p>\n")
                    .append("<details><summary>Finer class, confidence, comment</summary>\n<p><label for=\"fine-class\">Finer class (optional; ")
                    .append("replaces the button's class)</label><br><select id=\"fine-class\" name=\"fine\"><option value=\"\">–</option>");
            for (String f : LabelVocabulary.FINE_CLASSES) {
                b.append("<option>").append(Html.e(f)).append("</option>");
            }
            b.append("</select></p>\n<p><label for=\"confidence\">Confidence (0–1, optional)</label><br><input id=\"confidence\" name=\"confidence\" ")
                    .append("type=\"number\" min=\"0\" max=\"1\" step=\"0.05\"></p>\n<p><label for=\"comment\">Comment (optional)</label><br>")
                    .append("<textarea id=\"comment\" name=\"comment\" rows=\"2\" cols=\"40\" maxlength=\"2000\"></textarea></p>\n</details>\n")
                    .append("<p class=\"visually-hidden\" id=\"shortcut-help\">Keys: 1 SN Ia, 2 SN II, 3 Other, n next object, s skip, u not sure (not while typing).</p>\n")
                    .append("</form>\n<p id=\"label-status\" role=\"status\" aria-live=\"polite\"></p>\n");
            long user = v.principal().user().id();
            long today = scans.labelsToday(user);
            b.append("<p id=\"labels-today\" data-count=\"").append(today).append("\">You: ").append(today)
                    .append(today == 1 ? " label" : " labels").append(" today (UTC)</p>\n");
            ScanState.Mark mark = scans.marks(user, List.of(v.id())).get(v.id());
            if (mark == ScanState.Mark.SKIPPED || mark == ScanState.Mark.UNSURE) {
                b.append("<p id=\"my-skip\">You passed over this object before (").append(mark.shown())
                        .append("); it stays out of your queue.</p>\n");
            }
        } else if (v.principal() == null) {
            b.append("<p><a href=\"/signin?next=/objects/").append(Html.url(v.id())).append("\">Sign in</a> to label this object.</p>\n");
        } else {
            b.append("<p>Your role (").append(v.principal().user().role().dbName()).append(") may read but not label.</p>\n");
        }
        List<StoredLabel> labels = queries.labels(v.id(), v.principal() != null); // anonymous readers see pseudonyms
        b.append(ConsensusSummary.html(labels));
        b.append("<h3>History</h3>\n<div class=\"scroll\"><table id=\"label-history\"><caption>Label events, oldest first</caption><thead><tr>")
                .append("<th scope=\"col\">When</th><th scope=\"col\">Class</th><th scope=\"col\">As given</th><th scope=\"col\">Source</th>")
                .append("<th scope=\"col\">By</th><th scope=\"col\">Confidence</th><th scope=\"col\">Comment</th></tr></thead><tbody>\n");
        for (StoredLabel l : labels) {
            b.append("<tr><td>").append(HtmlTime.of(l.createdAt())).append("</td><td>").append(Html.e(l.topClass())).append("</td><td>")
                    .append(Html.e(l.fineClass())).append("</td><td>").append(Html.e(l.source())).append("</td><td>")
                    .append(Html.e(l.userName() != null ? l.userName() : l.sourceRef())).append("</td><td class=\"n\">")
                    .append(Html.num(l.confidence(), 2)).append("</td><td>").append(Html.e(l.comment())).append("</td></tr>\n");
        }
        b.append("</tbody></table></div>\n");
        if (labels.isEmpty()) {
            b.append("<p id=\"no-labels\">No label yet.</p>\n");
        }
        b.append("</section>\n");
    }
}
