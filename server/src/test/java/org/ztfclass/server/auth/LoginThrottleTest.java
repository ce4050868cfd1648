package org.ztfclass.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.TestStores;
import org.ztfclass.server.store.Database;

/**
 * The rules of {@link LoginThrottle} on a clock the test moves: the window, the lockout and its
 * end, what clears a count; on a store of this run's engine ({@link TestStores}).
 */
class LoginThrottleTest {

    /** A clock that stands still until moved. */
    static final class TestClock extends Clock {
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
    private Database db;
    private LoginThrottle throttle;

    @BeforeEach
    void open(@TempDir Path dir) throws SQLException {
        db = TestStores.open(dir.resolve("throttle.db"));
        throttle = new LoginThrottle(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void fail(String name, String address, int times) throws SQLException {
        for (int i = 0; i < times; i++) {
            assertEquals(Duration.ZERO, throttle.wait(name, address), "try " + i + " is allowed");
            throttle.failed(name, address);
        }
    }

    @Test
    void theFifthFailureLocksTheNameForFifteenMinutes() throws SQLException {
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
    void failuresOlderThanTheWindowDoNotCount() throws SQLException {
        fail("slow", "10.0.0.1", LoginThrottle.MAX_FAILURES_PER_NAME - 1);
        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        fail("slow", "10.0.0.1", LoginThrottle.MAX_FAILURES_PER_NAME - 1);
        assertEquals(Duration.ZERO, throttle.wait("slow", "10.0.0.1"));
    }

    @Test
    void aRightPasswordClearsTheNameButNotTheAddress() throws SQLException {
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
    void manyNamesDoNotGrowItForEver() throws SQLException {
        for (int i = 0; i < 300; i++) {
            throttle.failed("name-" + i, null);
            if (i % 30 == 0) {
                clock.advance(LoginThrottle.WINDOW);
            }
        }
        // failures 271..299 are in the window; every older one was dropped by a later failure
        assertEquals(29, throttle.tracked(), "stale names are dropped");
    }
}
