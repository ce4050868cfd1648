package org.ztfclass.server.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ztfclass.server.store.Database;

/**
 * Personal API tokens, sent as {@code Authorization: Bearer <token>} by the desktop plugin and
 * scripts. A token is {@code ztf_} + 256 random bits; only its SHA-256 is stored. A revoked
 * token, or one of a disabled user, authenticates nobody. Thread-safe.
 */
public final class TokenStore {

    /** Prefix of every token, so a leaked one is recognisable. */
    public static final String PREFIX = "ztf_";

    private final Database db;

    public TokenStore(Database db) {
        this.db = db;
    }

    /** A new token: the secret (show it once) and its listing. */
    public record Created(String token, ApiToken listing) {
    }

    /** Creates a token for {@code user} named {@code name} (blank: "API token"). */
    public Created create(User user, String name) throws SQLException {
        String token = PREFIX + Secrets.random(32);
        String label = name == null || name.isBlank() ? "API token" : name.strip();
        if (label.length() > 100) {
            label = label.substring(0, 100);
        }
        String now = UtcTime.now();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?,?,?,?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, user.id());
            ps.setString(2, label);
            ps.setString(3, Secrets.sha256(token));
            ps.setString(4, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new Created(token, new ApiToken(keys.getLong(1), label, now, null, null));
            }
        }
    }

    /** @return the user the token belongs to, empty if unknown, revoked or the user is disabled; records its use */
    public Optional<User> authenticate(String token) throws SQLException {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(token.strip());
        try (Connection c = db.connect()) {
            Optional<User> user;
            try (PreparedStatement ps = c.prepareStatement("SELECT u.* FROM api_tokens t JOIN users u ON u.id = t.user_id "
                    + "WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled = 0")) {
                ps.setString(1, hash);
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
                    ps.setString(3, UtcTime.format(java.time.Instant.now().minusSeconds(60)));
                    ps.executeUpdate();
                }
            }
            return user;
        }
    }

    /** @return the user's tokens, newest first, revoked ones included */
    public List<ApiToken> of(User user) throws SQLException {
        List<ApiToken> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM api_tokens WHERE user_id = ? ORDER BY id DESC")) {
            ps.setLong(1, user.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("created_at"),
                            rs.getString("last_used_at"), rs.getString("revoked_at")));
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
