package org.ztfclass.server.api;

import io.javalin.http.Context;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ztfclass.server.store.StreamStore;

/**
 * {@code GET /api/stream}: where the live alert stream's consumers stand, as the store recorded it after
 * each batch: per consumer group, topic and partition the next offset to read (committed), the lag
 * behind the partition's end when last measured, alerts stored over the last minute, the last error
 * and when it was recorded; and the number of dead letters (messages kept aside, table
 * stream_dead_letters). An empty list when no stream has run on this store.
 */
final class StreamHandler {

    private final StreamStore store;

    StreamHandler(StreamStore store) {
        this.store = store;
    }

    void status(Context ctx) throws SQLException {
        List<Map<String, Object>> partitions = store.status().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("group", s.group());
            m.put("topic", s.topic());
            m.put("partition", s.partition());
            m.put("committed_offset", s.committedOffset());
            m.put("lag", s.lag());
            m.put("alerts_last_minute", s.alertsLastMinute());
            m.put("alerts_per_second", s.alertsLastMinute() / 60.0);
            m.put("last_error", s.lastError());
            m.put("last_error_at", s.lastErrorAt());
            m.put("updated_at", s.updatedAt());
            return m;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partitions", partitions);
        body.put("dead_letters", store.deadLetterCount());
        ctx.json(body);
    }
}
