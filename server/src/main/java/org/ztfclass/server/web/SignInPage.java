package org.ztfclass.server.web;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.ztfclass.server.auth.User;
import org.ztfclass.server.auth.WebAuth;
import org.ztfclass.server.http.ClientAddress;

/**
 * {@code GET /signin} (the form), {@code POST /signin} (check the password, start a session,
 * go back to {@code next}), {@code POST /signout}. A wrong name or password gets the form again
 * with a message that does not say which was wrong, and counts in the
 * {@link org.ztfclass.server.auth.LoginThrottle}: while the name or the address is locked, the
 * answer is 429 with {@code Retry-After} and the password is not checked.
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
        String name = ctx.formParam("name") == null ? null : ctx.formParam("name").strip();
        String password = ctx.formParam("password");
        Duration wait = auth.throttle().wait(name, ClientAddress.of(ctx));
        if (!wait.isZero()) {
            show(ctx, WebAuth.tooManyAttempts(ctx, wait));
            return;
        }
        Optional<User> user = name == null || password == null ? Optional.empty() : auth.users().authenticate(name, password);
        if (user.isEmpty()) {
            auth.throttle().failed(name, ClientAddress.of(ctx));
            ctx.status(401);
            show(ctx, "Unknown user name or wrong password, or the account is disabled.");
            return;
        }
        auth.throttle().succeeded(name);
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

    /**
     * @return {@code next} if it is a path on this site; {@code /queue} when there is none (or it is the sign-in page);
     *         {@code /} for anything else (no open redirect)
     */
    static String safeNext(String next) {
        if (next == null || next.isEmpty()) {
            return "/queue";
        }
        if (!isSameSitePath(next)) {
            return "/";
        }
        return next.startsWith("/signin") ? "/queue" : next;
    }

    /**
     * A same-site path: starts with exactly one {@code /} (not {@code //} nor {@code /\}), and
     * neither as given nor after percent-decoding (repeatedly) holds a backslash, a control
     * character or whitespace (browsers drop tab, CR and LF, so {@code /<TAB>/evil.example}
     * becomes {@code //evil.example}) or starts with {@code //}. A scheme cannot come first
     * since the path starts with {@code /}.
     */
    static boolean isSameSitePath(String next) {
        String s = next;
        for (int round = 0; round < 4; round++) {
            if (!s.startsWith("/") || s.startsWith("//")) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\ufeff') {
                    return false;
                }
            }
            String decoded = percentDecode(s);
            if (decoded == null) {
                return false;
            }
            if (decoded.equals(s)) {
                return true;
            }
            s = decoded;
        }
        return false; // encoded more than four times: nobody's link
    }

    /** @return {@code s} with %XX escapes decoded as UTF-8 ({@code +} left alone), or null if an escape is malformed */
    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                int cp = s.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                i += Character.charCount(cp) - 1;
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
