package org.ztfclass.server.web;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Duration;
import org.ztfclass.server.auth.AccountException;
import org.ztfclass.server.auth.ApiToken;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.TokenStore;
import org.ztfclass.server.auth.User;
import org.ztfclass.server.auth.WebAuth;
import org.ztfclass.server.http.ClientAddress;

/**
 * {@code /account}: the signed-in user's personal API tokens (for the desktop plugin and
 * scripts): list, create (the token is shown once; it expires after the days chosen, 90 by
 * default, at most 365), revoke; and a password change.
 *
 * <p>Making a token and changing the password need a browser session: a request with an API
 * token gets 403. A password change needs the current password, counts wrong ones in the
 * {@link org.ztfclass.server.auth.LoginThrottle} (429 while locked) and, once done, ends the
 * user's other sessions and revokes all their API tokens.
 */
public final class AccountPage {

    private final WebAuth auth;

    public AccountPage(WebAuth auth) {
        this.auth = auth;
    }

    public void show(Context ctx) throws SQLException {
        if (Pages.redirectToSignIn(ctx)) {
            return;
        }
        render(ctx, WebAuth.require(ctx, Role.VIEWER), null, null);
    }

    public void createToken(Context ctx) throws SQLException {
        User user = WebAuth.requireSession(ctx, Role.VIEWER, "create API tokens");
        Duration lifetime;
        try {
            String days = ctx.formParam("days");
            lifetime = days == null || days.isBlank() ? TokenStore.DEFAULT_LIFETIME : TokenStore.lifetimeOfDays(Long.parseLong(days.strip()));
        } catch (NumberFormatException e) {
            ctx.status(400);
            render(ctx, user, "The lifetime must be a whole number of days, 1 to " + TokenStore.MAX_LIFETIME.toDays() + "; no token made.", null);
            return;
        } catch (IllegalArgumentException e) {
            ctx.status(400);
            render(ctx, user, e.getMessage() + "; no token made.", null);
            return;
        }
        TokenStore.Created created = auth.tokens().create(user, ctx.formParam("name"), lifetime);
        render(ctx, user, "New API token \u201c" + created.listing().name() + "\u201d, valid until " + HtmlTime.text(created.listing().expiresAt())
                + ". Copy it now: it is not shown again.", created.token());
    }

    public void revokeToken(Context ctx) throws SQLException {
        User user = WebAuth.require(ctx, Role.VIEWER);
        try {
            auth.tokens().revoke(user, Long.parseLong(ctx.pathParam("tokenId")));
            render(ctx, user, "Token revoked.", null);
        } catch (AccountException | NumberFormatException e) {
            ctx.status(404);
            render(ctx, user, "No such token of yours: " + e.getMessage(), null);
        }
    }

    public void changePassword(Context ctx) throws SQLException {
        User user = WebAuth.requireSession(ctx, Role.VIEWER, "change the password");
        Duration wait = auth.throttle().wait(user.name(), ClientAddress.of(ctx));
        if (!wait.isZero()) {
            render(ctx, user, WebAuth.tooManyAttempts(ctx, wait) + " Nothing changed.", null);
            return;
        }
        if (auth.users().authenticate(user.name(), ctx.formParam("current")).isEmpty()) {
            auth.throttle().failed(user.name(), ClientAddress.of(ctx));
            ctx.status(400);
            render(ctx, user, "The current password is wrong; nothing changed.", null);
            return;
        }
        auth.throttle().succeeded(user.name());
        try {
            int revoked = auth.users().changePassword(user.id(), ctx.formParam("password"), ctx.cookie(WebAuth.SESSION_COOKIE));
            render(ctx, user, "Password changed. Your other sessions were signed out" + (revoked == 0 ? "."
                    : " and your " + revoked + (revoked == 1 ? " API token was" : " API tokens were") + " revoked: make new ones below."), null);
        } catch (AccountException e) {
            ctx.status(400);
            render(ctx, user, e.getMessage(), null);
        }
    }

