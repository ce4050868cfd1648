package org.ztfclass.server.api;

import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.ztfclass.server.store.ObjectFilter;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.server.store.StoredCutout;
import org.ztfclass.votables.domain.CutoutKind;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.domain.ZtfObject;
import org.ztfclass.votables.fits.CutoutImage;
import org.ztfclass.votables.fits.CutoutPngRenderer;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.table.DetectionColumns;
import org.ztfclass.votables.table.ObjectColumns;
import org.ztfclass.votables.table.RecordTable;
import org.ztfclass.votables.table.VotableWriter;

/** Handlers of the {@code /api/objects} routes: parse, query the store, render. */
final class ObjectHandlers {

    /** Most rows one listing returns. */
    static final int MAX_LIMIT = 1_000_000;
    /** Rows a listing returns when no limit is given. */
    static final int DEFAULT_LIMIT = 100_000;

    private final ObjectQueries queries;
    private final org.ztfclass.server.store.PredictionStore predictions;
    private final CutoutPngRenderer renderer = new CutoutPngRenderer();

    ObjectHandlers(ObjectQueries queries, org.ztfclass.server.store.PredictionStore predictions) {
        this.queries = queries;
        this.predictions = predictions;
    }

    void list(Context ctx) throws SQLException, IOException {
        ResponseFormat format = ResponseFormat.of(ctx, ResponseFormat.JSON);
        int limit = QueryParameters.integer(ctx, "limit", DEFAULT_LIMIT, 0, MAX_LIMIT);
        int offset = QueryParameters.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        ObjectFilter filter = new ObjectFilter(QueryParameters.labelled(ctx), QueryParameters.transientClass(ctx, "class"),
                QueryParameters.droppedBy(ctx), QueryParameters.transientClass(ctx, "predicted_class"), QueryParameters.probability(ctx),
                QueryParameters.newSince(ctx));
        long total = queries.countObjects(filter);
        List<ZtfObject> objects = queries.listObjects(filter, limit, offset);
        if (format == ResponseFormat.VOTABLE) {
            Map<String, String> infos = new LinkedHashMap<>();
            infos.put("total_rows", Long.toString(total));
            infos.put("offset", Integer.toString(offset));
            infos.put("limit", Integer.toString(limit));
            votable(ctx, new RecordTable<>("ztfclass_objects", objects, ObjectColumns.ALL), infos);
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("total", total);
            body.put("offset", offset);
            body.put("limit", limit);
            body.put("columns", TableJson.columns(ObjectColumns.ALL));
            body.put("objects", TableJson.rows(objects, ObjectColumns.ALL));
            ctx.json(body);
        }
    }

    void one(Context ctx) throws SQLException {
        String id = ctx.pathParam("objectId");
        ZtfObject object = queries.object(id).orElseThrow(() -> ApiException.unknownObject(id));
        Map<String, Object> body = new LinkedHashMap<>(TableJson.row(object, ObjectColumns.ALL));
        body.put("catalogue_entries", queries.catalogueEntries(id));
        // labellers by user name for a signed-in reader, by pseudonym for anyone else (issue 13)
        body.put("labels", queries.labels(id, org.ztfclass.server.auth.WebAuth.principal(ctx).isPresent()));
        body.put("alerts", queries.alerts(id));
        // the current model version's prediction first (marked "current"), then the others, newest first
        var history = this.predictions.forObject(id);
        List<Map<String, Object>> predictions = new java.util.ArrayList<>();
        for (var vp : history.all()) {
            var p = vp.prediction();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model_version", p.modelVersion());
            m.put("p_SN_IA", p.pSnIa());
            m.put("p_SN_II", p.pSnII());
            m.put("p_OTHER", p.pOther());
            m.put("predicted_class", p.predictedClass().name());
            m.put("current", vp.current());
            m.put("status", vp.status());
            predictions.add(m);
        }
        body.put("current_model_version", history.currentVersion());
        body.put("predictions", predictions);
        Map<String, String> links = new LinkedHashMap<>();
        String base = "/api/objects/" + id;
        links.put("lightcurve_votable", base + "/lightcurve?format=votable");
        links.put("lightcurve_json", base + "/lightcurve?format=json");
        for (CutoutKind k : CutoutKind.values()) {
            links.put(k.urlName() + "_fits", base + "/cutouts/" + k.urlName() + ".fits");
            links.put(k.urlName() + "_png", base + "/cutouts/" + k.urlName() + ".png");
        }
        links.put("page", "/objects/" + id);
        body.put("links", links);
        ctx.json(body);
    }

