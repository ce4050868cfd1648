package org.ztfclass.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.User;
import org.ztfclass.server.auth.WebAuth;
import org.ztfclass.server.labels.LabelOutcome;
import org.ztfclass.server.labels.LabelRequest;
import org.ztfclass.server.labels.LabelService;
import org.ztfclass.server.labels.LabelSource;

/**
 * {@code POST /api/labels} (JSON, the contract the web page and the SAMP bridge use) and
 * {@code POST /objects/{objectId}/labels} (the object page's form without script).
 *
 * <p>Body: {@code {"source":"web|samp|topcat","labels":[{"objectId":"ZTF..","class":"SN_IA",
 * "confidence":0.8,"comment":".."}]}}. Answer 200: {@code {"accepted":n,"deduplicated":n,
 * "rejected":[{"index":i,"objectId":"..","error":".."}],"user":"NAME"}} (the labelling user, so a
 * client holding only a token can say who labelled); a malformed body is 400, no user 401,
 * a role below labeller 403.
 */
final class LabelHandlers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LabelService labels;

    LabelHandlers(LabelService labels) {
        this.labels = labels;
    }

    void submit(Context ctx) throws SQLException {
        User user = WebAuth.require(ctx, Role.LABELLER);
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (Exception e) {
            throw new ApiException(400, "the body is not JSON: " + e.getMessage());
        }
        if (body == null || !body.isObject() || !body.path("labels").isArray()) {
            throw new ApiException(400, "the body must be {\"source\":\"web|samp|topcat\",\"labels\":[{\"objectId\":..,\"class\":..}]}");
        }
        LabelSource source;
        try {
            source = LabelSource.parse(body.path("source").isTextual() ? body.get("source").asText() : null);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
        List<LabelRequest> requests = new ArrayList<>();
        List<LabelOutcome.Rejected> malformed = new ArrayList<>();
        int i = 0;
        for (JsonNode n : body.get("labels")) {
            String objectId = n.path("objectId").isTextual() ? n.get("objectId").asText() : null;
            JsonNode conf = n.path("confidence");
            if (!n.isObject() || (!conf.isMissingNode() && !conf.isNull() && !conf.isNumber())) {
                malformed.add(new LabelOutcome.Rejected(i, objectId, "confidence must be a number in 0..1"));
                requests.add(null);
            } else {
                requests.add(new LabelRequest(objectId, n.path("class").isTextual() ? n.get("class").asText() : null,
                        conf.isNumber() ? conf.asDouble() : null, n.path("comment").isTextual() ? n.get("comment").asText() : null));
            }
            i++;
        }
        LabelOutcome outcome = submit(user, source, requests, malformed);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", outcome.accepted());
        answer.put("deduplicated", outcome.deduplicated());
        answer.put("rejected", outcome.rejected());
        answer.put("user", user.name());
        ctx.json(answer);
    }

    /** The object page's form: one label, then back to the page (or to the next object when asked). */
    void submitForm(Context ctx) throws SQLException {
        User user = WebAuth.require(ctx, Role.LABELLER);
        String id = ctx.pathParam("objectId");
        String fine = ctx.formParam("fine");
        String cls = fine != null && !fine.isBlank() ? fine : ctx.formParam("class");
        Double confidence = null;
        String c = ctx.formParam("confidence");
        if (c != null && !c.isBlank()) {
            try {
                confidence = Double.parseDouble(c);
            } catch (NumberFormatException e) {
                throw new ApiException(400, "confidence '" + c + "' is not a number in 0..1");
            }
        }
        LabelOutcome outcome = submit(user, LabelSource.WEB, List.of(new LabelRequest(id, cls, confidence, ctx.formParam("comment"))), List.of());
        if (!outcome.rejected().isEmpty()) {
            throw new ApiException(400, outcome.rejected().get(0).error());
        }
        ctx.redirect("/objects/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8) + "#labelling", HttpStatus.SEE_OTHER);
    }

    private LabelOutcome submit(User user, LabelSource source, List<LabelRequest> requests, List<LabelOutcome.Rejected> malformed)
            throws SQLException {
        List<LabelRequest> valid = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i) != null) {
                valid.add(requests.get(i));
                positions.add(i);
            }
        }
        LabelOutcome o;
        try {
            o = labels.submit(user, source, valid);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
        List<LabelOutcome.Rejected> rejected = new ArrayList<>(malformed);
        for (LabelOutcome.Rejected r : o.rejected()) {
            rejected.add(new LabelOutcome.Rejected(positions.get(r.index()), r.objectId(), r.error()));
        }
        rejected.sort(java.util.Comparator.comparingInt(LabelOutcome.Rejected::index));
        return new LabelOutcome(o.accepted(), o.deduplicated(), rejected);
    }
}
