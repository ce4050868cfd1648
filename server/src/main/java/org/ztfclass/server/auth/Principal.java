package org.ztfclass.server.auth;

/**
 * Who made a request.
 *
 * @param user    the account
 * @param session the browser session, or null when the request came with an API token
 */
public record Principal(User user, Session session) {

    /** @return true if authenticated by {@code Authorization: Bearer}, not by a session cookie */
    public boolean viaToken() {
        return session == null;
    }
}
