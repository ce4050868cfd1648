package org.ztfclass.server.auth;

/**
 * A signed-in browser session.
 *
 * @param user      who signed in
 * @param csrfToken the token every state-changing request of this session must carry
 *                  (form field {@code csrf} or header {@code X-CSRF-Token})
 */
public record Session(User user, String csrfToken) {
}
