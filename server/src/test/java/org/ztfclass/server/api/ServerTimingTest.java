package org.ztfclass.server.api;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.store.Database;

/** Every answer (API, page, static file, error) carries {@code Server-Timing: app;dur=MS}, as bench web reads it. */
class ServerTimingTest {

    private static final Pattern APP = Pattern.compile("app;dur=(\\d+\\.\\d+)");

    @TempDir
    Path tmp;

    @Test
    void everyAnswerSaysHowLongTheServerWorkedOnIt() throws Exception {
        ApiServer server = new ApiServer(TestStores.open(tmp.resolve("timing.db"))).start("127.0.0.1", 0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            String[][] cases = {{"/api/status", "200"}, {"/queue", "200"}, {"/css/ztfclass.css", "200"},
                {"/api/objects/ZTF99zzzzzzz", "404"}, {"/objects/ZTF99zzzzzzz", "404"}};
            for (String[] c : cases) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + c[0])).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(Integer.parseInt(c[1]), r.statusCode(), c[0]);
                String header = r.headers().firstValue("Server-Timing").orElse("");
                Matcher m = APP.matcher(header);
                assertTrue(m.matches(), c[0] + " answered Server-Timing '" + header + "'");
                double ms = Double.parseDouble(m.group(1));
                assertTrue(ms >= 0 && ms < 60_000, c[0] + ": " + ms + " ms");
                assertEquals(ms, ServerTiming.appMillis(header), 0.0, "the parser bench web uses reads the same figure");
            }
        } finally {
            server.stop();
        }
    }
}
