package org.ztfclass.server.auth;

/**
 * A web account as stored (never its password hash).
 *
 * @param id        database id
 * @param name      sign-in name, unique
 * @param role      what the user may do
 * @param disabled  true: may not sign in, sessions and tokens no longer work
 * @param createdAt ISO-8601 UTC
 */
public record User(long id, String name, Role role, boolean disabled, String createdAt) {

    /** @return true if the account is active and its role is at least {@code needed} */
    public boolean may(Role needed) {
        return !disabled && role.atLeast(needed);
    }
}
