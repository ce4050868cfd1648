package org.ztfclass.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.User;
import org.ztfclass.server.auth.WebAuth;
import org.ztfclass.server.labels.LabelSkips;
import org.ztfclass.server.labels.SkipReason;

/**
 * "Skip" and "not sure" ({@link LabelSkips}): {@code POST /api/labels/skips} with JSON
 * {@code {"objectId":"ZTF..","reason":"skip|unsure"}} (reason optional, {@code skip} by default),
 * answered 200 {@code {"objectId":"..","reason":"..","user":"NAME"}}; and
 * {@code POST /objects/{objectId}/skips} (form field {@code reason}), the object page's form without
 * script, which then goes to the next object. Like labels: no user 401, a role below labeller
 * 403, a signed-in browser must send its CSRF token (checked by {@link WebAuth}); an unknown
 * object or reason is 400. Sending it again changes nothing but the reason and time.
 */
final class SkipHandlers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LabelSkips skips;

    SkipHandlers(LabelSkips skips) {
        this.skips = skips;
    }

    void submit(Context ctx) throws SQLException {
        User user = WebAuth.require(ctx, Role.LABELLER);
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (Exception e) {
            throw new ApiException(400, "the body is not JSON: " + e.getMessage());
        }
        if (body == null || !body.isObject() || !body.path("objectId").isTextual()
                || !(body.path("reason").isMissingNode() || body.path("reason").isNull() || body.path("reason").isTextual())) {
            throw new ApiException(400, "the body must be {\"objectId\":\"ZTF..\",\"reason\":\"skip|unsure\"}");
        }
        String objectId = body.get("objectId").asText().strip();
        SkipReason reason = record(user, objectId, body.path("reason").isTextual() ? body.get("reason").asText() : null);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("objectId", objectId);
        answer.put("reason", reason.key());
        answer.put("user", user.name());
        ctx.json(answer);
    }

    /** The object page's form: records the skip, then on to the next object. */
    void submitForm(Context ctx) throws SQLException {
        User user = WebAuth.require(ctx, Role.LABELLER);
        String id = ctx.pathParam("objectId");
        record(user, id, ctx.formParam("reason"));
        ctx.redirect("/queue/next?after=" + URLEncoder.encode(id, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
    }

    private SkipReason record(User user, String objectId, String reasonText) throws SQLException {
        try {
            SkipReason reason = SkipReason.parse(reasonText);
            skips.record(user, objectId, reason);
            return reason;
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }
}
