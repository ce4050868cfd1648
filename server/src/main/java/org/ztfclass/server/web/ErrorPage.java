package org.ztfclass.server.web;

import io.javalin.http.Context;

/** An error answered as a page to a browser (a request for HTML outside {@code /api/}), with the status and the reason. */
public final class ErrorPage {

    private ErrorPage() {
    }

    /** @return true if the request came from a page rather than an API client */
    public static boolean wanted(Context ctx) {
        String accept = ctx.header("Accept");
        return !ctx.path().startsWith("/api/") && accept != null && accept.contains("text/html");
    }

    /** Answers {@code status} with a page that says {@code message}. */
    public static void send(Context ctx, int status, String message) {
        ctx.status(status);
        String title = switch (status) {
            case 401 -> "Sign-in needed";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            default -> "Cannot do that";
        };
        Layout.send(ctx, title, "<p class=\"error\" role=\"alert\">" + Html.e(message) + "</p>\n<p><a href=\"/queue\">The object list</a></p>\n");
    }
}
