package org.ztfclass.server.api;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.votables.domain.ZtfObject;
import org.ztfclass.votables.table.ObjectColumns;
import org.ztfclass.votables.table.RecordTable;
import org.ztfclass.votables.table.TableColumn;
import org.ztfclass.votables.table.VotableWriter;

/**
 * Simple Cone Search 1.03 at {@code /scs}: {@code RA}, {@code DEC}, {@code SR} in decimal
 * degrees (ICRS); {@code VERB} accepted. The answer is a VOTable of the objects within SR,
 * nearest first, with the object columns and their distance; the id and position columns carry
 * the UCD1 words the standard asks for ({@code ID_MAIN}, {@code POS_EQ_RA_MAIN},
 * {@code POS_EQ_DEC_MAIN}). {@code SR=0} returns the columns and no rows. An error is, as the
 * standard says, a VOTable with {@code INFO name="Error"} (HTTP 200), and also
 * {@code QUERY_STATUS=ERROR} for DALI clients.
 */
final class ConeSearchHandler {

    /** Largest radius served, degrees. */
    static final double MAX_SR = 10.0;
    /** Most rows in one answer. */
    static final int MAX_ROWS = 100_000;

    private static final List<TableColumn<ObjectQueries.InCone>> COLUMNS = columns();

    private final ObjectQueries queries;

    ConeSearchHandler(ObjectQueries queries) {
        this.queries = queries;
    }

    void search(Context ctx) throws SQLException, IOException {
        double ra;
        double dec;
        double sr;
        try {
            ra = number(ctx, "RA", 0, 360, true);
            dec = number(ctx, "DEC", -90, 90, false);
            sr = number(ctx, "SR", 0, MAX_SR, false);
        } catch (IllegalArgumentException e) {
            error(ctx, e.getMessage());
            return;
        }
        List<ObjectQueries.InCone> found = sr == 0 ? List.of() : queries.inCone(ra, dec, sr, MAX_ROWS);
        ctx.contentType("text/xml; charset=utf-8");
        VotableWriter.write(new RecordTable<>("ztfclass_cone", found, COLUMNS), ctx.outputStream(),
                Map.of("RA", Double.toString(ra), "DEC", Double.toString(dec), "SR", Double.toString(sr)));
    }

    private static double number(Context ctx, String name, double min, double max, boolean maxExclusive) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("parameter " + name + " is required (decimal degrees)");
        }
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + ": '" + v + "' is not a number (decimal degrees)");
        }
        if (!(d >= min && (maxExclusive ? d < max : d <= max))) {
            throw new IllegalArgumentException("parameter " + name + ": " + v + " is outside " + min + ".." + max);
        }
        return d;
    }

    private static void error(Context ctx, String message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OutputStreamWriter w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        String m = message.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n"
                + "<RESOURCE type=\"results\">\n<INFO ID=\"Error\" name=\"Error\" value=\"" + m + "\"/>\n"
                + "<INFO name=\"QUERY_STATUS\" value=\"ERROR\">" + m + "</INFO>\n</RESOURCE>\n</VOTABLE>\n");
        w.flush();
        ctx.status(200);
        ctx.contentType("text/xml; charset=utf-8");
        ctx.result(out.toByteArray());
    }

    private static List<TableColumn<ObjectQueries.InCone>> columns() {
        List<TableColumn<ObjectQueries.InCone>> out = new ArrayList<>();
        for (TableColumn<ZtfObject> c : ObjectColumns.ALL) {
            String ucd = switch (c.info().getName()) {
                case "objectId" -> "ID_MAIN";
                case "ra" -> "POS_EQ_RA_MAIN";
                case "dec" -> "POS_EQ_DEC_MAIN";
                default -> c.info().getUCD();
            };
            TableColumn<ObjectQueries.InCone> copy = TableColumn.of(c.info().getName(), c.info().getContentClass(),
                    c.info().getUnitString() == null ? "" : c.info().getUnitString(), ucd, c.info().getDescription(),
                    hit -> c.value().apply(hit.object()));
            out.add(copy);
        }
        out.add(TableColumn.of("distance", Double.class, "deg", "pos.angDistance", "Distance from the cone centre",
                ObjectQueries.InCone::distanceDeg));
        return out;
    }
}
