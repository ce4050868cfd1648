package org.ztfclass.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ztfclass.server.http.ClientAddress;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.votables.domain.Prediction;
import org.ztfclass.votables.domain.ZtfObject;
import org.ztfclass.votables.table.RecordTable;
import org.ztfclass.votables.table.TableColumn;
import org.ztfclass.votables.table.VotableWriter;

/**
 * {@code GET /api/overlay?ra=&dec=&radius=[&limit=][&format=votable|json]}: the objects in a sky
 * region for an Aladin Lite catalogue overlay, nearest the centre first. One row per object:
 * {@code objectId, ra, dec} (UCDs {@code meta.id;meta.main}, {@code pos.eq.ra;meta.main},
 * {@code pos.eq.dec;meta.main}, so Aladin places them), {@code class} (the human label if there is
 * one, else the model's predicted class, else empty) with {@code class_source}
 * ({@code label}/{@code model}/{@code none}), {@code p_class} (the model's probability of its
 * predicted class), {@code label_class}, {@code predicted_class}, {@code n_detections},
 * {@code peak_mag}, {@code url} (the object page) and {@code distance} from the centre. Angles in
 * decimal degrees ICRS; {@code radius} at most {@link #MAX_RADIUS}; {@code limit} default and
 * maximum {@link #MAX_ROWS}. A bad parameter is a 400 naming it.
 */
final class OverlayHandler {

    /** Largest radius served, degrees (Aladin Lite's widest useful field of view). */
    static final double MAX_RADIUS = 10.0;
    /** Most objects in one answer. */
    static final int MAX_ROWS = 5000;

    private record Row(ObjectQueries.InCone hit, String pageBase) {
        ZtfObject o() {
            return hit.object();
        }

        Prediction p() {
            return hit.object().prediction();
        }

        String displayClass() {
            if (o().labelClass() != null && !o().labelClass().isEmpty()) {
                return o().labelClass();
            }
            return p() == null ? null : p().predictedClass().name();
        }

        String classSource() {
            if (o().labelClass() != null && !o().labelClass().isEmpty()) {
                return "label";
            }
            return p() == null ? "none" : "model";
        }

        Double pClass() {
            return p() == null ? null : Math.max(p().pSnIa(), Math.max(p().pSnII(), p().pOther()));
        }

        Double peakMag() {
            Double peak = null;
            for (Double m : new Double[] {o().peakMagG(), o().peakMagR(), o().peakMagI()}) {
                if (m != null && (peak == null || m < peak)) {
                    peak = m;
                }
            }
            return peak;
        }
    }

    private static final List<TableColumn<Row>> COLUMNS = List.of(
            TableColumn.of("objectId", String.class, "", "meta.id;meta.main", "ZTF object identifier", r -> r.o().objectId()),
            TableColumn.of("ra", Double.class, "deg", "pos.eq.ra;meta.main", "Mean ICRS right ascension", r -> r.o().ra()),
            TableColumn.of("dec", Double.class, "deg", "pos.eq.dec;meta.main", "Mean ICRS declination", r -> r.o().dec()),
            TableColumn.of("class", String.class, "", "src.class", "Class to show: the current human label, else the model's prediction",
                    Row::displayClass),
            TableColumn.of("class_source", String.class, "", "meta.code", "Where class comes from: label, model or none",
                    Row::classSource),
            TableColumn.of("p_class", Double.class, "", "stat.probability", "The model's probability of its predicted class",
                    Row::pClass),
            TableColumn.of("label_class", String.class, "", "src.class", "Current class from label events", r -> r.o().labelClass()),
            TableColumn.of("predicted_class", String.class, "", "src.class", "The current (serving) model version's predicted class",
                    r -> r.p() == null ? null : r.p().predictedClass().name()),
            TableColumn.of("n_detections", Integer.class, "count", "meta.number;obs", "Number of detections", r -> r.o().nDetections()),
            TableColumn.of("peak_mag", Double.class, "mag", "phot.mag;stat.max", "Brightest ZTF PSF magnitude in any band", Row::peakMag),
            TableColumn.of("url", String.class, "", "meta.ref.url", "The object's ztfclass page", r -> r.pageBase() + r.o().objectId()),
            TableColumn.of("distance", Double.class, "deg", "pos.angDistance", "Distance from the region centre",
                    r -> r.hit().distanceDeg()));

    private final ObjectQueries queries;

    OverlayHandler(ObjectQueries queries) {
        this.queries = queries;
    }

    void overlay(Context ctx) throws SQLException, IOException {
        ResponseFormat format = ResponseFormat.of(ctx, ResponseFormat.VOTABLE);
        double ra = angle(ctx, "ra", 0, 360);
        double dec = angle(ctx, "dec", -90, 90);
        double radius = angle(ctx, "radius", 0, MAX_RADIUS);
        int limit = QueryParameters.integer(ctx, "limit", MAX_ROWS, 1, MAX_ROWS);
        String pageBase = ClientAddress.scheme(ctx) + "://" + ctx.host() + "/objects/";
        List<Row> rows = queries.inCone(ra, dec, radius, limit).stream().map(h -> new Row(h, pageBase)).toList();
        if (format == ResponseFormat.JSON) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ra", ra);
            body.put("dec", dec);
            body.put("radius", radius);
            body.put("columns", TableJson.columns(COLUMNS));
            body.put("rows", TableJson.rows(rows, COLUMNS));
            ctx.json(body);
            return;
        }
        ctx.contentType(VotableWriter.MIME_TYPE);
        VotableWriter.write(new RecordTable<>("ztfclass_overlay", rows, COLUMNS), ctx.outputStream(),
                Map.of("ra", Double.toString(ra), "dec", Double.toString(dec), "radius", Double.toString(radius)));
    }

    private static double angle(Context ctx, String name, double min, double max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            throw new ApiException(400, "parameter " + name + " is required (decimal degrees, " + min + ".." + max + ")");
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (d >= min && d <= max) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badParameter(name, v, "decimal degrees in " + min + ".." + max);
    }
}
