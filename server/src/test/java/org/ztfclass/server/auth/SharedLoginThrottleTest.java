package org.ztfclass.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.TestStores;
import org.ztfclass.server.store.Database;

/**
 * Two {@link LoginThrottle}s over one store, each with its own {@link Database} (its own
 * connections, as two server processes behind one load balancer have) share one count: guesses
 * split between them lock the name and the address as soon as guesses to one process would.
 */
class SharedLoginThrottleTest {

    private final LoginThrottleTest.TestClock clock = new LoginThrottleTest.TestClock();
    private Database first;
    private Database second;
    private LoginThrottle a;
    private LoginThrottle b;

    @BeforeEach
    void open(@TempDir Path dir) throws SQLException {
        String location = TestStores.location(dir.resolve("shared-throttle.db"));
        first = Database.open(location);
        second = Database.open(location);
        a = new LoginThrottle(first, clock);
        b = new LoginThrottle(second, clock);
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    @Test
    void guessesSplitBetweenTwoProcessesLockTheNameAtTheSameCount() throws SQLException {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_NAME; i++) {
            LoginThrottle process = i % 2 == 0 ? a : b;
            assertEquals(Duration.ZERO, process.wait("victim", "10.0.0." + i), "guess " + i + " is allowed");
            process.failed("victim", "10.0.0." + i);
        }
        assertEquals(LoginThrottle.LOCKOUT, a.wait("victim", "10.0.1.1"));
        assertEquals(LoginThrottle.LOCKOUT, b.wait("VICTIM", "10.0.1.2"), "the other process refuses too");
        b.succeeded("victim");
        assertEquals(LoginThrottle.LOCKOUT, a.wait("victim", "10.0.1.1"), "a right password does not end a lockout");
    }

    @Test
    void aRightPasswordAtOneProcessClearsTheCountOfTheOther() throws SQLException {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_NAME - 1; i++) {
            a.failed("typist", "10.0.0.9");
        }
        b.succeeded("typist");
        a.failed("typist", "10.0.0.9");
        assertEquals(Duration.ZERO, a.wait("typist", "10.0.0.9"));
    }

    @Test
    void concurrentGuessesAtBothProcessesAreAllCounted() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> guesses = new ArrayList<>();
            for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
                LoginThrottle process = i % 2 == 0 ? a : b;
                String name = "sprayed-" + i;
                guesses.add(pool.submit(() -> {
                    process.failed(name, "10.6.6.6");
                    return null;
                }));
            }
            for (Future<?> f : guesses) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(LoginThrottle.LOCKOUT, a.wait("anyone", "10.6.6.6"), "the 20th guess, at either process, locks the address");
        assertEquals(LoginThrottle.LOCKOUT, b.wait("anyone", "10.6.6.6"));
    }
}
