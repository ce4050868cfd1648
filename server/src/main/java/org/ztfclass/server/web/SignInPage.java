package org.ztfclass.server.web;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.Optional;
import org.ztfclass.server.auth.User;
import org.ztfclass.server.auth.WebAuth;

/**
 * {@code GET /signin} (the form), {@code POST /signin} (check the password, start a session,
 * go back to {@code next}), {@code POST /signout}. A wrong name or password gets the form again
 * with a message that does not say which was wrong.
 */
public final class SignInPage {

    private final WebAuth auth;

    public SignInPage(WebAuth auth) {
        this.auth = auth;
    }

    public void form(Context ctx) {
        show(ctx, null);
    }

    public void signIn(Context ctx) throws SQLException {
        WebAuth.checkPreSessionCsrf(ctx);
        String name = ctx.formParam("name");
        String password = ctx.formParam("password");
        Optional<User> user = name == null || password == null ? Optional.empty() : auth.users().authenticate(name.strip(), password);
        if (user.isEmpty()) {
            ctx.status(401);
            show(ctx, "Unknown user name or wrong password, or the account is disabled.");
            return;
        }
        auth.signIn(ctx, user.get());
        ctx.redirect(safeNext(ctx.formParam("next")), io.javalin.http.HttpStatus.SEE_OTHER);
    }

    public void signOut(Context ctx) throws SQLException {
        auth.signOut(ctx);
        ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private static void show(Context ctx, String error) {
        String next = safeNext(ctx.formParam("next") != null ? ctx.formParam("next") : ctx.queryParam("next"));
        StringBuilder b = new StringBuilder();
        if (error != null) {
            b.append("<p class=\"error\" role=\"alert\">").append(Html.e(error)).append("</p>\n");
        }
        b.append("<form method=\"post\" action=\"/signin\">\n<input type=\"hidden\" name=\"csrf\" value=\"")
                .append(Html.e(WebAuth.csrfToken(ctx))).append("\">\n<input type=\"hidden\" name=\"next\" value=\"").append(Html.e(next))
                .append("\">\n<p><label for=\"name\">User name</label><br><input id=\"name\" name=\"name\" autocomplete=\"username\" required></p>\n")
                .append("<p><label for=\"password\">Password</label><br><input id=\"password\" name=\"password\" type=\"password\" ")
                .append("autocomplete=\"current-password\" required></p>\n<p><button class=\"primary\" type=\"submit\">Sign in</button></p>\n</form>\n")
                .append("<p>Accounts are made by an administrator. Reading needs no account; labelling does.</p>\n");
        Layout.send(ctx, "Sign in", b.toString());
    }

    /** @return {@code next} if it is a path on this site, else {@code /queue} (no open redirect) */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.startsWith("/signin")) {
            return "/queue";
        }
        return next;
    }
}
