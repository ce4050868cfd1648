package org.ztfclass.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.TestStores;
import org.ztfclass.server.store.Database;

/**
 * {@code GET /api/health}: 200 with the store's engine and schema version while a round trip to the
 * store works, needing no account; 503 with a fixed message and no SQL or stack text when it does not.
 */
class HealthEndpointTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void answersOkWhileTheStoreAnswers() throws Exception {
        try (Database db = TestStores.open(tmp.resolve("health.db"))) {
            ApiServer server = new ApiServer(db).start("127.0.0.1", 0);
            try {
                HttpResponse<String> r = get(server);
                assertEquals(200, r.statusCode(), r.body());
                assertTrue(r.body().startsWith("{\"status\":\"ok\",\"store\":\"" + (db.isPostgres() ? "postgresql" : "sqlite") + "\""),
                        r.body());
                assertTrue(r.body().matches(".*\"schema\":\"\\d+\".*"), r.body());
                assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void answers503WithoutDetailWhenTheStoreFails() throws Exception {
        try (Database db = TestStores.open(tmp.resolve("broken.db"))) {
            ApiServer server = new ApiServer(db).start("127.0.0.1", 0);
            try {
                try (Connection c = db.connect(); Statement s = c.createStatement()) {
                    s.execute("DROP TABLE flyway_schema_history"); // the probe's table is gone: its query fails
                }
                HttpResponse<String> r = get(server);
                assertEquals(503, r.statusCode(), r.body());
                assertTrue(r.body().contains("\"status\":\"unavailable\""), r.body());
                assertTrue(r.body().contains("\"error\":\"the store did not answer\""), r.body());
                assertFalse(r.body().toLowerCase().contains("flyway") || r.body().contains("SQL") || r.body().contains("Exception"),
                        r.body());
            } finally {
                server.stop();
            }
        }
    }

    private static HttpResponse<String> get(ApiServer server) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
