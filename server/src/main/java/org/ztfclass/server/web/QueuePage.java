package org.ztfclass.server.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ztfclass.server.funnel.FunnelConfig;
import org.ztfclass.server.labels.LabellingQueue;
import org.ztfclass.server.labels.ScanState;
import org.ztfclass.server.store.NewSince;
import org.ztfclass.server.store.ObjectFilter;
import org.ztfclass.server.store.ObjectListing;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.domain.TransientClass;

/**
 * {@code /queue}: the object list. A GET form of filters (label class, predicted class,
 * probability range, label status, funnel stage, first-detection dates, "new since": an alert
 * ingested in the last hour/24 h/7 days or since a date, sky cone), sortable
 * column headers, server-side pages. {@code /queue/next?after=ID} redirects to the next object
 * of the {@link LabellingQueue}. A malformed filter gets the page with a message naming it (400).
 *
 * <p>For a signed-in user (issue 16) the list has a "You" column saying which objects they
 * labelled, skipped or were unsure about ({@link ScanState}), and the filter {@code mine=hide}
 * leaves those out; anonymous readers see neither, and {@code mine} does nothing for them.
 * {@code /queue/next} never leads a user to an object they skipped.
 */
public final class QueuePage {

    /** The value of {@code mine} that hides what the signed-in user labelled or skipped. */
    public static final String MINE_HIDE = "hide";

    /** Rows per page unless {@code size} says otherwise. */
    public static final int PAGE_SIZE = 50;

    private final ObjectListing listing;
    private final LabellingQueue queue;

    private final org.ztfclass.server.learning.LabellingQueue personalQueue;
    private final ScanState scans;

    public QueuePage(ObjectListing listing, LabellingQueue queue) {
        this(listing, queue, null, null);
    }

    public QueuePage(ObjectListing listing, LabellingQueue queue, org.ztfclass.server.learning.LabellingQueue personalQueue) {
        this(listing, queue, personalQueue, null);
    }

    /**
     * @param personalQueue the continuous-learning queue (audits of automatic labels first, then each user's chosen order:
     *                      initial set, random, model uncertainty or margin), used for signed-in users; null for none
     * @param scans         what each user labelled or skipped, for the "You" column and {@code mine=hide}; null for neither
     */
    public QueuePage(ObjectListing listing, LabellingQueue queue, org.ztfclass.server.learning.LabellingQueue personalQueue,
            ScanState scans) {
        this.listing = listing;
        this.queue = queue;
        this.personalQueue = personalQueue;
        this.scans = scans;
    }

    /**
     * Redirects to the next object: a signed-in user's own queue (their stored strategy) when there is one and it offers an
     * object other than {@code after}; otherwise the default queue after {@code after}. Neither offers a signed-in user an
     * object they skipped.
     */
    public void next(Context ctx) throws SQLException {
        String after = ctx.queryParam("after");
        Optional<String> next = Optional.empty();
        var principal = org.ztfclass.server.auth.WebAuth.principal(ctx);
        Long user = principal.map(p -> p.user().id()).orElse(null);
        if (personalQueue != null && user != null) {
            String id = personalQueue.next(user, Optional.empty(), after).objectId();
            if (id != null && !id.equals(after)) {
                next = Optional.of(id);
            }
        }
        if (next.isEmpty()) {
            next = queue.next(after, user);
        }
        if (next.isPresent()) {
            ctx.redirect("/objects/" + Html.url(next.get()), HttpStatus.SEE_OTHER);
        } else {
            Layout.send(ctx, "Nothing left to label", "<p>Every object has a label. <a href=\"/queue\">Back to the list</a>.</p>\n");
        }
    }

