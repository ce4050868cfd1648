package org.ztfclass.server.crossmatch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.ztfclass.server.Samples;

/**
 * A loopback HTTP server standing in for VizieR in tests: it answers each {@code -source=TABLE}
 * with a scripted reply, mostly the recorded real answers of install/sample-data/test-only/crossmatch.
 * Binds a free port on 127.0.0.1; counts the requests per table.
 */
final class RecordedServices implements AutoCloseable {

    /** What to answer: status, content type, body, and a delay before answering. */
    record Reply(int status, String contentType, byte[] body, long delayMillis) {
        static Reply recorded(String file) {
            try {
                return new Reply(200, "text/xml", Files.readAllBytes(Samples.path("test-only/crossmatch/" + file)), 0);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        static Reply of(int status, String contentType, String body) {
            return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), 0);
        }
    }

    private final HttpServer server;
    private final Map<String, java.util.Deque<Reply>> script = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    RecordedServices() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/viz-bin/votable", this::answer);
        server.start();
    }

    /** Answers {@code table} with these replies in turn; the last one repeats. */
    RecordedServices on(String table, Reply... replies) {
        script.put(table, new java.util.concurrent.ConcurrentLinkedDeque<>(java.util.List.of(replies)));
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/viz-bin/votable";
    }

    int requests(String table) {
        AtomicInteger n = requests.get(table);
        return n == null ? 0 : n.get();
    }

    private void answer(HttpExchange ex) throws IOException {
        String table = null;
        for (String kv : ex.getRequestURI().getRawQuery().split("&")) {
            if (kv.startsWith("-source=")) {
                table = URLDecoder.decode(kv.substring(8), StandardCharsets.UTF_8);
            }
        }
        requests.computeIfAbsent(String.valueOf(table), k -> new AtomicInteger()).incrementAndGet();
        java.util.Deque<Reply> replies = script.get(table);
        Reply r = replies == null ? Reply.of(404, "text/plain", "no such table") : replies.size() > 1 ? replies.poll() : replies.peek();
        if (r.delayMillis() > 0) {
            try {
                Thread.sleep(r.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ex.getResponseHeaders().add("Content-Type", r.contentType());
        try (OutputStream out = ex.getResponseBody()) {
            ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
            if (r.body().length > 0) {
                out.write(r.body());
            }
        } catch (IOException e) {
            // the client gave up (timeout test)
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
