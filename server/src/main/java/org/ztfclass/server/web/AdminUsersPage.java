package org.ztfclass.server.web;

import io.javalin.http.Context;
import java.sql.SQLException;
import org.ztfclass.server.auth.AccountException;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.Secrets;
import org.ztfclass.server.auth.User;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.auth.WebAuth;

/**
 * {@code /admin/users} (admin role): every account; invite a user (a first password is made and
 * shown once, to pass on), disable or re-enable, reset a password (shown once; the user's sessions
 * end and their API tokens are revoked), change role.
 * An admin cannot disable or demote themself, so the last admin stays.
 */
public final class AdminUsersPage {

    private final UserStore users;

    public AdminUsersPage(UserStore users) {
        this.users = users;
    }

    public void show(Context ctx) throws SQLException {
        if (Pages.redirectToSignIn(ctx)) {
            return;
        }
        WebAuth.require(ctx, Role.ADMIN);
        render(ctx, null, null);
    }

    public void invite(Context ctx) throws SQLException {
        WebAuth.require(ctx, Role.ADMIN);
        String password = Secrets.random(12);
        try {
            User u = users.create(ctx.formParam("name"), Role.parse(ctx.formParam("role")), password);
            render(ctx, "Invited " + u.name() + " (" + u.role().dbName() + "). Pass on this first password; it is not shown again:", password);
        } catch (AccountException | IllegalArgumentException e) {
            ctx.status(400);
            render(ctx, e.getMessage(), null);
        }
    }

    public void change(Context ctx) throws SQLException {
        User admin = WebAuth.require(ctx, Role.ADMIN);
        String action = ctx.formParam("action");
        try {
            long id = Long.parseLong(ctx.pathParam("userId"));
            User target = users.byId(id).orElseThrow(() -> new AccountException("no user with id " + id));
            if (target.id() == admin.id() && !"password".equals(action)) {
                throw new AccountException("you cannot disable or change the role of your own account");
            }
            switch (action == null ? "" : action) {
                case "disable" -> {
                    users.setDisabled(id, true);
                    render(ctx, "Disabled " + target.name() + "; their sessions ended and their tokens no longer work.", null);
                }
                case "enable" -> {
                    users.setDisabled(id, false);
                    render(ctx, "Enabled " + target.name() + ".", null);
                }
                case "password" -> {
                    String password = Secrets.random(12);
                    boolean self = target.id() == admin.id(); // an admin resetting their own keeps the session they do it in
                    int revoked = users.changePassword(id, password, self ? ctx.cookie(WebAuth.SESSION_COOKIE) : null);
                    render(ctx, "New password of " + target.name() + "; their " + (self ? "other " : "") + "sessions ended and " + revoked
                            + (revoked == 1 ? " API token was" : " API tokens were") + " revoked. The password (shown once):", password);
                }
                case "role" -> {
                    Role role = Role.parse(ctx.formParam("role"));
                    users.setRole(id, role);
                    render(ctx, target.name() + " is now " + role.dbName() + ".", null);
                }
                default -> throw new AccountException("unknown action '" + action + "': disable, enable, password or role");
            }
        } catch (AccountException | IllegalArgumentException e) {
            ctx.status(400);
            render(ctx, e.getMessage(), null);
        }
    }

    private void render(Context ctx, String message, String secret) throws SQLException {
        String csrf = "<input type=\"hidden\" name=\"csrf\" value=\"" + Html.e(WebAuth.csrfToken(ctx)) + "\">";
        StringBuilder b = new StringBuilder();
        if (message != null) {
            b.append("<p class=\"notice\" role=\"status\">").append(Html.e(message));
            if (secret != null) {
                b.append(" <code class=\"secret\" id=\"new-password\">").append(Html.e(secret)).append("</code>");
            }
            b.append("</p>\n");
        }
        b.append("<h2>Invite a user</h2>\n<form method=\"post\" action=\"/admin/users\" class=\"filters\">").append(csrf)
                .append("<label for=\"invite-name\">User name<input id=\"invite-name\" name=\"name\" required pattern=\"[A-Za-z0-9._@\\-]{2,64}\"></label>")
                .append("<label for=\"invite-role\">Role").append(roleSelect("invite-role", Role.LABELLER)).append("</label>")
                .append("<button type=\"submit\">Invite</button></form>\n");
        b.append("<h2>Users</h2>\n<div class=\"scroll\"><table><caption>Every account</caption><thead><tr><th scope=\"col\">Name</th>")
                .append("<th scope=\"col\">Role</th><th scope=\"col\">State</th><th scope=\"col\">Created</th><th scope=\"col\">Actions</th>")
                .append("</tr></thead><tbody>\n");
        for (User u : users.all()) {
            String action = "/admin/users/" + u.id();
            b.append("<tr><th scope=\"row\">").append(Html.e(u.name())).append("</th><td>").append(u.role().dbName()).append("</td><td>")
                    .append(u.disabled() ? "disabled" : "active").append("</td><td>").append(HtmlTime.of(u.createdAt())).append("</td><td>")
                    .append("<form method=\"post\" action=\"").append(action).append("\">").append(csrf)
                    .append("<input type=\"hidden\" name=\"action\" value=\"").append(u.disabled() ? "enable" : "disable")
                    .append("\"><button type=\"submit\" aria-label=\"").append(u.disabled() ? "Enable " : "Disable ").append(Html.e(u.name()))
                    .append("\">").append(u.disabled() ? "Enable" : "Disable").append("</button></form> ")
                    .append("<form method=\"post\" action=\"").append(action).append("\">").append(csrf)
                    .append("<input type=\"hidden\" name=\"action\" value=\"password\"><button type=\"submit\" aria-label=\"Reset the password of ")
                    .append(Html.e(u.name())).append("\">Reset password</button></form> ")
                    .append("<form method=\"post\" action=\"").append(action).append("\">").append(csrf)
                    .append("<input type=\"hidden\" name=\"action\" value=\"role\"><label class=\"visually-hidden\" for=\"role-").append(u.id())
                    .append("\">Role of ").append(Html.e(u.name())).append("</label>").append(roleSelect("role-" + u.id(), u.role()))
                    .append(" <button type=\"submit\" aria-label=\"Set the role of ").append(Html.e(u.name())).append("\">Set role</button></form>")
                    .append("</td></tr>\n");
        }
        b.append("</tbody></table></div>\n");
        Layout.send(ctx, "Users", b.toString());
    }

    private static String roleSelect(String id, Role selected) {
        StringBuilder b = new StringBuilder("<select id=\"" + id + "\" name=\"role\">");
        for (Role r : Role.values()) {
            b.append("<option value=\"").append(r.dbName()).append("\"").append(r == selected ? " selected" : "").append(">")
                    .append(r.dbName()).append("</option>");
        }
        return b.append("</select>").toString();
    }
}
