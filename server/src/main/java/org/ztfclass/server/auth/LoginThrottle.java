package org.ztfclass.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Slows down password guessing: counts wrong passwords (at sign-in and when changing a password)
 * per user name and per remote address, and locks further attempts for a while once there were
 * too many.
 *
 * <p>Rules: {@link #MAX_FAILURES_PER_NAME} wrong passwords for one user name, or
 * {@link #MAX_FAILURES_PER_ADDRESS} from one address (for any names: password spraying), within
 * {@link #WINDOW} lock that name, or that address, for {@link #LOCKOUT}. While locked, every
 * attempt is refused before its password is looked at, right or wrong ({@link #wait} says for how
 * long), and does not count again. A right password clears the failures of its user name, not
 * those of its address (else an attacker would clear them by signing in to an account of their
 * own between guesses). The name is compared ignoring case.
 *
 * <p>The cost: anyone can lock a user name out for {@link #LOCKOUT} by guessing wrong on purpose;
 * the user's API tokens and existing sessions keep working meanwhile. The address is the socket's
 * peer: behind a reverse proxy all clients share the proxy's address, and so its count.
 *
 * <p>The counts live in this object's memory: they are for one server process, start empty when
 * it restarts, and are not shared by several processes behind a proxy. Stale entries are dropped
 * as new ones come. Thread-safe.
 */
public final class LoginThrottle {

    /** Wrong passwords for one user name, within {@link #WINDOW}, that lock the name. */
    public static final int MAX_FAILURES_PER_NAME = 5;
    /** Wrong passwords from one remote address, within {@link #WINDOW}, that lock the address. */
    public static final int MAX_FAILURES_PER_ADDRESS = 20;
    /** How far back failures count. */
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** How long a locked name or address stays locked. */
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    /** Above this many tracked names and addresses, the stale ones are dropped. */
    static final int PRUNE_ABOVE = 10_000;

    private final Clock clock;
    private final Map<String, Entry> entries = new HashMap<>();

    /** A throttle on the system clock. */
    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    /** A throttle on {@code clock} (tests move it on). */
    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param name    the user name tried (null: none)
     * @param address the remote address (null: unknown)
     * @return how long until an attempt for this name from this address is allowed; {@link Duration#ZERO} if now
     */
    public synchronized Duration wait(String name, String address) {
        Instant now = clock.instant();
        Duration byName = remaining(nameKey(name), now);
        Duration byAddress = remaining(addressKey(address), now);
        return byName.compareTo(byAddress) >= 0 ? byName : byAddress;
    }

    /** Records a wrong password for {@code name} from {@code address}; the one that reaches a limit starts a lockout. */
    public synchronized void failed(String name, String address) {
        Instant now = clock.instant();
        count(nameKey(name), MAX_FAILURES_PER_NAME, now);
        count(addressKey(address), MAX_FAILURES_PER_ADDRESS, now);
        if (entries.size() > PRUNE_ABOVE) {
            prune(now);
        }
    }

    /** Records a right password for {@code name}: its failures are forgotten (the address's are kept). */
    public synchronized void succeeded(String name) {
        String key = nameKey(name);
        if (key != null) {
            Entry e = entries.get(key);
            if (e != null && !e.lockedAt(clock.instant())) {
                entries.remove(key);
            }
        }
    }

    /** @return how many names and addresses are tracked now (tests) */
    synchronized int tracked() {
        return entries.size();
    }

    private Duration remaining(String key, Instant now) {
        Entry e = key == null ? null : entries.get(key);
        if (e == null || !e.lockedAt(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, e.lockedUntil);
    }

    private void count(String key, int limit, Instant now) {
        if (key == null) {
            return;
        }
        Entry e = entries.computeIfAbsent(key, k -> new Entry());
        if (e.lockedAt(now)) {
            return;
        }
        e.lockedUntil = null;
        Instant since = now.minus(WINDOW);
        while (!e.failures.isEmpty() && !e.failures.peekFirst().isAfter(since)) {
            e.failures.removeFirst();
        }
        e.failures.addLast(now);
        if (e.failures.size() >= limit) {
            e.failures.clear();
            e.lockedUntil = now.plus(LOCKOUT);
        }
    }

    private void prune(Instant now) {
        Instant since = now.minus(WINDOW);
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            boolean recent = !e.failures.isEmpty() && e.failures.peekLast().isAfter(since);
            if (!e.lockedAt(now) && !recent) {
                it.remove();
            }
        }
    }

    private static String nameKey(String name) {
        return name == null || name.isBlank() ? null : "name:" + name.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? null : "address:" + address;
    }

    /** Recent failures (oldest first) and the end of a lockout, if any. */
    private static final class Entry {
        final ArrayDeque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil;

        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }
}
