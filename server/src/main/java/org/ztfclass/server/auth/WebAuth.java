package org.ztfclass.server.auth;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.ztfclass.server.http.ClientAddress;

/**
 * Who is asking, and may they: a Javalin before-handler ({@link #before}) that resolves the
 * {@link Principal} of each request from {@code Authorization: Bearer <token>} or the session
 * cookie, and guards state-changing requests against cross-site forgery.
 *
 * <p>Rules: a POST/PUT/PATCH/DELETE that carries a session cookie must carry that session's CSRF
 * token (form field {@code csrf} or header {@code X-CSRF-Token}), else 403. A request with a
 * Bearer token needs no CSRF token (browsers never add that header by themselves); a bad token
 * is 401. Anonymous requests pass; handlers that change anything call {@link #require}, or
 * {@link #requireSession} for what an API token may not do (make tokens, change the password). Before
 * sign-in, forms carry a pre-session token that must equal the {@link #PRE_CSRF_COOKIE} cookie
 * (double submit), checked by {@link #checkPreSessionCsrf}. Wrong passwords are counted by a
 * {@link LoginThrottle} ({@link #throttle}); {@link #tooManyAttempts} answers a locked attempt.
 *
 * <p>Cookies are HttpOnly and SameSite=Lax (Secure when the request came over HTTPS, directly or
 * through a trusted proxy that says so in {@code X-Forwarded-Proto}: {@link ClientAddress#isHttps}). Thread-safe.
 */
public final class WebAuth {

    public static final String SESSION_COOKIE = "ztfclass_session";
    public static final String PRE_CSRF_COOKIE = "ztfclass_csrf";
    public static final String CSRF_FIELD = "csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String ATTRIBUTE = "ztfclass.principal";

    private final UserStore users;
    private final SessionStore sessions;
    private final TokenStore tokens;
    private final LoginThrottle throttle;

