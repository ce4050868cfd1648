package org.ztfclass.server.web;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.ObjectQueries;
import org.ztfclass.server.store.ReadScope;
import org.ztfclass.server.store.StoreWriter;

/** The object page reads the store through one SQLite connection per request (a {@link ReadScope}). */
class ObjectPageConnectionsTest {

    @TempDir
    Path tmp;

    @Test
    void oneConnectionPerObjectPage() throws Exception {
        Database db = TestStores.open(tmp.resolve("page.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("catalogues"), Samples.path("alerts")), IngestProgress.SILENT);
        String id;
        try (Connection c = db.connect(); var s = c.createStatement(); var rs = s.executeQuery("SELECT object_id FROM alerts LIMIT 1")) {
            rs.next();
            id = rs.getString(1);
        }
        ApiServer server = new ApiServer(db).start("127.0.0.1", 0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/objects/" + id)).build();
            assertEquals(200, http.send(get, HttpResponse.BodyHandlers.ofString()).statusCode());
            long before = db.connectionsOpened();
            HttpResponse<String> page = http.send(get, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains(id));
            assertEquals(1, db.connectionsOpened() - before, "store connections opened for one object page");
        } finally {
            server.stop();
        }
    }

    @Test
    void scopeSharesOneConnectionOnItsThreadOnly() throws Exception {
        Database db = TestStores.open(tmp.resolve("scope.db"));
        long before = db.connectionsOpened();
        try (ReadScope scope = new ObjectQueries(db).readScope(); ReadScope nested = db.readScope()) {
            for (int i = 0; i < 5; i++) {
                try (Connection c = db.connect(); var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM objects")) {
                    assertTrue(rs.next());
                }
            }
            assertEquals(1, db.connectionsOpened() - before, "five reads, one connection");
            Thread other = new Thread(() -> {
                try (Connection c = db.connect()) {
                    c.isValid(1);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            other.start();
            other.join();
            assertEquals(2, db.connectionsOpened() - before, "another thread gets its own connection");
        }
        try (Connection c = db.connect()) {
            assertTrue(!c.isClosed());
        }
        assertEquals(3, db.connectionsOpened() - before, "after the scope, connect() opens again");
    }
}
