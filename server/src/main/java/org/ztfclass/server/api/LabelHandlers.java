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
import java.util.Optional;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.User;
import org.ztfclass.server.auth.WebAuth;
import org.ztfclass.server.labels.IdempotencyKey;
import org.ztfclass.server.labels.KeyReusedException;
import org.ztfclass.server.labels.LabelBatch;
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
 *
 * <p>Retries: a client may name each batch with an {@code Idempotency-Key} header (e.g. a UUID,
 * 1..128 printable ASCII characters). The same batch sent again under the same key within a day
 * writes nothing and gets the first answer back, with {@code "replayed":true} and the header
 * {@code Idempotent-Replayed: true}; the key with a different batch is refused with 422.
 */
final class LabelHandlers {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Request header naming a batch, so that a retry of it stores nothing twice. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Answer header present (value {@code true}) when the answer is the stored one of an earlier batch under the same key. */
    static final String REPLAYED = "Idempotent-Replayed";

    private final LabelService labels;

    LabelHandlers(LabelService labels) {
        this.labels = labels;
    }

    void submit(Context ctx) throws SQLException {
        User user = WebAuth.require(ctx, Role.LABELLER);
        Optional<IdempotencyKey> key = idempotencyKey(ctx);
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
        LabelOutcome outcome = submit(user, source, new LabelBatch(requests, malformed, key));
        if (outcome.replayed()) {
            ctx.header(REPLAYED, "true");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", outcome.accepted());
        answer.put("deduplicated", outcome.deduplicated());
        answer.put("rejected", outcome.rejected());
        answer.put("user", user.name());
        if (key.isPresent()) {
            answer.put("replayed", outcome.replayed());
        }
        ctx.json(answer);
    }

    /** The object page's form: one label, then back to the page, or to the next object when the form says {@code advance=1}. */
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
        LabelOutcome outcome = submit(user, LabelSource.WEB, LabelBatch.of(List.of(new LabelRequest(id, cls, confidence, ctx.formParam("comment")))));
        if (!outcome.rejected().isEmpty()) {
            throw new ApiException(400, outcome.rejected().get(0).error());
        }
        String encoded = java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
        // the page's "after labelling, go to the next object" box (issue 16), sent when ticked
        ctx.redirect("1".equals(ctx.formParam("advance")) ? "/queue/next?after=" + encoded : "/objects/" + encoded + "#labelling", HttpStatus.SEE_OTHER);
    }

    private LabelOutcome submit(User user, LabelSource source, LabelBatch batch) throws SQLException {
        try {
            return labels.submit(user, source, batch);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        } catch (KeyReusedException e) {
            throw new ApiException(422, e.getMessage());
        }
    }

    /** @return the request's {@code Idempotency-Key} header, if sent */
    private static Optional<IdempotencyKey> idempotencyKey(Context ctx) {
        String header = ctx.header(IDEMPOTENCY_KEY);
        if (header == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IdempotencyKey(header));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
    }
}
