package org.ztfclass.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ztfclass.server.crossmatch.CatalogueStatus;
import org.ztfclass.server.crossmatch.CrossmatchColumns;
import org.ztfclass.server.crossmatch.CrossmatchRow;
import org.ztfclass.server.store.CachedCrossmatch;
import org.ztfclass.server.store.CrossmatchCache;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.server.store.StoredAlert;
import org.ztfclass.votables.table.RecordTable;
import org.ztfclass.votables.table.VotableWriter;

/**
 * {@code GET /api/objects/{objectId}/crossmatches?format=votable|json}: the object's catalogue
 * cross-matches from the cache (never a remote service): one row per source and quantity with
 * catalogue, source id, separation, magnitude or flux density with error and unit, and
 * provenance (service, version, query, time, stale, age). JSON adds each catalogue's state and
 * the alert's own context fields (nearest PS1 source and its star/galaxy score, Gaia neighbour);
 * the VOTable carries the states as INFOs.
 */
final class CrossmatchHandler {

    private final ObjectQueries queries;
    private final CrossmatchCache cache;

    CrossmatchHandler(ObjectQueries queries, CrossmatchCache cache) {
        this.queries = queries;
        this.cache = cache;
    }

    void crossmatches(Context ctx) throws SQLException, IOException {
        ResponseFormat format = ResponseFormat.of(ctx, ResponseFormat.JSON);
        String id = ctx.pathParam("objectId");
        queries.object(id).orElseThrow(() -> ApiException.unknownObject(id));
        Instant now = Instant.now();
        List<CachedCrossmatch> cached = cache.read(id);
        List<CrossmatchRow> rows = CrossmatchRow.of(cached, now);
        List<CatalogueStatus> states = CatalogueStatus.of(cached, now);
        if (format == ResponseFormat.VOTABLE) {
            Map<String, String> infos = new LinkedHashMap<>();
            infos.put("objectId", id);
            infos.put("n_rows", Integer.toString(rows.size()));
            for (CatalogueStatus s : states) {
                infos.put("catalogue_" + s.catalogue(), s.state() + (s.nSources() == null ? "" : ", " + s.nSources() + " sources")
                        + (s.fetchedAt() == null ? "" : ", fetched " + s.fetchedAt()) + (s.lastError() == null ? "" : ", last error: " + s.lastError()));
            }
            ctx.contentType(VotableWriter.MIME_TYPE);
            VotableWriter.write(new RecordTable<>(id + "_crossmatches", rows, CrossmatchColumns.ALL), ctx.outputStream(), infos);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("objectId", id);
        body.put("alert_context", alertContext(queries.alerts(id)));
        body.put("catalogues", states.stream().map(CrossmatchHandler::state).toList());
        body.put("columns", TableJson.columns(CrossmatchColumns.ALL));
        body.put("rows", TableJson.rows(rows, CrossmatchColumns.ALL));
        ctx.json(body);
    }

    private static Map<String, Object> state(CatalogueStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("catalogue", s.catalogue());
        m.put("title", s.title());
        m.put("waveband", s.waveband());
        m.put("state", s.state());
        m.put("n_sources", s.nSources());
        m.put("radius_arcsec", s.radiusArcsec());
        m.put("fetched_at", s.fetchedAt());
        m.put("age_days", s.ageDays());
        m.put("last_error", s.lastError());
        m.put("query", s.query());
        return m;
    }

    /** @return the newest alert's context fields (no query needed), or null when the object has no alert */
    static Map<String, Object> alertContext(List<StoredAlert> alerts) {
        if (alerts.isEmpty()) {
            return null;
        }
        StoredAlert a = alerts.stream().max(java.util.Comparator.comparingDouble(StoredAlert::jd)).orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("candid", a.candid());
        m.put("ps1_distance_arcsec", a.distpsnr1());
        m.put("ps1_sgscore", a.sgscore1());
        m.put("gaia_distance_arcsec", a.neargaia());
        return m;
    }
}
