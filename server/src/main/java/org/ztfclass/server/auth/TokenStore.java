package org.ztfclass.server.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ztfclass.server.store.Database;

/**
 * Personal API tokens, sent as {@code Authorization: Bearer <token>} by the desktop plugin and
 * scripts. A token is {@code ztf_} + 256 random bits; only its SHA-256 is stored. Every token
 * expires: {@link #DEFAULT_LIFETIME} after it is made unless its maker chooses another lifetime
 * between one day and {@link #MAX_LIFETIME} (tokens made before expiry existed were given 90 days
 * from the upgrade, migration V11). A revoked or expired token, or one of a disabled user,
 * authenticates nobody. Thread-safe.
 */
public final class TokenStore {

    /** Prefix of every token, so a leaked one is recognisable. */
    public static final String PREFIX = "ztf_";
    /** Lifetime of a token when its maker does not choose one. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofDays(90);
    /** Longest lifetime a token may be given. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(365);

    private final Database db;

    public TokenStore(Database db) {
        this.db = db;
    }

    /** A new token: the secret (show it once) and its listing. */
    public record Created(String token, ApiToken listing) {
    }

    /** Creates a token for {@code user} named {@code name} (blank: "API token") that expires after {@link #DEFAULT_LIFETIME}. */
    public Created create(User user, String name) throws SQLException {
        return create(user, name, DEFAULT_LIFETIME);
    }

    /**
     * Creates a token for {@code user} named {@code name} (blank: "API token") that works for {@code lifetime}.
     *
     * @throws IllegalArgumentException if {@code lifetime} is not between one day and {@link #MAX_LIFETIME}
     */
    public Created create(User user, String name, Duration lifetime) throws SQLException {
        checkLifetime(lifetime);
        String token = PREFIX + Secrets.random(32);
        String label = name == null || name.isBlank() ? "API token" : name.strip();
        if (label.length() > 100) {
            label = label.substring(0, 100);
        }
        Instant created = Instant.now();
        String now = UtcTime.format(created);
        String expires = UtcTime.format(created.plus(lifetime));
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at) VALUES (?,?,?,?,?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, user.id());
            ps.setString(2, label);
            ps.setString(3, Secrets.sha256(token));
            ps.setString(4, now);
            ps.setString(5, expires);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new Created(token, new ApiToken(keys.getLong(1), label, now, null, null, expires));
            }
        }
    }

    /**
     * @param days a lifetime in whole days, as typed in a form or given on the command line
     * @return that lifetime
     * @throws IllegalArgumentException naming the accepted range if it is not 1 to {@link #MAX_LIFETIME} days
     */
    public static Duration lifetimeOfDays(long days) {
        if (days < 1 || days > MAX_LIFETIME.toDays()) {
            throw new IllegalArgumentException("a token's lifetime must be 1 to " + MAX_LIFETIME.toDays() + " days, not " + days);
        }
        return Duration.ofDays(days);
    }

    private static void checkLifetime(Duration lifetime) {
        if (lifetime == null || lifetime.compareTo(Duration.ofDays(1)) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("a token's lifetime must be 1 to " + MAX_LIFETIME.toDays() + " days, not " + lifetime);
        }
    }

    /** @return the user the token belongs to, empty if unknown, revoked, expired or the user is disabled; records its use */
    public Optional<User> authenticate(String token) throws SQLException {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(token.strip());
        try (Connection c = db.connect()) {
            Optional<User> user;
            try (PreparedStatement ps = c.prepareStatement("SELECT u.* FROM api_tokens t JOIN users u ON u.id = t.user_id "
                    + "WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?) AND u.disabled = 0")) {
                ps.setString(1, hash);
                ps.setString(2, UtcTime.now());
                try (ResultSet rs = ps.executeQuery()) {
                    user = rs.next() ? Optional.of(UserStore.toUser(rs)) : Optional.empty();
                }
            }
            if (user.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ? "
                        + "AND (last_used_at IS NULL OR last_used_at < ?)")) {
                    String now = UtcTime.now();
                    ps.setString(1, now);
                    ps.setString(2, hash);
                    ps.setString(3, UtcTime.format(Instant.now().minusSeconds(60)));
                    ps.executeUpdate();
                }
            }
            return user;
        }
    }

    /** @return the user's tokens, newest first, revoked and expired ones included */
    public List<ApiToken> of(User user) throws SQLException {
        List<ApiToken> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM api_tokens WHERE user_id = ? ORDER BY id DESC")) {
            ps.setLong(1, user.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("created_at"),
                            rs.getString("last_used_at"), rs.getString("revoked_at"), rs.getString("expires_at")));
                }
            }
        }
        return out;
    }

    /** Revokes one of the user's tokens. @throws AccountException if the user has no such token */
    public void revoke(User user, long tokenId) throws AccountException, SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND user_id = ?")) {
            ps.setString(1, UtcTime.now());
            ps.setLong(2, tokenId);
            ps.setLong(3, user.id());
            if (ps.executeUpdate() == 0) {
                throw new AccountException("you have no API token with id " + tokenId);
            }
        }
    }
}
