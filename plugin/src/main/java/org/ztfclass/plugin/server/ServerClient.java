package org.ztfclass.plugin.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desktop side's only way to the ztfclass server: HTTP, with the user's API token. Thread-safe.
 */
public final class ServerClient {

    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param base  the server, e.g. {@code http://localhost:7070}
     * @param token the user's API token, or null (accepted by servers without accounts)
     */
    public ServerClient(URI base, String token) {
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.token = token;
    }

    /** @return the server's address */
    public URI base() {
        return base;
    }

    /**
     * Sends a table of objects to {@code /api/objects/match} and returns the server's VOTable: the
     * same rows with ztfclass's columns appended.
     *
     * @throws IOException with the server's own message if it refuses, or why it could not be reached
     */
    public byte[] match(byte[] votable, double radiusArcsec) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/objects/match?radius_arcsec=" + radiusArcsec))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/x-votable+xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(votable));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response = send(request);
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new IOException("ztfclass server " + base + " refused the API token (HTTP " + response.statusCode() + ": "
                    + serverMessage(response.body()) + "): it may be revoked, expired or mistyped; get a new one from the "
                    + "server's token page and restart the bridge with --token");
        }
        if (response.statusCode() != 200) {
            throw otherStatus(response);
        }
        return response.body();
    }

    /**
     * Sends labels to {@code POST /api/labels} as source {@code samp}, as the token's user.
     *
     * @param labels the labels, in batch order (the answer's rejections index into this list)
     * @return the server's account of the batch: every label is accepted, deduplicated or rejected with why
     * @throws IOException without a token, when the token is refused (401) or its user may not label (403),
     *                     on any other HTTP error (with the server's message), or if the server cannot be reached
     */
    public LabelAnswer submitLabels(List<LabelRequest> labels) throws IOException {
        if (token == null || token.isBlank()) {
            throw new IOException("labels need an API token: get one from the ztfclass server's token page (" + base
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
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/labels"))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> response = send(request);
        if (response.statusCode() == 401) {
            throw new IOException("ztfclass server " + base + " refused the API token (HTTP 401: " + serverMessage(response.body())
                    + "): it may be revoked, expired or mistyped; get a new one from the server's token page and restart "
                    + "the bridge with --token");
        }
        if (response.statusCode() == 403) {
            throw new IOException("ztfclass server " + base + " refused to store labels (HTTP 403: " + serverMessage(response.body())
                    + "): the token's user may not label (a viewer account?); ask an admin for the labeller role");
        }
        if (response.statusCode() != 200) {
            throw otherStatus(response);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IOException("ztfclass server " + base + " answered POST /api/labels with something that is not JSON: "
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

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IOException("ztfclass server " + base + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + base, e);
        }
    }

    private IOException otherStatus(HttpResponse<byte[]> response) {
        return new IOException("ztfclass server " + base + " answered " + response.statusCode() + ": " + serverMessage(response.body()));
    }

    private static String serverMessage(byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        Matcher m = ERROR.matcher(text);
        return m.find() ? m.group(1).replace("\\\"", "\"") : text.strip();
    }
}
