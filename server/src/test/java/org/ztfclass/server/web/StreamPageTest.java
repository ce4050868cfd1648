package org.ztfclass.server.web;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StreamStore;
import org.ztfclass.server.store.StreamStore.DeadLetter;
import org.ztfclass.server.store.StreamStore.PartitionStatus;

/** {@code /stream} over plain HTTP: what a consumer recorded, dead letters escaped, and the page before any stream ran. */
class StreamPageTest {

    @TempDir
    Path tmp;

    /** Records what a consumer on two partitions with one bad message would have (also used by the accessibility test). */
    static void recordStream(Database db) throws Exception {
        StreamStore s = new StreamStore(db);
        s.putStatus(List.of(
                new PartitionStatus("ztfclass", "ztf_20261204_programid1", 0, 1234, 5L, 600, null, null, "2026-12-04T18:26:46.055Z"),
                new PartitionStatus("ztfclass", "ztf_20261204_programid1", 1, 99, null, 0,
                        "offset 98: [file] not an Avro object-container file", "2026-12-04T18:20:00Z", "2026-12-04T18:26:46Z")));
        s.addDeadLetters(List.of(
                new DeadLetter("ztf_20261204_programid1", 1, 98, "<b>key</b>", 12, "[file] not an Avro object-container file <script>", 0,
                        "2026-12-04T18:20:00Z"),
                new DeadLetter("ztf_20261204_programid1", 0, 7, null, 0, "[file] empty file, expected an Avro alert packet", 0,
                        "2026-12-04T18:21:00Z")));
    }

    @Test
    void showsEachPartitionAndTheLatestDeadLetters() throws Exception {
        Database db = TestStores.open(tmp.resolve("s.db"));
        recordStream(db);
        ApiServer server = new ApiServer(db).start("127.0.0.1", 0);
        try {
            HttpResponse<String> page = get(server, "/stream");
            assertEquals(200, page.statusCode());
            String html = page.body();
            assertTrue(html.contains("<title>Live alert stream - ztfclass</title>"), "the site layout");
            assertTrue(html.contains("<nav aria-label=\"Site\">"), "the site navigation");
            assertTrue(html.contains("<caption id=\"partitions-caption\">"), html);
            assertTrue(html.contains("<th scope=\"row\">0</th><td class=\"n\">5</td><td class=\"n\">10.0</td><td class=\"n\">1,234</td>"
                    + "<td>none</td>"), "partition 0: lag 5, 600 alerts a minute = 10.0/s, next offset 1,234, no error");
            assertTrue(html.contains("<td class=\"n\">unknown</td>"), "partition 1's lag is unknown");
            assertTrue(html.contains("offset 98: [file] not an Avro object-container file ("), "partition 1's last error");
            assertTrue(html.contains("2 messages could not be wholly turned into alerts"), "the dead-letter count");
            assertTrue(html.indexOf("class=\"n\">7</th>") > 0 && html.indexOf("class=\"n\">7</th>") < html.indexOf("class=\"n\">98</th>"),
                    "newest first");
            assertTrue(html.contains("&lt;b&gt;key&lt;/b&gt;") && html.contains("&lt;script&gt;"), "keys and reasons escaped");
            assertFalse(html.contains("<script>"), "nothing from a message reaches the page as markup");
            assertTrue(html.contains("<time datetime=\"2026-12-04T18:26:46Z\""), "times through HtmlTime");
        } finally {
            server.stop();
        }
    }

    @Test
    void saysSoWhenNoStreamHasRun() throws Exception {
        Database db = TestStores.open(tmp.resolve("empty.db"));
        ApiServer server = new ApiServer(db).start("127.0.0.1", 0);
        try {
            String html = get(server, "/stream").body();
            assertTrue(html.contains("No stream consumer has run on this store yet"), html);
            assertTrue(html.contains("0 messages could not be wholly turned into alerts"), html);
            assertFalse(html.contains("<table>"), html);
        } finally {
            server.stop();
        }
    }

    private static HttpResponse<String> get(ApiServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