    public void show(Context ctx) throws SQLException {
        Map<String, String> params = new LinkedHashMap<>();
        for (String k : new String[] {"label_class", "predicted_class", "p_min", "p_max", "label_status", "stage", "from", "to",
                "ra", "dec", "radius", "since", "since_date", "mine", "sort", "dir", "size"}) {
            String v = ctx.queryParam(k);
            if (v != null && !v.isBlank()) {
                params.put(k, v.strip());
            }
        }
        Long user = scans == null ? null : org.ztfclass.server.auth.WebAuth.principal(ctx).map(p -> p.user().id()).orElse(null);
        ObjectListing.Query q;
        try {
            q = parse(params, integer(ctx.queryParam("page"), 1, "page", 1, 1_000_000) - 1, user);
        } catch (IllegalArgumentException e) {
            ctx.status(400);
            Layout.send(ctx, "Objects", "<p class=\"error\" role=\"alert\">" + Html.e(e.getMessage()) + "</p>\n"
                    + filterForm(params, user != null) + "<p><a href=\"/queue\">Clear the filters</a></p>\n");
            return;
        }
        ObjectListing.Page page = listing.page(q);
        Map<String, ScanState.Mark> marks = user == null ? Map.of()
                : scans.marks(user, page.rows().stream().map(ObjectListing.Row::objectId).toList());
        StringBuilder b = new StringBuilder();
        b.append(filterForm(params, user != null));
        long from = page.rows().isEmpty() ? 0 : (long) q.page() * q.pageSize() + 1;
        b.append("<p role=\"status\">").append(page.rows().isEmpty() ? "No object matches." : String.format(Locale.ROOT,
                "Objects %,d–%,d%s.", from, from + page.rows().size() - 1, page.hasNext() ? ", more on the next page" : ""))
                .append(" <a href=\"/queue/next\">Next object to label</a></p>\n");
        b.append(LabelExportLinks.paragraph());
        b.append("<div class=\"scroll\"><table id=\"objects\"><caption>Objects, sorted by ").append(q.sort().urlName().replace('_', ' '))
                .append(q.descending() ? " (descending)" : " (ascending)").append("</caption><thead><tr>");
        header(b, params, q, ObjectListing.Sort.OBJECT_ID, "Object");
        b.append("<th scope=\"col\">RA, Dec (°)</th>");
        header(b, params, q, ObjectListing.Sort.FIRST_DETECTION, "First detected (MJD)");
        header(b, params, q, ObjectListing.Sort.DETECTIONS, "Detections");
        header(b, params, q, ObjectListing.Sort.PEAK_MAG, "Peak mag");
        b.append("<th scope=\"col\">Label</th><th scope=\"col\">Predicted</th>");
        header(b, params, q, ObjectListing.Sort.PROBABILITY, "Probability");
        b.append("<th scope=\"col\">Funnel</th>").append(user == null ? "" : "<th scope=\"col\">You</th>").append("</tr></thead><tbody>\n");
        for (ObjectListing.Row r : page.rows()) {
            b.append("<tr><th scope=\"row\"><a href=\"/objects/").append(Html.url(r.objectId())).append("\">").append(Html.e(r.objectId()))
                    .append("</a></th><td class=\"n\">").append(r.ra() == null ? "–" : Html.num(r.ra(), 4) + ", " + Html.num(r.dec(), 4))
                    .append("</td><td class=\"n\">").append(r.firstDetectionJd() == null ? "–" : Html.num(r.firstDetectionJd() - Detection.MJD_OFFSET, 2))
                    .append("</td><td class=\"n\">").append(r.nDetections()).append("</td><td class=\"n\">").append(Html.num(r.peakMag(), 2))
                    .append("</td><td>").append(r.labelClass() == null ? "none" : Html.e(r.labelClass())).append("</td><td>")
                    .append(r.predictedClass() == null ? "–" : Html.e(r.predictedClass())).append("</td><td class=\"n\">")
                    .append(Html.num(r.probability(), 3)).append("</td><td>").append(r.droppedBy() == null ? "passed" : "dropped: " + Html.e(r.droppedBy()))
                    .append("</td>");
            if (user != null) {
                ScanState.Mark m = marks.get(r.objectId());
                b.append("<td class=\"scanned\" data-scanned=\"").append(m == null ? "no" : m.name().toLowerCase(Locale.ROOT)).append("\">")
                        .append(m == null ? "–" : m.shown()).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table></div>\n<nav class=\"pager\" aria-label=\"Pages\">");
        int shown = q.page() + 1;
        if (q.page() > 0) {
            b.append("<a href=\"").append(link(params, "page", Integer.toString(shown - 1))).append("\" rel=\"prev\">Previous page</a>");
        }
        b.append("<span>Page ").append(shown).append("</span>");
        if (page.hasNext()) {
            b.append("<a href=\"").append(link(params, "page", Integer.toString(shown + 1))).append("\" rel=\"next\">Next page</a>");
        }
        b.append("</nav>\n");
        Layout.send(ctx, "Objects", b.toString());
    }

    private static void header(StringBuilder b, Map<String, String> params, ObjectListing.Query q, ObjectListing.Sort sort, String title) {
        boolean current = q.sort() == sort;
        String dir = current && !q.descending() ? "desc" : "asc";
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put("sort", sort.urlName());
        p.put("dir", dir);
        b.append("<th scope=\"col\"").append(current ? " aria-sort=\"" + (q.descending() ? "descending" : "ascending") + "\"" : "")
                .append("><a href=\"").append(link(p, null, null)).append("\">").append(Html.e(title))
                .append(current ? (q.descending() ? " ▼" : " ▲") : "").append("<span class=\"visually-hidden\"> (sort ")
                .append(dir.equals("asc") ? "ascending" : "descending").append(")</span></a></th>");
    }

    private static String link(Map<String, String> params, String key, String value) {
        Map<String, String> p = new LinkedHashMap<>(params);
        if (key != null) {
            p.put(key, value);
        }
        StringBuilder b = new StringBuilder("/queue");
        char sep = '?';
        for (var e : p.entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(Html.url(e.getValue()));
            sep = '&';
        }
        return Html.e(b.toString());
    }

    /** @param signedIn whether to offer "hide what I labelled or skipped" */
    private static String filterForm(Map<String, String> p, boolean signedIn) {
        StringBuilder b = new StringBuilder("<form method=\"get\" action=\"/queue\" class=\"filters\" aria-label=\"Filters\">\n");
        select(b, "label_class", "Label class", p, "any", "SN_IA", "SN_II", "OTHER");
        select(b, "predicted_class", "Predicted class", p, "any", "SN_IA", "SN_II", "OTHER");
        number(b, "p_min", "Probability ≥", p, "0", "1", "0.01");
        number(b, "p_max", "Probability ≤", p, "0", "1", "0.01");
        select(b, "label_status", "Label status", p, "any", "unlabelled", "labelled");
        String[] stages = new String[FunnelConfig.STAGES.size() + 2];
        stages[0] = "any";
        stages[1] = ObjectFilter.PASSED;
        for (int i = 0; i < FunnelConfig.STAGES.size(); i++) {
            stages[i + 2] = FunnelConfig.STAGES.get(i);
        }
        select(b, "stage", "Funnel (none: passed)", p, stages);
        b.append("<label for=\"f-from\">First detected from<input type=\"date\" id=\"f-from\" name=\"from\" value=\"")
                .append(Html.e(p.getOrDefault("from", ""))).append("\"></label>\n")
                .append("<label for=\"f-to\">until<input type=\"date\" id=\"f-to\" name=\"to\" value=\"")
                .append(Html.e(p.getOrDefault("to", ""))).append("\"></label>\n");
        newSince(b, p);
        b
                .append("<label for=\"f-since-date\">or new alert since<input type=\"date\" id=\"f-since-date\" name=\"since_date\" value=\"")
                .append(Html.e(p.getOrDefault("since_date", ""))).append("\"></label>\n")
                .append("<fieldset><legend>Sky cone (degrees)</legend><div class=\"filters\">");
        number(b, "ra", "RA", p, "0", "360", "any");
        number(b, "dec", "Dec", p, "-90", "90", "any");
        number(b, "radius", "Radius", p, "0", "180", "any");
        b.append("</div></fieldset>\n");
        if (signedIn) {
            b.append("<label for=\"f-mine\">Hide what I labelled or skipped<input type=\"checkbox\" id=\"f-mine\" name=\"mine\" value=\"hide\"")
                    .append(MINE_HIDE.equals(p.get("mine")) ? " checked" : "").append("></label>\n");
        }
        for (String keep : new String[] {"sort", "dir", "size"}) {
            if (p.containsKey(keep)) {
                b.append("<input type=\"hidden\" name=\"").append(keep).append("\" value=\"").append(Html.e(p.get(keep))).append("\">");
            }
        }
        b.append("<button type=\"submit\" class=\"primary\">Filter</button> <a href=\"/queue\">Clear</a>\n</form>\n");
        return b.toString();
    }

    /** The "new since" select: any time, the last hour, 24 hours or 7 days (an age the listing counts back from now). */
    private static void newSince(StringBuilder b, Map<String, String> p) {
        String[][] options = {{"", "any time"}, {"1h", "the last hour"}, {"24h", "the last 24 hours"}, {"7d", "the last 7 days"}};
        String chosen = p.getOrDefault("since", "");
        b.append("<label for=\"f-since\">New alert in<select id=\"f-since\" name=\"since\">");
        for (String[] o : options) {
            b.append("<option value=\"").append(o[0]).append("\"").append(o[0].equals(chosen) ? " selected" : "").append(">")
                    .append(o[1]).append("</option>");
        }
        if (!chosen.isEmpty() && java.util.Arrays.stream(options).noneMatch(o -> o[0].equals(chosen))) {
            b.append("<option value=\"").append(Html.e(chosen)).append("\" selected>since ").append(Html.e(chosen)).append("</option>");
        }
        b.append("</select></label>\n");
    }

    private static void select(StringBuilder b, String name, String title, Map<String, String> p, String... options) {
        String id = "f-" + name.replace('_', '-');
        b.append("<label for=\"").append(id).append("\">").append(Html.e(title)).append("<select id=\"").append(id).append("\" name=\"")
                .append(name).append("\">");
        for (int i = 0; i < options.length; i++) {
            String value = i == 0 ? "" : options[i];
            b.append("<option value=\"").append(Html.e(value)).append("\"").append(value.equals(p.getOrDefault(name, "")) ? " selected" : "")
                    .append(">").append(Html.e(options[i])).append("</option>");
        }
        b.append("</select></label>\n");
    }

    private static void number(StringBuilder b, String name, String title, Map<String, String> p, String min, String max, String step) {
        String id = "f-" + name.replace('_', '-');
        b.append("<label for=\"").append(id).append("\">").append(Html.e(title)).append("<input type=\"number\" id=\"").append(id)
                .append("\" name=\"").append(name).append("\" min=\"").append(min).append("\" max=\"").append(max).append("\" step=\"")
                .append(step).append("\" value=\"").append(Html.e(p.getOrDefault(name, ""))).append("\"></label>\n");
    }

    /**
     * @param page page index from 0
     * @throws IllegalArgumentException naming the malformed parameter
     */
    static ObjectListing.Query parse(Map<String, String> p, int page) {
        return parse(p, page, null);
    }

    /**
     * @param page page index from 0
     * @param user the signed-in user, whom {@code mine=hide} concerns; null: {@code mine} is ignored
     * @throws IllegalArgumentException naming the malformed parameter
     */
    static ObjectListing.Query parse(Map<String, String> p, int page, Long user) {
        String mine = p.get("mine");
        if (mine != null && !mine.equalsIgnoreCase(MINE_HIDE)) {
            throw new IllegalArgumentException("mine '" + mine + "' is not hide (leave out what you labelled or skipped)");
        }
        Boolean labelled = null;
        if (p.containsKey("label_status")) {
            labelled = switch (p.get("label_status").toLowerCase(Locale.ROOT)) {
                case "labelled" -> true;
                case "unlabelled" -> false;
                default -> throw new IllegalArgumentException("label status '" + p.get("label_status") + "' is not labelled or unlabelled");
            };
        }
        String stage = p.get("stage");
        if (stage != null && !stage.equals(ObjectFilter.PASSED) && !FunnelConfig.STAGES.contains(stage)) {
            throw new IllegalArgumentException("funnel stage '" + stage + "' is not none or one of " + String.join(", ", FunnelConfig.STAGES));
        }
        Double ra = decimal(p, "ra", 0, 360);
        Double dec = decimal(p, "dec", -90, 90);
        Double radius = decimal(p, "radius", 0, 180);
        if ((ra == null) != (dec == null) || (ra != null && radius == null)) {
            throw new IllegalArgumentException("a sky cone needs RA, Dec and radius together");
        }
        ObjectListing.Sort sort;
        try {
            sort = p.containsKey("sort") ? ObjectListing.Sort.parse(p.get("sort")) : ObjectListing.Sort.OBJECT_ID;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sort '" + p.get("sort") + "' is not one of object_id, first_detection, "
                    + "last_detection, detections, peak_mag, probability");
        }
        return new ObjectListing.Query(cls(p, "label_class"), cls(p, "predicted_class"), decimal(p, "p_min", 0, 1), decimal(p, "p_max", 0, 1),
                labelled, stage, jd(p, "from", 0), jd(p, "to", 1), ra, dec, radius, sort, "desc".equalsIgnoreCase(p.get("dir")),
                integer(p.get("size"), PAGE_SIZE, "size", 1, 500), page, mine != null ? user : null, newSince(p, Instant.now()));
    }

    /** @return "new since" from {@code since} (an age, date or time) or else {@code since_date} (a date); null if neither */
    static NewSince newSince(Map<String, String> p, Instant now) {
        String v = p.containsKey("since") ? p.get("since") : p.get("since_date");
        return v == null ? null : NewSince.parse(v, now);
    }

    private static TransientClass cls(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null) {
            return null;
        }
        try {
            return TransientClass.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name.replace('_', ' ') + " '" + v + "' is not SN_IA, SN_II or OTHER");
        }
    }

    private static Double decimal(Map<String, String> p, String name, double min, double max) {
        String v = p.get(name);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " '" + v + "' is not a number in " + min + ".." + max);
    }

    /** @return the JD at the start of the date (plus {@code days}), UTC */
    private static Double jd(Map<String, String> p, String name, int days) {
        String v = p.get(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v).plusDays(days).toEpochDay() + 2440587.5;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date " + name + " '" + v + "' is not YYYY-MM-DD");
        }
    }

    private static int integer(String v, int fallback, String name, int min, int max) {
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " '" + v + "' is not an integer in " + min + ".." + max);
    }
}
