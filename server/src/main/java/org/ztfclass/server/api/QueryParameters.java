package org.ztfclass.server.api;

import io.javalin.http.Context;
import java.util.Locale;
import org.ztfclass.votables.domain.TransientClass;

/** Parses query parameters, turning a malformed one into a 400 {@link ApiException} that names it. */
final class QueryParameters {

    private QueryParameters() {
    }

    static int integer(Context ctx, String name, int fallback, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < min || n > max) {
                throw ApiException.badParameter(name, v, "an integer in " + min + ".." + max);
            }
            return (int) n;
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, v, "an integer in " + min + ".." + max);
        }
    }

    static Long optionalLong(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badParameter(name, v, "an integer");
        }
    }

    static Boolean labelled(Context ctx) {
        String v = ctx.queryParam("label_status");
        if (v == null || v.isBlank()) {
            return null;
        }
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "labelled": case "labeled": return true;
            case "unlabelled": case "unlabeled": return false;
            default: throw ApiException.badParameter("label_status", v, "one of labelled, unlabelled");
        }
    }

    static Double probability(Context ctx) {
        String v = ctx.queryParam("min_prob");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            double p = Double.parseDouble(v.trim());
            if (p >= 0 && p <= 1) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badParameter("min_prob", v, "a probability in 0..1");
    }

    static TransientClass transientClass(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return TransientClass.valueOf(v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(name, v, "one of SN_IA, SN_II, OTHER");
        }
    }

    static String droppedBy(Context ctx) {
        String v = ctx.queryParam("dropped_by");
        if (v == null || v.isBlank()) {
            return null;
        }
        String stage = v.trim().toLowerCase(Locale.ROOT);
        if (!stage.equals(org.ztfclass.server.store.ObjectFilter.PASSED)
                && !org.ztfclass.server.funnel.FunnelConfig.STAGES.contains(stage)) {
            throw ApiException.badParameter("dropped_by", v, "a funnel stage (" + String.join(", ",
                    org.ztfclass.server.funnel.FunnelConfig.STAGES) + ") or none");
        }
        return stage;
    }

    /** @return {@code since} as "new since" (an age such as 24h, a date, an ISO-8601 time), null if absent */
    static org.ztfclass.server.store.NewSince newSince(Context ctx) {
        String v = ctx.queryParam("since");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return org.ztfclass.server.store.NewSince.parse(v, java.time.Instant.now());
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter("since", v, "an age (1h, 24h, 7d), a date (YYYY-MM-DD) or an ISO-8601 time "
                    + "(2026-12-04T18:00:00Z): objects with an alert ingested at or after it");
        }
    }
}
