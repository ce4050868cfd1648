package org.ztfclass.server.api;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ztfclass.server.store.StoreProbe;

/**
 * {@code GET /api/health}, for load balancers and monitors: 200
 * {@code {"status":"ok","store":"sqlite|postgresql","schema":"N"}} when one round trip to the
 * store works ({@link StoreProbe}), else 503 {@code {"status":"unavailable","store":"…","error":"the store
 * did not answer"}} — the reason goes to the log, never to the client. Needs no account, reads no
 * body, counts nothing; always {@code Cache-Control: no-store}.
 */
final class HealthHandler {

    private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);

    private final StoreProbe probe;

    HealthHandler(StoreProbe probe) {
        this.probe = probe;
    }

    void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        ctx.header("Cache-Control", "no-store");
        try {
            String schema = probe.schemaVersion();
            body.put("status", "ok");
            body.put("store", probe.engine());
            body.put("schema", schema);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("health check: the store did not answer", e);
            ctx.status(503);
            body.put("status", "unavailable");
            body.put("store", probe.engine());
            body.put("error", "the store did not answer");
        }
        ctx.json(body);
    }
}
