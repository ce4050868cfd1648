package org.ztfclass.server.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ztfclass.server.store.Database;

/**
 * Browser sessions: a random 256-bit id goes into the cookie, only its SHA-256 into the store,
 * with a CSRF token and an expiry ({@link #LIFETIME}). A session of a disabled user is not found.
 * Thread-safe.
 */
public final class SessionStore {

    /** How long a session lasts after sign-in. */
    public static final Duration LIFETIME = Duration.ofHours(12);

    private final Database db;

    public SessionStore(Database db) {
        this.db = db;
    }

    /** A new session's cookie value and what it stands for. */
    public record Created(String cookieValue, Session session) {
    }

    /** Starts a session for {@code user}. */
    public Created create(User user) throws SQLException {
        String id = Secrets.random(32);
        String csrf = Secrets.random(32);
        Instant now = Instant.now();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES (?,?,?,?,?)")) {
            ps.setString(1, Secrets.sha256(id));
            ps.setLong(2, user.id());
            ps.setString(3, csrf);
            ps.setString(4, UtcTime.format(now));
            ps.setString(5, UtcTime.format(now.plus(LIFETIME)));
            ps.executeUpdate();
        }
        return new Created(id, new Session(user, csrf));
    }

    /** @return the live session with this cookie value, empty if unknown, expired or its user disabled */
    public Optional<Session> find(String cookieValue) throws SQLException {
        if (cookieValue == null || cookieValue.isBlank()) {
            return Optional.empty();
        }
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT u.*, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id "
                        + "WHERE s.id_hash = ? AND s.expires_at > ? AND u.disabled = 0")) {
            ps.setString(1, Secrets.sha256(cookieValue));
            ps.setString(2, UtcTime.now());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Session(UserStore.toUser(rs), rs.getString("csrf_token"))) : Optional.empty();
            }
        }
    }

    /** Ends the session with this cookie value (nothing if unknown). */
    public void delete(String cookieValue) throws SQLException {
        if (cookieValue == null) {
            return;
        }
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE id_hash = ? OR expires_at < ?")) {
            ps.setString(1, Secrets.sha256(cookieValue));
            ps.setString(2, UtcTime.now());
            ps.executeUpdate();
        }
    }
}
