package org.ztfclass.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.ztfclass.server.store.Database;

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
 * <p>The counts live in the store (tables {@code login_failures} and {@code login_lockouts},
 * migration V17), so every server process on one store shares them and they survive a restart.
 * A failure is counted in one short write transaction under the store's write lock named
 * {@code login_throttle} ({@link Database#beginImmediate}), so concurrent failures from several
 * processes are all counted and a limit is reached exactly once. Names and addresses are kept
 * only as SHA-256 hashes. Stale failures and ended lockouts are deleted as new failures come.
 * Times come from this throttle's clock: processes on several hosts need synchronised clocks
 * (NTP). Thread-safe.
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

    /** The name of the store's write lock that counting takes. */
    static final String LOCK = "login_throttle";

    private final Database db;
    private final Clock clock;

    /** A throttle on the system clock, counting in {@code db}. */
    public LoginThrottle(Database db) {
        this(db, Clock.systemUTC());
    }

    /** A throttle on {@code clock} (tests move it on), counting in {@code db}. */
    public LoginThrottle(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * @param name    the user name tried (null: none)
     * @param address the remote address (null: unknown)
     * @return how long until an attempt for this name from this address is allowed; {@link Duration#ZERO} if now
     * @throws SQLException if the store cannot be read
     */
    public Duration wait(String name, String address) throws SQLException {
        String byName = nameKey(name);
        String byAddress = addressKey(address);
        if (byName == null && byAddress == null) {
            return Duration.ZERO;
        }
        long now = clock.millis();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT MAX(locked_until) FROM login_lockouts WHERE key_hash IN (?, ?) AND locked_until > ?")) {
            ps.setString(1, byName == null ? byAddress : byName);
            ps.setString(2, byAddress == null ? byName : byAddress);
            ps.setLong(3, now);
            try (ResultSet rs = ps.executeQuery()) {
                long until = rs.next() ? rs.getLong(1) : 0;
                return rs.wasNull() || until <= now ? Duration.ZERO : Duration.ofMillis(until - now);
            }
        }
    }

    /**
     * Records a wrong password for {@code name} from {@code address}; the one that reaches a limit starts a lockout.
     *
     * @throws SQLException if the store cannot be written
     */
    public void failed(String name, String address) throws SQLException {
        String byName = nameKey(name);
        String byAddress = addressKey(address);
        if (byName == null && byAddress == null) {
            return;
        }
        long now = clock.millis();
        db.inWriteTransaction(LOCK, c -> {
            prune(c, now);
            count(c, byName, MAX_FAILURES_PER_NAME, now);
            count(c, byAddress, MAX_FAILURES_PER_ADDRESS, now);
            return null;
        });
    }

    /**
     * Records a right password for {@code name}: its failures are forgotten (the address's are
     * kept); while the name is locked, nothing changes.
     *
     * @throws SQLException if the store cannot be written
     */
    public void succeeded(String name) throws SQLException {
        String key = nameKey(name);
        if (key == null) {
            return;
        }
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("DELETE FROM login_failures WHERE key_hash = ? "
                + "AND NOT EXISTS (SELECT 1 FROM login_lockouts WHERE key_hash = ? AND locked_until > ?)")) {
            ps.setString(1, key);
            ps.setString(2, key);
            ps.setLong(3, clock.millis());
            ps.executeUpdate();
        }
    }

    /** @return how many names and addresses have failures or a lockout stored now, stale ones included until pruned (tests) */
    int tracked() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT COUNT(*) FROM (SELECT key_hash FROM login_failures UNION SELECT key_hash FROM login_lockouts) k")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Deletes failures older than the window and lockouts that ended (every key's, so the tables stay small). */
    private static void prune(Connection c, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_failures WHERE failed_at <= ?")) {
            ps.setLong(1, now - WINDOW.toMillis());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_lockouts WHERE locked_until <= ?")) {
            ps.setLong(1, now);
            ps.executeUpdate();
        }
    }

    /** Counts one failure of {@code key} (after {@link #prune}: every stored failure is in the window) unless it is locked. */
    private static void count(Connection c, String key, int limit, long now) throws SQLException {
        if (key == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM login_lockouts WHERE key_hash = ? AND locked_until > ?")) {
            ps.setString(1, key);
            ps.setLong(2, now);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO login_failures (key_hash, failed_at) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setLong(2, now);
            ps.executeUpdate();
        }
        int failures;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM login_failures WHERE key_hash = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                failures = rs.getInt(1);
            }
        }
        if (failures < limit) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_failures WHERE key_hash = ?")) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO login_lockouts (key_hash, locked_until) VALUES (?, ?) "
                + "ON CONFLICT (key_hash) DO UPDATE SET locked_until = excluded.locked_until")) {
            ps.setString(1, key);
            ps.setLong(2, now + LOCKOUT.toMillis());
            ps.executeUpdate();
        }
    }

    private static String nameKey(String name) {
        return name == null || name.isBlank() ? null : hash("name:" + name.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? null : hash("address:" + address);
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
