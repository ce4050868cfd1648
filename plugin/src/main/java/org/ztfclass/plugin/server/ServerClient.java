package org.ztfclass.plugin.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The desktop side's only way to the ztfclass server: HTTP, with the user's API token. Needs no
 * library beyond the JDK (the TOPCAT plugin loads it inside TOPCAT); labels go through
 * {@link LabelClient}. Thread-safe.
 */
public final class ServerClient {

    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

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

    /** @return the API token, or null */
    String token() {
        return token;
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

    /** Sends the request; a connection failure becomes an IOException saying the server is unreachable. */
    HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IOException("ztfclass server " + base + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + base, e);
        }
    }

    IOException otherStatus(HttpResponse<byte[]> response) {
        return new IOException("ztfclass server " + base + " answered " + response.statusCode() + ": " + serverMessage(response.body()));
    }

    static String serverMessage(byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        Matcher m = ERROR.matcher(text);
        return m.find() ? m.group(1).replace("\\\"", "\"") : text.strip();
    }
}
