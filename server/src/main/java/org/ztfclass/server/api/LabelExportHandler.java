package org.ztfclass.server.api;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ztfclass.server.learning.ConsensusExport;
import org.ztfclass.server.store.LabelExport;
import org.ztfclass.votables.table.TableColumn;
import org.ztfclass.votables.table.VotableWriter;

/**
 * {@code GET /api/labels}: the label log leaves the tool, for papers and other models. Public, like
 * TAP's {@code ztf.labels}: anonymous callers see every person as their pseudonym
 * ({@code labeller-…}); a signed-in caller (session or API token) sees user names.
 *
 * <p>Parameters (all optional, each at most once; anything else is a 400):
 * <ul>
 * <li>{@code format}: {@code json} (default), {@code csv} (RFC 4180 with a header line, as a download) or {@code votable}
 *     (VOTable 1.4 with units and UCDs, as a download);</li>
 * <li>{@code class}: {@code SN_IA}, {@code SN_II} or {@code OTHER} select by top class; anything else by fine class
 *     (the labelling vocabulary, e.g. {@code SN Ia-91T}, {@code TDE}, or a class a catalogue stored);</li>
 * <li>{@code source}: catalogue, web, samp, topcat, auto, or a comma-separated list of them;</li>
 * <li>{@code user}: a person's labels: their pseudonym, or for a signed-in caller also their user name (an anonymous caller
 *     giving a user name gets no rows, so the answer says nothing of which names exist);</li>
 * <li>{@code since}: labels recorded at or after this ISO-8601 date or time (UTC unless it says otherwise), to the millisecond;</li>
 * <li>{@code consensus=true}: one row per object with its consensus class (majority of people and catalogues, each with
 *     their latest label; ties left out), combinable with a top {@code class} only;</li>
 * <li>{@code limit}: rows in this answer, 1..{@value LabelExportRequest#MAX_LIMIT}, default
 *     {@value LabelExportRequest#DEFAULT_LIMIT};</li>
 * <li>{@code after}: the page cursor (the last label id, or in consensus mode the last object id, of the previous page).</li>
 * </ul>
 *
 * <p>Rows come in label-id order (consensus: object-id order), streamed from the store. When more rows pass the filters
 * than {@code limit}, the answer names the next page: a {@code Link: <…>; rel="next"} header in every format, the
 * {@code next} member in JSON and an {@code INFO name="next"} in the VOTable. JSON is
 * {@code {"filters":{..},"labellers":"user names"|"pseudonyms","limit":n,"next":url|null,"rows":[..],"returned":n}}.
 * Columns: see {@link LabelExportColumns}.
 */
final class LabelExportHandler {

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final LabelExport store;
    private final ConsensusExport consensus;

    LabelExportHandler(LabelExport store) {
        this.store = store;
        this.consensus = new ConsensusExport(store);
    }

    void export(Context ctx) throws SQLException, IOException {
        LabelExportRequest r = LabelExportRequest.parse(ctx, store);
        ctx.header("Vary", "Cookie, Authorization");
        ctx.header("Cache-Control", r.filter().realNames() ? "private, no-store" : "no-cache");
        if (r.consensus()) {
            ConsensusExport.Page page = consensus.page(r.afterObject(), r.consensusClass(), r.limit());
            String next = page.more() ? r.next(ctx.path(), page.lastObjectId()) : null;
            write(ctx, r, "ztfclass-consensus", LabelExportColumns.CONSENSUS, () -> RowSource.of(page.rows()), next);
        } else {
            LabelExport.Page page = store.page(r.filter(), r.afterId(), r.limit());
            String next = page.more() ? r.next(ctx.path(), Long.toString(page.lastId())) : null;
            write(ctx, r, "ztfclass-labels", LabelExportColumns.EVENTS, () -> {
                try {
                    return RowSource.of(store.rows(r.filter(), page));
                } catch (SQLException e) {
                    throw new IOException("reading the store failed: " + e.getMessage(), e);
                }
            }, next);
        }
    }

    private static <T> void write(Context ctx, LabelExportRequest r, String name, List<TableColumn<T>> columns,
                                  StreamedTable.Opener<T> rows, String next) throws IOException {
        if (next != null) {
            ctx.header("Link", "<" + next + ">; rel=\"next\"");
        }
        String file = name + "-" + STAMP.format(Instant.now());
        String labellers = r.filter().realNames() ? "user names" : "pseudonyms";
        switch (r.format()) {
            case CSV -> {
                ctx.contentType(CsvTable.MIME_TYPE);
                ctx.header("Content-Disposition", "attachment; filename=\"" + file + ".csv\"");
                try (RowSource<T> source = rows.open()) {
                    CsvTable.write(columns, source, new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)));
                }
            }
            case VOTABLE -> {
                ctx.contentType(VotableWriter.MIME_TYPE);
                ctx.header("Content-Disposition", "attachment; filename=\"" + file + ".vot\"");
                Map<String, String> infos = new LinkedHashMap<>();
                infos.put("labellers", labellers);
                infos.put("limit", Integer.toString(r.limit()));
                if (next != null) {
                    infos.put("next", next);
                }
                VotableWriter.write(new StreamedTable<>(name, columns, rows), ctx.outputStream(), infos);
            }
            case JSON -> {
                ctx.contentType("application/json");
                OutputStream out = ctx.outputStream();
                try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8); RowSource<T> source = rows.open()) {
                    g.writeStartObject();
                    g.writeFieldName("filters");
                    writeMap(g, r.echo());
                    g.writeStringField("labellers", labellers);
                    g.writeNumberField("limit", r.limit());
                    g.writeStringField("next", next);
                    g.writeFieldName("rows");
                    long n = JsonTable.writeRows(columns, source, g);
                    g.writeNumberField("returned", n);
                    g.writeEndObject();
                }
            }
            default -> throw new IllegalStateException("format " + r.format());
        }
    }

    private static void writeMap(JsonGenerator g, Map<String, Object> m) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            g.writeFieldName(e.getKey());
            Object v = e.getValue();
            if (v == null) {
                g.writeNull();
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (v instanceof List<?> list) {
                g.writeStartArray();
                for (Object o : list) {
                    g.writeString(o.toString());
                }
                g.writeEndArray();
            } else {
                g.writeString(v.toString());
            }
        }
        g.writeEndObject();
    }
}
