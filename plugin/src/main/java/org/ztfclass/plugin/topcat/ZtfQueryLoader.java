package org.ztfclass.plugin.topcat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.table.VotableReader;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.TableFormatException;

/**
 * Loads the table a {@link ZtfQuery} names from a ztfclass server: one {@code GET} of its
 * {@link ZtfQuery#url URL} (with {@code Authorization: Bearer TOKEN} when a token is given), the
 * VOTable answer read with STIL, then the query's sky cone (and, with a cone, its limit) applied
 * to the rows, using the {@code ra}/{@code dec} columns. The table is named
 * {@code ztf:SPECIFICATION}. Used by both the {@code :ztf:} scheme and the TOPCAT load dialog.
 * An unreachable server is an {@link IOException} naming the URL; a server error (4xx/5xx with a
 * VOTable {@code QUERY_STATUS} message) a {@link TableFormatException} carrying the server's
 * message. Stateless; thread-safe.
 */
public final class ZtfQueryLoader {

    private static final Pattern ERROR = Pattern.compile("QUERY_STATUS\" value=\"ERROR\">([^<]*)<");

    private ZtfQueryLoader() {
    }

    /** Loads with the server and token from the {@code ztfclass.server}/{@code ztfclass.token} properties. */
    public static StarTable load(ZtfQuery query) throws IOException {
        return load(query, ServerSettings.server(), ServerSettings.token());
    }

    /**
     * Loads a query's rows.
     *
     * @param server base URL, e.g. {@code http://localhost:7070}
     * @param token API token, or null/blank for none
     */
    public static StarTable load(ZtfQuery query, String server, String token) throws IOException {
        URI url;
        try {
            url = query.url(server);
        } catch (IllegalArgumentException e) {
            throw new IOException("bad server URL '" + server + "': " + e.getMessage(), e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url);
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token.trim());
        }
        HttpResponse<InputStream> response;
        try {
            response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("ztfclass server at " + server + " cannot be reached (" + url + "): " + e, e);
        }
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readAllBytes();
        }
        String spec = query.specification();
        if (response.statusCode() != 200) {
            Matcher m = ERROR.matcher(new String(body, StandardCharsets.UTF_8));
            throw new TableFormatException(":ztf:" + spec + ": ztfclass server answered " + response.statusCode()
                    + (m.find() ? ": " + m.group(1) : ""));
        }
        StarTable table;
        try {
            table = VotableReader.read(new ByteArrayInputStream(body), url.toString());
        } catch (BadInputException e) {
            throw new TableFormatException(":ztf:" + spec + ": the ztfclass server's answer is not a VOTable: " + e.getMessage());
        }
        if (query.hasCone()) {
            table = cone(table, query);
        }
        table.setName("ztf:" + spec);
        return table;
    }

    /** The rows inside the query's cone, at most its limit. */
    private static StarTable cone(StarTable in, ZtfQuery query) throws IOException {
        int ra = column(in, "ra");
        int dec = column(in, "dec");
        RowListStarTable out = new RowListStarTable(in);
        out.getParameters().addAll(in.getParameters());
        long limit = query.limit();
        try (RowSequence rows = in.getRowSequence()) {
            while (rows.next() && (limit < 0 || out.getRowCount() < limit)) {
                Object r = rows.getCell(ra);
                Object d = rows.getCell(dec);
                if (r instanceof Number rn && d instanceof Number dn && query.inCone(rn.doubleValue(), dn.doubleValue())) {
                    out.addRow(rows.getRow());
                }
            }
        }
        return out;
    }

    private static int column(StarTable t, String name) throws TableFormatException {
        for (int i = 0; i < t.getColumnCount(); i++) {
            if (name.equalsIgnoreCase(t.getColumnInfo(i).getName())) {
                return i;
            }
        }
        throw new TableFormatException("the server's table has no '" + name + "' column for the sky cone");
    }
}
