package org.ztfclass.server.auth;

/**
 * A personal API token as listed (the token itself is shown once, at creation, and never stored).
 *
 * @param id         database id
 * @param name       what the user called it (e.g. "TOPCAT on my laptop")
 * @param createdAt  ISO-8601 UTC
 * @param lastUsedAt ISO-8601 UTC or null
 * @param revokedAt  ISO-8601 UTC, null while it works
 * @param expiresAt  ISO-8601 UTC after which it no longer works; null: never (no token is made so now)
 */
public record ApiToken(long id, String name, String createdAt, String lastUsedAt, String revokedAt, String expiresAt) {

    /** @return true if the token has an expiry and it has passed */
    public boolean expired() {
        return expiresAt != null && expiresAt.compareTo(UtcTime.now()) <= 0;
    }
}
