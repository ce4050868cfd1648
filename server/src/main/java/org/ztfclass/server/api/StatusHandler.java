package org.ztfclass.server.api;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ztfclass.server.store.ObjectQueries;

/** {@code /api/status}: the service is up, and what the store holds. */
final class StatusHandler {

    private final ObjectQueries queries;

    StatusHandler(ObjectQueries queries) {
        this.queries = queries;
    }

    void status(Context ctx) throws SQLException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", "ztfclass");
        body.put("store", queries.counts());
        ctx.json(body);
    }
}
