package org.ztfclass.server.auth;

import java.sql.SQLException;
import org.ztfclass.server.store.Database;

/**
 * The demo's administrator account, so a new user can sign in at once: {@link #NAME} with a fresh
 * random password and a fresh API token each time the demo starts (the old password, sessions
 * and tokens stop working; only hashes are stored, so earlier ones cannot be shown again). Used by
 * {@code ztfclass demo} only, never by {@code serve}.
 */
public final class DemoAccount {

    /** The demo administrator's user name. */
    public static final String NAME = "demo-admin";

    private DemoAccount() {
    }

    /** The credentials to print. */
    public record Credentials(String name, String password, String token) {
    }

    /** Creates the demo administrator, or gives the existing one a new password and token. */
    public static Credentials ensure(Database db) throws SQLException, AccountException {
        UserStore users = new UserStore(db);
        String password = Secrets.random(12);
        User user = users.byName(NAME).orElse(null);
        if (user == null) {
            user = users.create(NAME, Role.ADMIN, password);
        } else {
            users.setPassword(user.id(), password);
            users.setDisabled(user.id(), false);
            users.setRole(user.id(), Role.ADMIN);
        }
        String token = new TokenStore(db).create(user, "demo " + UtcTime.now()).token();
        return new Credentials(NAME, password, token);
    }
}
