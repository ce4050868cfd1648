package org.ztfclass.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The rules of {@link LoginThrottle} on a clock the test moves: the window, the lockout and its end, what clears a count. */
class LoginThrottleTest {

    /** A clock that stands still until moved. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private void fail(String name, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertEquals(Duration.ZERO, throttle.wait(name, address), "try " + i + " is allowed");
            throttle.failed(name, address);
        }
    }

    @Test
    void theFifthFailureLocksTheNameForFifteenMinutes() {
        fail("victim", "10.0.0.1", LoginThrottle.MAX_FAILURES_PER_NAME);
        assertEquals(LoginThrottle.LOCKOUT, throttle.wait("victim", "10.0.0.1"));
        assertEquals(LoginThrottle.LOCKOUT, throttle.wait("Victim ", "10.0.0.2"), "whatever the address and case");
        assertEquals(Duration.ZERO, throttle.wait("other", "10.0.0.1"), "the address is not locked yet");
        throttle.succeeded("victim"); // cannot happen while locked, and clears nothing if it did
        clock.advance(Duration.ofMinutes(14));
        assertEquals(Duration.ofMinutes(1), throttle.wait("victim", "10.0.0.2"));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Duration.ZERO, throttle.wait("victim", "10.0.0.2"), "the lockout ends");
        throttle.failed("victim", "10.0.0.2");
        assertEquals(Duration.ZERO, throttle.wait("victim", "10.0.0.2"), "and the count starts again");
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        fail("slow", "10.0.0.1", LoginThrottle.MAX_FAILURES_PER_NAME - 1);
        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        fail("slow", "10.0.0.1", LoginThrottle.MAX_FAILURES_PER_NAME - 1);
        assertEquals(Duration.ZERO, throttle.wait("slow", "10.0.0.1"));
    }

    @Test
    void aRightPasswordClearsTheNameButNotTheAddress() {
        fail("typist", "10.0.0.9", LoginThrottle.MAX_FAILURES_PER_NAME - 1);
        throttle.succeeded("typist");
        fail("typist", "10.0.0.9", LoginThrottle.MAX_FAILURES_PER_NAME - 1);
        assertEquals(Duration.ZERO, throttle.wait("typist", "10.0.0.9"));
        // the address has 8 failures; 12 more over other names lock it, for every name
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS - 2 * (LoginThrottle.MAX_FAILURES_PER_NAME - 1); i++) {
            fail("name-" + i, "10.0.0.9", 1);
        }
        assertEquals(LoginThrottle.LOCKOUT, throttle.wait("anyone", "10.0.0.9"));
        assertEquals(Duration.ZERO, throttle.wait("anyone", "10.0.0.10"));
    }

    @Test
    void manyNamesDoNotGrowItForEver() {
        for (int i = 0; i < 30_000; i++) {
            throttle.failed("name-" + i, null);
            if (i % 1000 == 0) {
                clock.advance(LoginThrottle.WINDOW);
            }
        }
        assertTrue(throttle.tracked() <= LoginThrottle.PRUNE_ABOVE + 1, "stale names are dropped: " + throttle.tracked());
    }
}