    void lightCurve(Context ctx) throws SQLException, IOException {
        ResponseFormat format = ResponseFormat.of(ctx, ResponseFormat.JSON);
        String id = ctx.pathParam("objectId");
        queries.object(id).orElseThrow(() -> ApiException.unknownObject(id));
        List<Detection> points = queries.lightCurve(id);
        if (format == ResponseFormat.VOTABLE) {
            votable(ctx, new RecordTable<>(id + "_lightcurve", points, DetectionColumns.ALL),
                    Map.of("objectId", id, "n_points", Integer.toString(points.size())));
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("objectId", id);
            body.put("columns", TableJson.columns(DetectionColumns.ALL));
            body.put("points", TableJson.rows(points, DetectionColumns.ALL));
            ctx.json(body);
        }
    }

    void photometry(Context ctx) throws SQLException, IOException {
        ResponseFormat format = ResponseFormat.of(ctx, ResponseFormat.JSON);
        String id = ctx.pathParam("objectId");
        queries.object(id).orElseThrow(() -> ApiException.unknownObject(id));
        var points = queries.photometry(id);
        if (format == ResponseFormat.VOTABLE) {
            votable(ctx, new RecordTable<>(id + "_photometry", points, org.ztfclass.votables.table.PhotometryColumns.ALL),
                    Map.of("objectId", id, "n_points", Integer.toString(points.size())));
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("objectId", id);
            body.put("columns", TableJson.columns(org.ztfclass.votables.table.PhotometryColumns.ALL));
            body.put("points", TableJson.rows(points, org.ztfclass.votables.table.PhotometryColumns.ALL));
            ctx.json(body);
        }
    }

    void cutout(Context ctx) throws SQLException, IOException {
        String id = ctx.pathParam("objectId");
        String file = ctx.pathParam("file");
        int dot = file.indexOf('.');
        String extension = dot < 0 ? "" : file.substring(dot + 1);
        CutoutKind kind;
        try {
            kind = CutoutKind.parse(dot < 0 ? file : file.substring(0, dot));
        } catch (IllegalArgumentException e) {
            throw new ApiException(404, "cutout '" + file + "': " + e.getMessage());
        }
        if (!extension.equals("fits") && !extension.equals("fits.gz") && !extension.equals("png")) {
            throw new ApiException(404, "cutout '" + file + "': the extension must be .fits, .fits.gz or .png");
        }
        Long candid = QueryParameters.optionalLong(ctx, "candid");
        queries.object(id).orElseThrow(() -> ApiException.unknownObject(id));
        StoredCutout cutout = queries.cutout(id, kind, candid).orElseThrow(() -> new ApiException(404,
                "object " + id + " has no " + kind.urlName() + " cutout" + (candid == null ? "" : " for candid " + candid)
                        + " (cutouts come with alert packets, or as a broker's stamp files)"));
        ctx.header("X-ZTF-candid", Long.toString(cutout.candid()));
        String stem = id + "_" + cutout.candid() + "_" + kind.urlName();
        switch (extension) {
            case "fits.gz" -> {
                ctx.contentType("application/gzip");
                ctx.header("Content-Disposition", "inline; filename=\"" + stem + ".fits.gz\"");
                ctx.result(cutout.fitsGz());
            }
            case "fits" -> {
                ctx.contentType("application/fits");
                ctx.header("Content-Disposition", "inline; filename=\"" + stem + ".fits\"");
                ctx.result(gunzip(cutout.fitsGz()));
            }
            default -> {
                CutoutImage image;
                try {
                    image = CutoutImage.decode(cutout.fitsGz(), stem, "stored cutout");
                } catch (BadInputException e) {
                    throw new ApiException(500, e.getMessage());
                }
                ctx.contentType("image/png");
                // the labelling page prefetches the next object's cutouts (issue 16): reusable for a few minutes
                ctx.header("Cache-Control", "max-age=300");
                ctx.result(renderer.renderPng(image));
            }
        }
    }

    private static byte[] gunzip(byte[] data) throws IOException {
        if (data.length < 2 || (data[0] & 0xff) != 0x1f || (data[1] & 0xff) != 0x8b) {
            return data;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }

    private static void votable(Context ctx, RecordTable<?> table, Map<String, String> infos) throws IOException {
        ctx.contentType(VotableWriter.MIME_TYPE);
        VotableWriter.write(table, ctx.outputStream(), infos);
    }
}
