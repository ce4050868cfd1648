package org.ztfclass.server.tap;

import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a TAP query (TAP 1.1 / DALI): {@code REQUEST=doQuery} (optional, as TAP 1.1
 * allows), {@code LANG=ADQL} (also {@code ADQL-2.0}, {@code ADQL-2.1}), {@code QUERY},
 * {@code MAXREC} (default and ceiling {@link TapQueryRunner#MAX_ROWS}) and
 * {@code RESPONSEFORMAT}/{@code FORMAT} (VOTable only: {@code votable}, {@code votable/td},
 * {@code application/x-votable+xml}, {@code text/xml}). Parameter names are case-insensitive.
 *
 * @param query  the ADQL text
 * @param maxrec most rows to return
 */
public record TapRequest(String query, int maxrec) {

    /**
     * @param params parameters with lower-cased names (first value of each)
     * @return the checked request
     * @throws AdqlException naming the parameter that is missing or wrong
     */
    public static TapRequest of(Map<String, String> params) throws AdqlException {
        String request = params.get("request");
        if (request != null && !request.equalsIgnoreCase("doQuery")) {
            throw new AdqlException("parameter REQUEST: '" + request + "' is not served; use REQUEST=doQuery");
        }
        String lang = params.get("lang");
        if (lang == null || lang.isBlank()) {
            throw new AdqlException("parameter LANG is required: LANG=ADQL");
        }
        String l = lang.trim().toUpperCase(Locale.ROOT);
        if (!(l.equals("ADQL") || l.equals("ADQL-2.0") || l.equals("ADQL-2.1"))) {
            throw new AdqlException("parameter LANG: '" + lang + "' is not served; use LANG=ADQL");
        }
        String format = params.getOrDefault("responseformat", params.get("format"));
        if (format != null && !format.isBlank()) {
            String f = format.trim().toLowerCase(Locale.ROOT);
            if (!(f.equals("votable") || f.equals("votable/td") || f.startsWith("application/x-votable+xml")
                    || f.startsWith("text/xml") || f.equals("vot") || f.startsWith("application/xml"))) {
                throw new AdqlException("parameter RESPONSEFORMAT: '" + format + "' is not served; the format is votable "
                        + "(application/x-votable+xml)");
            }
        }
        int maxrec = TapQueryRunner.MAX_ROWS;
        String m = params.get("maxrec");
        if (m != null && !m.isBlank()) {
            try {
                long v = Long.parseLong(m.trim());
                if (v < 0) {
                    throw new NumberFormatException();
                }
                maxrec = (int) Math.min(v, TapQueryRunner.MAX_ROWS);
            } catch (NumberFormatException e) {
                throw new AdqlException("parameter MAXREC: '" + m + "' is not a non-negative whole number");
            }
        }
        String query = params.get("query");
        if (query == null || query.isBlank()) {
            throw new AdqlException("parameter QUERY is required: an ADQL SELECT statement");
        }
        return new TapRequest(query, maxrec);
    }
}