    /** The filter over these stores; {@code throttle} counts wrong passwords (in the store, shared by every process on it). */
    public WebAuth(UserStore users, SessionStore sessions, TokenStore tokens, LoginThrottle throttle) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.throttle = throttle;
    }

    /** @return the user accounts behind this filter */
    public UserStore users() {
        return users;
    }

    /** @return the API tokens behind this filter */
    public TokenStore tokens() {
        return tokens;
    }

    /** @return the count of wrong passwords that sign-in and password change consult */
    public LoginThrottle throttle() {
        return throttle;
    }

    /**
     * Answers an attempt refused by the {@link LoginThrottle}: status 429 and a {@code Retry-After}
     * header in seconds; the caller writes the body.
     *
     * @param wait what {@link LoginThrottle#wait} said
     * @return the message to show: why, and how long to wait
     */
    public static String tooManyAttempts(Context ctx, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        long minutes = (seconds + 59) / 60;
        ctx.status(429);
        ctx.header("Retry-After", Long.toString(seconds));
        return "Too many wrong passwords for this user name or from this address. Wait " + minutes
                + (minutes == 1 ? " minute" : " minutes") + " before trying again; until then no password is checked, not even the right one.";
    }

    /** Resolves the principal of {@code ctx}; refuses a bad Bearer token (401) and a session request without its CSRF token (403). */
    public void before(Context ctx) throws SQLException {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<User> user = tokens.authenticate(authorization.substring(7).strip());
            if (user.isEmpty()) {
                throw new AccessException(401, "the API token in the Authorization header is unknown, revoked, expired, or its user is disabled");
            }
            ctx.attribute(ATTRIBUTE, new Principal(user.get(), null));
            return;
        }
        Optional<Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
        if (session.isEmpty()) {
            return;
        }
        ctx.attribute(ATTRIBUTE, new Principal(session.get().user(), session.get()));
        if (changesState(ctx)) {
            String sent = ctx.header(CSRF_HEADER);
            if (sent == null && isForm(ctx)) {
                sent = ctx.formParam(CSRF_FIELD);
            }
            if (!Secrets.same(sent, session.get().csrfToken())) {
                throw new AccessException(403, "missing or wrong CSRF token: a signed-in " + ctx.method()
                        + " needs the page's token in the form field '" + CSRF_FIELD + "' or the header " + CSRF_HEADER);
            }
        }
    }

    /** @return who made the request, if anybody signed in or sent a valid token */
    public static Optional<Principal> principal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /**
     * @return the requesting user, whose role is at least {@code role}
     * @throws AccessException 401 if nobody is signed in, 403 if the role is too low
     */
    public static User require(Context ctx, Role role) {
        Principal p = WebAuth.<Principal>principalOrNull(ctx);
        if (p == null) {
            throw new AccessException(401, "sign in (or send Authorization: Bearer <API token>) to do this; it needs the "
                    + role.dbName() + " role");
        }
        if (!p.user().may(role)) {
            throw new AccessException(403, "user '" + p.user().name() + "' has the " + p.user().role().dbName()
                    + " role; this needs " + role.dbName());
        }
        return p.user();
    }

    /**
     * As {@link #require}, and the request must come from a signed-in browser session: an API
     * token may not make more tokens or change the password, so a leaked token cannot outlive
     * its revocation or take over the account.
     *
     * @param what what is refused, for the message (e.g. "create API tokens")
     * @throws AccessException 401 if nobody is signed in, 403 if the role is too low or the request came with an API token
     */
    public static User requireSession(Context ctx, Role role, String what) {
        User user = require(ctx, role);
        Principal p = WebAuth.<Principal>principalOrNull(ctx);
        if (p.viaToken()) {
            throw new AccessException(403, "an API token may not " + what + ": sign in with your password in a browser and use the "
                    + "/account page");
        }
        return user;
    }

    private static <T> T principalOrNull(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }

    /**
     * @return the CSRF token a form on this page must carry: the session's, or before sign-in a
     *         pre-session token (set as a cookie now if there is none)
     */
    public static String csrfToken(Context ctx) {
        Optional<Principal> p = principal(ctx);
        if (p.isPresent() && p.get().session() != null) {
            return p.get().session().csrfToken();
        }
        String pre = ctx.attribute(PRE_CSRF_COOKIE);
        if (pre == null) {
            pre = ctx.cookie(PRE_CSRF_COOKIE);
        }
        if (pre == null || pre.length() < 20) {
            pre = Secrets.random(32);
            setCookie(ctx, PRE_CSRF_COOKIE, pre, -1);
        }
        ctx.attribute(PRE_CSRF_COOKIE, pre);
        return pre;
    }

    /** @throws AccessException 403 unless the form's {@code csrf} field equals the pre-session cookie */
    public static void checkPreSessionCsrf(Context ctx) {
        String cookie = ctx.cookie(PRE_CSRF_COOKIE);
        if (cookie == null || !Secrets.same(cookie, ctx.formParam(CSRF_FIELD))) {
            throw new AccessException(403, "missing or wrong CSRF token: reload the sign-in page and try again");
        }
    }

    /** Starts a session for {@code user} and sets its cookie. */
    public void signIn(Context ctx, User user) throws SQLException {
        SessionStore.Created created = sessions.create(user);
        setCookie(ctx, SESSION_COOKIE, created.cookieValue(), (int) SessionStore.LIFETIME.toSeconds());
        ctx.attribute(ATTRIBUTE, new Principal(user, created.session()));
    }

    /** Ends the request's session, if any, and clears its cookie. */
    public void signOut(Context ctx) throws SQLException {
        sessions.delete(ctx.cookie(SESSION_COOKIE));
        setCookie(ctx, SESSION_COOKIE, "", 0);
    }

    private static boolean changesState(Context ctx) {
        HandlerType m = ctx.method();
        return m == HandlerType.POST || m == HandlerType.PUT || m == HandlerType.PATCH || m == HandlerType.DELETE;
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }

    private static void setCookie(Context ctx, String name, String value, int maxAgeSeconds) {
        boolean https = ClientAddress.isHttps(ctx);
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; HttpOnly; SameSite=Lax"
                + (maxAgeSeconds >= 0 ? "; Max-Age=" + maxAgeSeconds : "") + (https ? "; Secure" : ""));
    }
}
