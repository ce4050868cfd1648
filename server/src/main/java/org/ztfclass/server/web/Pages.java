package org.ztfclass.server.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.ztfclass.server.auth.WebAuth;

/** What pages share beyond the {@link Layout}: sending an anonymous reader to the sign-in page. */
final class Pages {

    private Pages() {
    }

    /** @return true (and redirects to {@code /signin?next=...}) if nobody is signed in */
    static boolean redirectToSignIn(Context ctx) {
        if (WebAuth.principal(ctx).isPresent()) {
            return false;
        }
        String here = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        ctx.redirect("/signin?next=" + Html.url(here), HttpStatus.SEE_OTHER);
        return true;
    }
}
