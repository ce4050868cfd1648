package org.ztfclass.plugin.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Labels to the server's {@code POST /api/labels} (JSON, Bearer token), for the SAMP bridge. Kept
 * apart from {@link ServerClient} because it needs Jackson, which TOPCAT's classpath for the
 * plugin does not have. Thread-safe.
 */
public final class LabelClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Wait before the one retry of a batch whose connection failed. */
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    private final ServerClient server;

    public LabelClient(ServerClient server) {
        this.server = server;
    }

    /**
     * Sends the batch; if the connection fails (the answer may have been lost after the server
     * stored it), sends it once more under the same {@code Idempotency-Key}, so the server stores
     * it at most once.
     */
    private HttpResponse<byte[]> sendRetryingOnce(HttpRequest.Builder request) throws IOException {
        try {
            return server.send(request);
        } catch (IOException first) {
            try {
                Thread.sleep(RETRY_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw first;
            }
            return server.send(request);
        }
    }

    /**
     * Sends labels to {@code POST /api/labels} as source {@code samp}, as the token's user.
     *
     * @param labels the labels, in batch order (the answer's rejections index into this list)
     * @return the server's account of the batch: every label is accepted, deduplicated or rejected with why
     * @throws IOException without a token, when the token is refused (401) or its user may not label (403),
     *                     on any other HTTP error (with the server's message), or if the server cannot be reached
     */
    public LabelAnswer submit(List<LabelRequest> labels) throws IOException {
        if (server.token() == null || server.token().isBlank()) {
            throw new IOException("labels need an API token: get one from the ztfclass server's token page (" + server.base()
                    + "account) and restart the bridge with --token");
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (LabelRequest l : labels) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("objectId", l.objectId());
            item.put("class", l.className());
            if (l.confidence() != null) {
                item.put("confidence", l.confidence());
            }
            if (l.comment() != null) {
                item.put("comment", l.comment());
            }
            items.add(item);
        }
        byte[] body = JSON.writeValueAsBytes(Map.of("source", "samp", "labels", items));
        HttpRequest.Builder request = HttpRequest.newBuilder(server.base().resolve("api/labels"))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + server.token())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> response = sendRetryingOnce(request);
        if (response.statusCode() == 401) {
            throw new IOException("ztfclass server " + server.base() + " refused the API token (HTTP 401: " + ServerClient.serverMessage(response.body())
                    + "): it may be revoked, expired or mistyped; get a new one from the server's token page and restart "
                    + "the bridge with --token");
        }
        if (response.statusCode() == 403) {
            throw new IOException("ztfclass server " + server.base() + " refused to store labels (HTTP 403: " + ServerClient.serverMessage(response.body())
                    + "): the token's user may not label (a viewer account?); ask an admin for the labeller role");
        }
        if (response.statusCode() != 200) {
            throw server.otherStatus(response);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IOException("ztfclass server " + server.base() + " answered POST /api/labels with something that is not JSON: "
                    + e.getMessage(), e);
        }
        List<LabelAnswer.Rejected> rejected = new ArrayList<>();
        for (JsonNode r : answer.path("rejected")) {
            rejected.add(new LabelAnswer.Rejected(r.path("index").asInt(-1), r.path("objectId").isTextual()
                    ? r.get("objectId").asText() : null, r.path("error").asText("")));
        }
        return new LabelAnswer(answer.path("accepted").asInt(), answer.path("deduplicated").asInt(), List.copyOf(rejected),
                answer.path("user").isTextual() ? answer.get("user").asText() : null);
    }

}
