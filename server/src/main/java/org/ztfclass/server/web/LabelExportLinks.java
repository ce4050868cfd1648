package org.ztfclass.server.web;

/**
 * The "Export labels (CSV / VOTable)" links that {@code /queue} and {@code /learning} show: the
 * label events through {@code GET /api/labels} at the largest page it serves (a longer log
 * continues through the answer's next link), and the consensus per object.
 */
final class LabelExportLinks {

    /** Rows asked for by the links: the export's largest page. */
    static final int LIMIT = 100_000;

    private LabelExportLinks() {
    }

    /** @return one paragraph with the links, its id {@code label-export} */
    static String paragraph() {
        String base = "/api/labels?limit=" + LIMIT + "&amp;format=";
        return "<p id=\"label-export\">Export labels (<a href=\"" + base + "csv\" download>CSV</a> / <a href=\"" + base
                + "votable\" download>VOTable</a>; consensus per object: <a href=\"" + base + "csv&amp;consensus=true\" download>CSV</a> / "
                + "<a href=\"" + base + "votable&amp;consensus=true\" download>VOTable</a>). Signed in, labellers appear by name; "
                + "otherwise by pseudonym. Up to " + String.format(java.util.Locale.ROOT, "%,d", LIMIT).replace(',', ' ')
                + " rows a file; the API's <code>Link</code> header names the next page.</p>\n";
    }
}
