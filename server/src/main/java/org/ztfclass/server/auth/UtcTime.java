package org.ztfclass.server.auth;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Bookkeeping times as fixed-width ISO-8601 UTC text with milliseconds
 * ({@code 2026-11-25T09:00:00.000Z}), so that text order is time order in SQL comparisons.
 */
public final class UtcTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private UtcTime() {
    }

    /** @return {@code t} in the fixed format */
    public static String format(Instant t) {
        return FORMAT.format(t);
    }

    /** @return now in the fixed format */
    public static String now() {
        return format(Instant.now());
    }
}
