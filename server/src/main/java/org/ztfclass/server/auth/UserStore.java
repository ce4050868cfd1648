package org.ztfclass.server.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ztfclass.server.store.Database;

/**
 * The web accounts in the store's {@code users} table: create, find, check a password, change
 * role, password or disabled state. Passwords are kept only as bcrypt hashes. Disabling a user
 * also ends their sessions (their API tokens stop working through {@link TokenStore}'s check of
 * the user). A new password ends the user's sessions and revokes their API tokens (whoever knew
 * the old password may have made them); a user changing their own keeps the session they did it
 * in. Checking a password takes one bcrypt comparison whether or not the user exists
 * ({@link Passwords#matches}). Thread-safe.
 */
public final class UserStore {

    /** Sign-in names: 2 to 64 letters, digits, {@code . _ - @}. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{2,64}");

    private final Database db;

    public UserStore(Database db) {
        this.db = db;
    }

    /**
     * Creates a user.
     *
     * @throws AccountException if the name is malformed or taken, or the password too short
     */
    public User create(String name, Role role, String password) throws AccountException, SQLException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new AccountException("user name '" + name + "' must be 2 to 64 letters, digits or . _ - @");
        }
        String hash;
        try {
            hash = Passwords.hash(password);
        } catch (IllegalArgumentException e) {
            throw new AccountException(e.getMessage());
        }
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO users (name, role, password_hash, disabled, created_at) VALUES (?,?,?,0,?) ON CONFLICT (name) DO NOTHING")) {
            ps.setString(1, name);
            ps.setString(2, role.dbName());
            ps.setString(3, hash);
            ps.setString(4, UtcTime.now());
            if (ps.executeUpdate() == 0) {
                throw new AccountException("a user named '" + name + "' exists already");
            }
        }
        return byName(name).orElseThrow();
    }

    /** @return the user with this name, if any */
    public Optional<User> byName(String name) throws SQLException {
        return one("SELECT * FROM users WHERE name = ?", name);
    }

    /** @return the user with this id, if any */
    public Optional<User> byId(long id) throws SQLException {
        return one("SELECT * FROM users WHERE id = ?", id);
    }

    /**
     * @return the user if the name exists, is not disabled and the password matches; empty otherwise (no hint which,
     *         not even in the time taken: an unknown name costs the same bcrypt comparison as a known one)
     */
    public Optional<User> authenticate(String name, String password) throws SQLException {
        String hash = null;
        User user = null;
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT * FROM users WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    user = toUser(rs);
                    hash = rs.getString("password_hash");
                }
            }
        }
        boolean ok = Passwords.matches(password, hash);
        return ok && user != null && !user.disabled() ? Optional.of(user) : Optional.empty();
    }

    /** @return every user, by name */
    public List<User> all() throws SQLException {
        List<User> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT * FROM users ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(toUser(rs));
            }
        }
        return out;
    }

    /**
     * Sets a new password (an administrator's reset, the demo's fresh password) and ends every
     * session and revokes every API token of the user.
     *
     * @return how many API tokens were revoked
     * @throws AccountException if the user is unknown or the password too short
     */
    public int setPassword(long userId, String password) throws AccountException, SQLException {
        return changePassword(userId, password, null);
    }

    /**
     * Sets a new password chosen by the user, ends their other sessions and revokes every API
     * token of theirs.
     *
     * @param keepSessionCookie the cookie value of the session to keep (the one the change was made in); null: end all
     * @return how many API tokens were revoked
     * @throws AccountException if the user is unknown or the password too short
     */
    public int changePassword(long userId, String password, String keepSessionCookie) throws AccountException, SQLException {
        String hash;
        try {
            hash = Passwords.hash(password);
        } catch (IllegalArgumentException e) {
            throw new AccountException(e.getMessage());
        }
        String keep = keepSessionCookie == null ? "" : Secrets.sha256(keepSessionCookie);
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ?")) {
                ps.setString(1, hash);
                ps.setLong(2, userId);
                if (ps.executeUpdate() == 0) {
                    throw new AccountException("no user with id " + userId);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?")) {
                ps.setLong(1, userId);
                ps.setString(2, keep);
                ps.executeUpdate();
            }
            int revoked;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")) {
                ps.setString(1, UtcTime.now());
                ps.setLong(2, userId);
                revoked = ps.executeUpdate();
            }
            return revoked;
        });
    }

    /** Disables or re-enables a user; disabling ends the user's sessions. */
    public void setDisabled(long userId, boolean disabled) throws AccountException, SQLException {
        update(userId, "UPDATE users SET disabled = ? WHERE id = ?", disabled ? 1 : 0);
        if (disabled) {
            try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE user_id = ?")) {
                ps.setLong(1, userId);
                ps.executeUpdate();
            }
        }
    }

    /** Changes a user's role. */
    public void setRole(long userId, Role role) throws AccountException, SQLException {
        update(userId, "UPDATE users SET role = ? WHERE id = ?", role.dbName());
    }

    private void update(long userId, String sql, Object value) throws AccountException, SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, value);
            ps.setLong(2, userId);
            if (ps.executeUpdate() == 0) {
                throw new AccountException("no user with id " + userId);
            }
        }
    }

    private Optional<User> one(String sql, Object key) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(toUser(rs)) : Optional.empty();
            }
        }
    }

    static User toUser(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("name"), Role.parse(rs.getString("role")), rs.getInt("disabled") == 1,
                rs.getString("created_at"));
    }
}
