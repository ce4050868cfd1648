package org.ztfclass.server.api;

import io.javalin.http.Context;
import java.util.Locale;

/** The body formats of table-valued endpoints, chosen with the {@code format} query parameter. */
public enum ResponseFormat {
    JSON,
    VOTABLE;

    /**
     * @return the format asked for, {@code fallback} when the parameter is absent
     * @throws ApiException 400 if the parameter names no known format
     */
    public static ResponseFormat of(Context ctx, ResponseFormat fallback) {
        String v = ctx.queryParam("format");
        if (v == null || v.isBlank()) {
            return fallback;
        }
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "json": return JSON;
            case "votable": case "vot": case "xml": return VOTABLE;
            default: throw ApiException.badParameter("format", v, "one of json, votable");
        }
    }

    /** @return true if the request asks for a VOTable (used to pick the error body); false if unsure */
    public static boolean wantsVotable(Context ctx) {
        String v = ctx.queryParam("format");
        return v != null && (v.equalsIgnoreCase("votable") || v.equalsIgnoreCase("vot") || v.equalsIgnoreCase("xml"));
    }
}
