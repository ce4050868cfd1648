package org.ztfclass.server.api;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.TokenStore;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.store.Database;

/**
 * Issue 13, finding 7, replayed against a running server: 260 anonymous connections sending a
 * {@code POST /api/objects/match} body at one byte every 2 s held every request thread, so even
 * {@code /api/status} timed out for as long as they lasted. Now the server ends such uploads (408)
 * and keeps answering; bodies over the anonymous limit, or of unknown length, are refused without
 * reading them.
 */
class SlowClientAttackTest {

    @TempDir
    static Path tmp;

    private static ApiServer server;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        Database db = TestStores.open(tmp.resolve("slow.db"));
        token = new TokenStore(db).create(new UserStore(db).create("uploader", Role.VIEWER, "uploader-password"), "t").token();
        server = new ApiServer(db).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static Socket open(String headers) throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(30_000);
        s.getOutputStream().write(headers.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    private static String matchHeaders(long contentLength, String extra) {
        return "POST /api/objects/match HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-votable+xml\r\n"
                + (contentLength >= 0 ? "Content-Length: " + contentLength + "\r\n" : "") + extra + "\r\n";
    }

    /** @return the status line the server sent on {@code s}, or "closed" if it closed without one */
    private static String statusLine(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        return line.length() == 0 ? "closed" : line.toString().strip();
    }

    @Test
    void slowUploadsAreCutAndTheServerKeepsAnswering() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 260; i++) {
                Socket s = open(matchHeaders(1000, ""));
                s.getOutputStream().write('<');
                slow.add(s);
            }
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/status"))
                    .timeout(Duration.ofSeconds(15)).build();
            int cut = 0;
            HttpResponse<String> during = null;
            for (int tick = 0; tick < 10; tick++) { // one byte every 2 s on every connection, for 20 s
                Thread.sleep(2000);
                for (Socket s : slow) {
                    try {
                        s.getOutputStream().write('x');
                        s.getOutputStream().flush();
                    } catch (IOException closedByServer) {
                        // the server gave up on this upload
                    }
                }
                if (tick == 2) { // 6 s into the attack: before the fix every request thread was still held here
                    during = http.send(status, HttpResponse.BodyHandlers.ofString());
                }
            }
            assertEquals(200, during.statusCode(), "/api/status answered while the slow uploads went on");
            java.util.Map<String, Integer> lines = new java.util.TreeMap<>();
            for (Socket s : slow) {
                String line = statusLine(s);
                lines.merge(line, 1, Integer::sum);
                if (line.contains(" 408") || line.equals("closed")) {
                    cut++;
                }
            }
            assertEquals(260, cut, "every slow upload was ended by the server (408 or closed): " + lines);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void anAnonymousBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        try (Socket s = open(matchHeaders(RequestLimits.ANONYMOUS_MAX_BODY_BYTES + 1, ""))) {
            s.getOutputStream().write("<VOTABLE".getBytes(StandardCharsets.US_ASCII)); // Jetty dispatches once content starts
            assertTrue(statusLine(s).contains(" 413"), "413 with 8 of the announced bytes sent");
        }
        try (Socket s = open(matchHeaders(RequestLimits.ANONYMOUS_MAX_BODY_BYTES + 1, "Authorization: Bearer " + token + "\r\n"))) {
            s.getOutputStream().write("<VOTABLE".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.shutdownOutput(); // a signed-in caller may send that much: the server reads it (and finds it cut short), no 413
            String line = statusLine(s);
            assertTrue(line.contains(" 400"), "the body is read, and found cut short: " + line);
        }
        try (Socket s = open(matchHeaders(RequestLimits.SIGNED_IN_MAX_BODY_BYTES + 1, "Authorization: Bearer " + token + "\r\n"))) {
            s.getOutputStream().write("<VOTABLE".getBytes(StandardCharsets.US_ASCII));
            assertTrue(statusLine(s).contains(" 413"));
        }
    }

    @Test
    void aBodyOfUnknownLengthIsRefused() throws Exception {
        try (Socket s = open(matchHeaders(-1, "Transfer-Encoding: chunked\r\n"))) {
            OutputStream out = s.getOutputStream();
            out.write("5\r\n<VOTA\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertTrue(statusLine(s).contains(" 411"));
        }
    }
}
