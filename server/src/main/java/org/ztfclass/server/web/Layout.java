package org.ztfclass.server.web;

import io.javalin.http.Context;
import java.util.Optional;
import org.ztfclass.server.auth.Principal;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.WebAuth;

/**
 * The frame of every web-application page: document head (viewport, stylesheet, the CSRF token
 * for scripts in {@code <meta name="csrf-token">}), a skip link, the site navigation with who is
 * signed in and a sign-out form, and {@code <main>}. Pages give their title and their main
 * content (already escaped), and the scripts they need.
 */
public final class Layout {

    private Layout() {
    }

    /**
     * Writes a whole page as the response.
     *
     * @param title   plain text (escaped here)
     * @param main    the content of {@code <main>}, HTML
     * @param scripts script URLs; those ending in {@code .mjs} or under {@code /js/} with {@code module:} prefix load as modules
     */
    public static void send(Context ctx, String title, String main, String... scripts) {
        ctx.contentType("text/html; charset=utf-8");
        ctx.header("Cache-Control", "no-store");
        ctx.result(page(ctx, title, main, scripts));
    }

    /** @return the whole page, as {@link #send} writes it */
    public static String page(Context ctx, String title, String main, String... scripts) {
        String csrf = WebAuth.csrfToken(ctx);
        StringBuilder b = new StringBuilder(4096 + main.length());
        b.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"csrf-token\" content=\"").append(Html.e(csrf)).append("\">\n")
                .append("<title>").append(Html.e(title)).append(" - ztfclass</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/css/ztfclass.css\">\n")
                .append("<script defer src=\"/js/tables.js\"></script>\n");
        for (String s : scripts) {
            if (s.startsWith("module:")) {
                b.append("<script type=\"module\" src=\"").append(Html.e(s.substring(7))).append("\"></script>\n");
            } else {
                b.append("<script defer src=\"").append(Html.e(s)).append("\"></script>\n");
            }
        }
        b.append("</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n<header class=\"site\">\n")
                .append("<nav aria-label=\"Site\"><ul><li><a href=\"/\">ztfclass</a></li><li><a href=\"/queue\">Objects</a></li>")
                .append("<li><a href=\"/queue/next\">Next to label</a></li><li><a href=\"/funnel\">Funnel</a></li>")
                .append("<li><a href=\"/model\">Model</a></li><li><a href=\"/learning\">Learning</a></li><li><a href=\"/stream\">Stream</a></li>");
        Optional<Principal> p = WebAuth.principal(ctx);
        if (p.isPresent() && p.get().user().may(Role.ADMIN)) {
            b.append("<li><a href=\"/admin/users\">Users</a></li>");
        }
        b.append("</ul></nav>\n<div class=\"who\">");
        if (p.isPresent()) {
            b.append("<span>Signed in as <a href=\"/account\">").append(Html.e(p.get().user().name())).append("</a> (")
                    .append(p.get().user().role().dbName()).append(")</span>")
                    .append("<form method=\"post\" action=\"/signout\"><input type=\"hidden\" name=\"csrf\" value=\"")
                    .append(Html.e(csrf)).append("\"><button type=\"submit\">Sign out</button></form>");
        } else {
            b.append("<a href=\"/signin?next=").append(Html.url(ctx.path())).append("\">Sign in</a>");
        }
        b.append("</div>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n<h1>").append(Html.e(title)).append("</h1>\n")
                .append(main).append("</main>\n</body>\n</html>\n");
        return b.toString();
    }
}