    private void render(Context ctx, User user, String message, String secret) throws SQLException {
        String csrf = Html.e(WebAuth.csrfToken(ctx));
        StringBuilder b = new StringBuilder();
        if (message != null) {
            b.append("<p class=\"notice\" role=\"status\">").append(Html.e(message)).append("</p>\n");
        }
        if (secret != null) {
            b.append("<p>Your token: <code class=\"secret\" id=\"new-token\">").append(Html.e(secret)).append("</code></p>\n")
                    .append("<p>Use it as <code>Authorization: Bearer TOKEN</code>, e.g. <code>install/ztfclass samp --token TOKEN</code>.</p>\n");
        }
        b.append("<p>User <strong>").append(Html.e(user.name())).append("</strong>, role ").append(user.role().dbName()).append(".</p>\n")
                .append("<h2>API tokens</h2>\n<form method=\"post\" action=\"/account/tokens\"><input type=\"hidden\" name=\"csrf\" value=\"")
                .append(csrf).append("\"><label for=\"token-name\">Name of a new token</label> <input id=\"token-name\" name=\"name\" ")
                .append("maxlength=\"100\" placeholder=\"TOPCAT on my laptop\"> <label for=\"token-days\">valid for (days)</label> ")
                .append("<input id=\"token-days\" name=\"days\" type=\"number\" min=\"1\" max=\"").append(TokenStore.MAX_LIFETIME.toDays())
                .append("\" value=\"").append(TokenStore.DEFAULT_LIFETIME.toDays()).append("\" required> ")
                .append("<button type=\"submit\">Create token</button></form>\n")
                .append("<p>A token expires after the days chosen (at most ").append(TokenStore.MAX_LIFETIME.toDays())
                .append("). Changing your password revokes all your tokens.</p>\n");
        var tokens = auth.tokens().of(user);
        if (tokens.isEmpty()) {
            b.append("<p>No tokens yet.</p>\n");
        } else {
            b.append("<div class=\"scroll\"><table><caption>Your tokens, newest first</caption><thead><tr><th scope=\"col\">Name</th>")
                    .append("<th scope=\"col\">Created</th><th scope=\"col\">Last used</th><th scope=\"col\">Expires</th>")
                    .append("<th scope=\"col\">State</th></tr></thead><tbody>\n");
            for (ApiToken t : tokens) {
                b.append("<tr><th scope=\"row\">").append(Html.e(t.name())).append("</th><td>").append(HtmlTime.of(t.createdAt()))
                        .append("</td><td>").append(t.lastUsedAt() == null ? "never" : HtmlTime.of(t.lastUsedAt())).append("</td><td>")
                        .append(t.expiresAt() == null ? "never" : HtmlTime.of(t.expiresAt())).append("</td><td>");
                if (t.revokedAt() != null) {
                    b.append("revoked ").append(HtmlTime.of(t.revokedAt()));
                } else if (t.expired()) {
                    b.append("expired");
                } else {
                    b.append("<form method=\"post\" action=\"/account/tokens/").append(t.id()).append("/revoke\"><input type=\"hidden\" ")
                            .append("name=\"csrf\" value=\"").append(csrf).append("\"><button type=\"submit\" aria-label=\"Revoke token ")
                            .append(Html.e(t.name())).append("\">Revoke</button></form>");
                }
                b.append("</td></tr>\n");
            }
            b.append("</tbody></table></div>\n");
        }
        b.append("<h2>Change password</h2>\n<form method=\"post\" action=\"/account/password\"><input type=\"hidden\" name=\"csrf\" value=\"")
                .append(csrf).append("\"><p><label for=\"current\">Current password</label><br><input id=\"current\" name=\"current\" ")
                .append("type=\"password\" autocomplete=\"current-password\" required></p><p><label for=\"new-password\">New password ")
                .append("(at least 10 characters)</label><br><input id=\"new-password\" name=\"password\" type=\"password\" ")
                .append("autocomplete=\"new-password\" minlength=\"10\" required></p><p><button type=\"submit\">Change password</button></p></form>\n")
                .append("<p>A new password signs out your other sessions and revokes all your API tokens.</p>\n");
        Layout.send(ctx, "Your account", b.toString());
    }
}
