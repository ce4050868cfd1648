package org.ztfclass.server.api;

import io.javalin.Javalin;
import org.ztfclass.server.auth.WebAuth;
import org.ztfclass.server.web.AccountPage;
import org.ztfclass.server.web.AdminUsersPage;
import org.ztfclass.server.web.SignInPage;

/**
 * Accounts, over the {@link WebAuth} it is given: sign-in and sign-out ({@code /signin},
 * {@code /signout}), the account page with API tokens and password ({@code /account...}), and the
 * admin's user list ({@code /admin/users...}). Declares endpoints only: the sign-in before-handler
 * itself ({@link WebAuth#before}) is placed by {@link ApiServer}, whose order of before-handlers
 * matters.
 */
final class AccountRoutes {

    private final WebAuth auth;

    AccountRoutes(WebAuth auth) {
        this.auth = auth;
    }

    /** Declares the account endpoints on {@code app}. */
    void routes(Javalin app) {
        SignInPage signIn = new SignInPage(auth);
        app.get("/signin", signIn::form);
        app.post("/signin", signIn::signIn);
        app.post("/signout", signIn::signOut);
        AccountPage account = new AccountPage(auth);
        app.get("/account", account::show);
        app.post("/account/tokens", account::createToken);
        app.post("/account/tokens/{tokenId}/revoke", account::revokeToken);
        app.post("/account/password", account::changePassword);
        AdminUsersPage admin = new AdminUsersPage(auth.users());
        app.get("/admin/users", admin::show);
        app.post("/admin/users", admin::invite);
        app.post("/admin/users/{userId}", admin::change);
    }
}
