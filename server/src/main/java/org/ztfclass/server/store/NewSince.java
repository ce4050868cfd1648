package org.ztfclass.server.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "New since": the objects with at least one alert ingested (by {@code ingest} or {@code stream}) at or
 * after a moment, to the second, read from {@code alerts.ingested_at} (index {@code alerts_ingested},
 * migration V15). Objects known only from light-curve files or catalogues have no alert and are never
 * new.
 *
 * <p>Written as an age ({@code 1h}, {@code 24h}, {@code 7d}: that long before now), a UTC date
 * ({@code 2026-12-04}: its midnight), or an ISO-8601 time ({@code 2026-12-04T18:00:00Z}, or with an
 * offset).
 *
 * @param at the moment, truncated to the second
 */
public record NewSince(Instant at) {

    private static final Pattern AGE = Pattern.compile("(\\d{1,6})\\s*([hd])");
    private static final DateTimeFormatter BOUND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    public NewSince {
        at = at.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * @param text an age, a date or a time (see the class comment)
     * @param now  what an age counts back from
     * @throws IllegalArgumentException quoting the text and the forms accepted
     */
    public static NewSince parse(String text, Instant now) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher age = AGE.matcher(t);
        if (age.matches()) {
            long n = Long.parseLong(age.group(1));
            return new NewSince(now.minus(age.group(2).equals("h") ? Duration.ofHours(n) : Duration.ofDays(n)));
        }
        try {
            return new NewSince(LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            // not a date
        }
        try {
            return new NewSince(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("since '" + text + "' is not an age (1h, 24h, 7d), a date (YYYY-MM-DD) "
                    + "or an ISO-8601 time (2026-12-04T18:00:00Z)");
        }
    }

    /**
     * @return the lower bound to compare {@code ingested_at} with as text: the stored values are
     *         {@link Instant#toString()} (a fraction of the second when it is not zero, then {@code Z}), and
     *         {@code yyyy-MM-ddTHH:mm:ss} without zone sorts before every stored value of that second or later
     *         and after every earlier one
     */
    String bound() {
        return BOUND.format(at);
    }

    /**
     * @return the SQL condition on {@code o.object_id}, with one parameter: {@link #bound()}. The unary {@code +}
     *         keeps SQLite from driving the query from the (possibly huge) set of new objects and then sorting them
     *         all: the listing walks its sort index and probes the set, built once from {@code alerts_ingested}
     *         (when few alerts are new, {@link ObjectListing} starts from them instead). PostgreSQL has no such
     *         hint (its unary {@code +} is numeric only) and plans the semi-join itself.
     */
    static String condition(SqlDialect dialect) {
        return (dialect == SqlDialect.SQLITE ? "+" : "") + "o.object_id IN (SELECT a.object_id FROM alerts a WHERE a.ingested_at >= ?)";
    }
}
