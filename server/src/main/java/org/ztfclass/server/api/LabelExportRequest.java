package org.ztfclass.server.api;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ztfclass.server.auth.UtcTime;
import org.ztfclass.server.auth.WebAuth;
import org.ztfclass.server.labels.LabelVocabulary;
import org.ztfclass.server.store.LabelExport;
import org.ztfclass.votables.domain.TransientClass;

/**
 * The parameters of {@code GET /api/labels}, checked: any malformed or unknown one is a 400
 * {@link ApiException} that names it. See {@link LabelExportHandler} for their meaning.
 *
 * @param format         csv, votable or json (default json)
 * @param filter         which label events (events mode); its {@code realNames} says whether the caller is signed in
 * @param consensus      one row per object with its consensus class instead of one per event
 * @param consensusClass in consensus mode, the class kept (null for all)
 * @param limit          most rows in this answer
 * @param afterId        events mode: the page starts after this label id (0: from the start)
 * @param afterObject    consensus mode: the page starts after this object id (null: from the start)
 * @param given          the parameters as given (name → value), for the {@code next} link
 */
record LabelExportRequest(Format format, LabelExport.Filter filter, boolean consensus, TransientClass consensusClass, int limit,
                          long afterId, String afterObject, Map<String, String> given) {

    /** Rows in an answer unless {@code limit} says otherwise. */
    static final int DEFAULT_LIMIT = 10_000;
    /** Most rows in one answer; more come in further pages. */
    static final int MAX_LIMIT = 100_000;

    static final Set<String> PARAMETERS = Set.of("format", "class", "source", "user", "since", "consensus", "limit", "after");
    private static final List<String> SOURCES = List.of("catalogue", "web", "samp", "topcat", "auto");

    /** The answer's body format. */
    enum Format {
        CSV, VOTABLE, JSON
    }

    /**
     * @param store consulted to accept a fine class that is stored but outside the labelling vocabulary
     * @throws ApiException 400 naming the first bad parameter
     */
    static LabelExportRequest parse(Context ctx, LabelExport store) throws SQLException {
        Map<String, String> given = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (!PARAMETERS.contains(e.getKey())) {
                throw new ApiException(400, "unknown parameter '" + e.getKey() + "': GET /api/labels takes " + String.join(", ",
                        List.of("format", "class", "source", "user", "since", "consensus", "limit", "after")));
            }
            if (e.getValue().size() > 1) {
                throw new ApiException(400, "parameter " + e.getKey() + " is given " + e.getValue().size() + " times; give it once"
                        + (e.getKey().equals("source") ? " (several sources: source=web,samp)" : ""));
            }
            String v = e.getValue().get(0).strip();
            if (!v.isEmpty()) {
                given.put(e.getKey(), v);
            }
        }
        Format format = format(given.get("format"));
        boolean consensus = bool("consensus", given.get("consensus"));
        int limit = QueryParameters.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        boolean signedIn = WebAuth.principal(ctx).isPresent();
        String cls = given.get("class");
        if (consensus) {
            for (String p : List.of("source", "user", "since")) {
                if (given.containsKey(p)) {
                    throw new ApiException(400, "parameter " + p + " does not combine with consensus=true: the consensus counts every "
                            + "person's and catalogue's latest label (ask for label events without consensus to filter by " + p + ")");
                }
            }
            TransientClass top = null;
            if (cls != null) {
                top = topClass(cls);
                if (top == null) {
                    throw ApiException.badParameter("class", cls, "a top class (SN_IA, SN_II, OTHER): a consensus is a top class");
                }
            }
            return new LabelExportRequest(format, new LabelExport.Filter(null, null, List.of(), null, signedIn, null), true, top, limit,
                    0, given.get("after"), given);
        }
        String topClass = null;
        String fineClass = null;
        if (cls != null) {
            TransientClass top = topClass(cls);
            if (top != null) {
                topClass = top.name();
            } else {
                fineClass = LabelVocabulary.recognise(cls).map(LabelVocabulary.Known::fineClass)
                        .orElse(store.hasFineClass(cls) ? cls : null);
                if (fineClass == null) {
                    throw ApiException.badParameter("class", cls, "a top class (SN_IA, SN_II, OTHER) or a fine class ("
                            + String.join(", ", LabelVocabulary.FINE_CLASSES) + ", or another class stored by a catalogue)");
                }
            }
        }
        long after = 0;
        if (given.containsKey("after")) {
            Long a = QueryParameters.optionalLong(ctx, "after");
            if (a < 0) {
                throw ApiException.badParameter("after", given.get("after"), "a label id (0 or more), as in the next link");
            }
            after = a;
        }
        return new LabelExportRequest(format, new LabelExport.Filter(topClass, fineClass, sources(given.get("source")), given.get("user"),
                signedIn, given.containsKey("since") ? UtcTime.format(since(given.get("since"))) : null), false, null, limit, after, null, given);
    }

    /** @return the parameters that select rows, as understood, for the JSON answer to echo */
    Map<String, Object> echo() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("class", consensus ? (consensusClass == null ? null : consensusClass.name())
                : filter.topClass() != null ? filter.topClass() : filter.fineClass());
        f.put("source", filter.sources().isEmpty() ? null : filter.sources());
        f.put("user", filter.user());
        f.put("since", filter.since());
        f.put("consensus", consensus);
        return f;
    }

    /** @return the path and query of the next page: these parameters with {@code after} set to {@code cursor} */
    String next(String path, String cursor) {
        Map<String, String> p = new LinkedHashMap<>(given);
        p.remove("after");
        p.put("after", cursor);
        StringBuilder b = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, String> e : p.entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return b.toString();
    }

    private static Format format(String v) {
        if (v == null) {
            return Format.JSON;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "csv" -> Format.CSV;
            case "votable", "vot", "xml" -> Format.VOTABLE;
            case "json" -> Format.JSON;
            default -> throw ApiException.badParameter("format", v, "one of csv, votable, json");
        };
    }

    private static boolean bool(String name, String v) {
        if (v == null) {
            return false;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiException.badParameter(name, v, "true or false");
        };
    }

    /** @return the top class named exactly (any case), or null */
    private static TransientClass topClass(String v) {
        for (TransientClass c : TransientClass.values()) {
            if (c.name().equalsIgnoreCase(v)) {
                return c;
            }
        }
        return null;
    }

    private static List<String> sources(String v) {
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) {
            String name = s.strip().toLowerCase(Locale.ROOT);
            if (!SOURCES.contains(name)) {
                throw ApiException.badParameter("source", v, "a source or a comma-separated list of sources (" + String.join(", ", SOURCES) + ")");
            }
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * @param v an ISO-8601 date ({@code 2026-12-04}, midnight UTC), date and time without a zone (UTC), with {@code Z} or an
     *          offset; a space may stand for the {@code T}, and {@code " UTC"} for {@code Z} (the pages' {@code 2026-12-04 18:26 UTC})
     */
    static Instant since(String v) {
        String s = v.strip();
        if (s.endsWith(" UTC")) {
            s = s.substring(0, s.length() - 4).strip() + "Z";
        }
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10) + "T" + s.substring(11).strip();
        }
        s = s.replace(' ', '+'); // an offset's '+' sent unencoded arrives as a space
        try {
            return OffsetDateTime.parse(s.endsWith("z") ? s.substring(0, s.length() - 1) + "Z" : s).toInstant();
        } catch (DateTimeParseException withoutZone) {
            // below: no zone given, so UTC
        }
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.badParameter("since", v, "an ISO-8601 UTC date or time, e.g. 2026-12-04, 2026-12-04T18:26:46Z or "
                    + "2026-12-04T19:26+01:00");
        }
    }
}
