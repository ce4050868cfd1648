package org.ztfclass.plugin.topcat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.table.VotableReader;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.TableFormatException;
import uk.ac.starlink.table.TableScheme;

/**
 * The {@code :ztf:} table scheme: {@code :ztf:class=SN_IA&minprob=0.9} loads, from the ztfclass
 * server, the objects the latest model puts in a class with at least that probability. Keys:
 * {@code class} (predicted class), {@code minprob} (0..1), {@code label} (current label class),
 * {@code dropped_by} (funnel stage, or {@code none} for those that passed), {@code limit}.
 * Register with {@code -Dstartable.schemes=org.ztfclass.plugin.topcat.ZtfTableScheme}; works in
 * TOPCAT's load window and in STILTS ({@code in=:ztf:class=SN_IA}).
 */
public final class ZtfTableScheme implements TableScheme {

    private static final Map<String, String> KEYS = Map.of("class", "predicted_class", "minprob", "min_prob", "label", "class",
            "dropped_by", "dropped_by", "limit", "limit");

    @Override
    public String getSchemeName() {
        return "ztf";
    }

    @Override
    public String getSchemeUsage() {
        return "[class=SN_IA|SN_II|OTHER][&minprob=P][&label=CLASS][&dropped_by=STAGE|none][&limit=N]";
    }

    @Override
    public String getExampleSpecification() {
        return "class=SN_IA&minprob=0.9";
    }

    @Override
    public StarTable createTable(String specification) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("format", "votable");
        for (String part : specification.split("&")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = (eq < 0 ? part : part.substring(0, eq)).trim().toLowerCase(java.util.Locale.ROOT);
            String value = eq < 0 ? "" : part.substring(eq + 1).trim();
            String param = KEYS.get(key);
            if (param == null) {
                throw new TableFormatException(":ztf: unknown key '" + key + "'; usage :ztf:" + getSchemeUsage());
            }
            query.put(param, value);
        }
        StringBuilder url = new StringBuilder(System.getProperty(ServerSettings.SERVER_PROPERTY, "http://localhost:7070")
                .replaceAll("/+$", "") + "/api/objects?");
        query.forEach((k, v) -> url.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString()));
        String token = System.getProperty(ServerSettings.TOKEN_PROPERTY);
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> response;
        try {
            response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readAllBytes();
        }
        try {
            StarTable t = VotableReader.read(new ByteArrayInputStream(body), url.toString());
            if (response.statusCode() != 200) {
                throw new IOException("ztfclass server answered " + response.statusCode());
            }
            t.setName("ztf:" + specification);
            return t;
        } catch (BadInputException e) {
            String text = new String(body, StandardCharsets.UTF_8);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("QUERY_STATUS\" value=\"ERROR\">([^<]*)<").matcher(text);
            throw new TableFormatException(":ztf:" + specification + ": " + (m.find() ? m.group(1) : e.getMessage()));
        }
    }
}
