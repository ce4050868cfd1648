package org.ztfclass.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How pages show times (issue 16): minutes and "UTC" to read, ISO-8601 in {@code datetime} and the tooltip. */
class HtmlTimeTest {

    @Test
    void storedTimesOfAnyPrecisionAreShownToTheMinuteWithIsoInTheElement() {
        String expected = "<time datetime=\"2026-12-04T18:26:46Z\" title=\"2026-12-04T18:26:46.055Z\">2026-12-04 18:26 UTC</time>";
        assertEquals(expected, HtmlTime.of("2026-12-04T18:26:46.055199622Z"), "nanoseconds, as Instant.toString writes them");
        assertEquals(expected, HtmlTime.of("2026-12-04T18:26:46.055Z"), "milliseconds, as UtcTime writes them");
        assertEquals(expected, HtmlTime.of(Instant.parse("2026-12-04T18:26:46.055Z")));
        assertEquals("<time datetime=\"2026-12-04T18:26:00Z\" title=\"2026-12-04T18:26:00.000Z\">2026-12-04 18:26 UTC</time>",
                HtmlTime.of("2026-12-04T18:26Z"));
        assertEquals("<time datetime=\"2026-12-04T17:26:46Z\" title=\"2026-12-04T17:26:46.000Z\">2026-12-04 17:26 UTC</time>",
                HtmlTime.of("2026-12-04T18:26:46+01:00"), "an offset is converted to UTC");
    }

    @Test
    void plainTextAndWhatIsNoTime() {
        assertEquals("2026-12-04 23:59 UTC", HtmlTime.text("2026-12-04T23:59:59.999999Z"), "cut to the minute, never rounded into the next day");
        assertEquals("", HtmlTime.of((String) null));
        assertEquals("", HtmlTime.of((Instant) null));
        assertEquals("&lt;b&gt;soon&lt;/b&gt;", HtmlTime.of("<b>soon</b>"), "text that is no time is escaped as it is");
        assertEquals("later", HtmlTime.text("later"));
    }
}
