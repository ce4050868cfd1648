package org.ztfclass.server.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How the pages show a moment: {@code 2026-12-04 18:26 UTC} for reading, inside a
 * {@code <time>} element whose {@code datetime} is ISO-8601 to the second and whose tooltip
 * ({@code title}) is ISO-8601 to the millisecond:
 * {@code <time datetime="2026-12-04T18:26:46Z" title="2026-12-04T18:26:46.055Z">2026-12-04 18:26 UTC</time>}.
 * The API keeps ISO-8601; only pages use this. Input is the store's ISO-8601 UTC text in any
 * precision (or with an offset); text that is not a time is shown escaped as it is. Stateless
 * and thread-safe.
 */
public final class HtmlTime {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private HtmlTime() {
    }

    /** @return the {@code <time>} element for {@code t}; "" for null */
    public static String of(Instant t) {
        if (t == null) {
            return "";
        }
        return "<time datetime=\"" + SECONDS.format(t) + "\" title=\"" + MILLIS.format(t) + "\">" + SHOWN.format(t) + "</time>";
    }

    /** @return the {@code <time>} element for ISO-8601 text, the text escaped if it is no time, "" for null */
    public static String of(String iso) {
        if (iso == null) {
            return "";
        }
        return parse(iso).map(HtmlTime::of).orElseGet(() -> Html.e(iso));
    }

    /** @return {@code 2026-12-04 18:26 UTC} for ISO-8601 text (plain text, e.g. for a message escaped later); the text itself if it is no time */
    public static String text(String iso) {
        if (iso == null) {
            return "";
        }
        return parse(iso).map(SHOWN::format).orElse(iso);
    }

    /** @return the moment ISO-8601 text names (UTC when it gives an offset of its own, converted) */
    static Optional<Instant> parse(String iso) {
        try {
            return Optional.of(OffsetDateTime.parse(iso.strip()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
