package org.ztfclass.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.ztfclass.server.api.ServerTiming;

/**
 * The simulated people of {@link LoadBenchmark}: a labeller posts batches of labels under an
 * {@code Idempotency-Key} (resent under the same key until answered) and thinks between batches; a
 * reader opens object pages (and the static CSS file, the reference) and thinks between pages. Each
 * runs on its own thread until the run's end and records what it saw in its own {@link Samples}.
 */
final class LoadClients {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CLASSES = {"SN_IA", "SN_II", "OTHER", "SN Ibc", "SN IIn", "TDE", "AGN", "CV", "Variable star", "Bogus"};

    private LoadClients() {
    }

    /** One labeller's or reader's record. */
    static final class Samples {
        final List<Double> client = new ArrayList<>();
        final List<Double> server = new ArrayList<>();
        final List<Double> reference = new ArrayList<>();
        long errors;
        long retries;
        long batches;
        long acknowledged;
        long deduplicated;
        final Set<String> acknowledgedComments = new HashSet<>();
    }

    static void label(HttpClient http, String base, String token, List<String> objects, LoadBenchmark.Settings s, long end, Random random, Samples r) {
        try {
            sleep(random.nextLong(s.labelThinkMs()[1] + 1)); // labellers start spread over one think time
            // objects this labeller labelled in the last 10 s, not picked again: the same label again within
            // LabelService.DEDUPLICATION_WINDOW would be counted as deduplicated, and a batch acknowledged in part is ambiguous
            Map<String, Long> recent = new HashMap<>();
            while (System.nanoTime() < end) {
                long now = System.nanoTime();
                recent.values().removeIf(t -> now - t > TimeUnit.SECONDS.toNanos(10));
                String key = UUID.randomUUID().toString();
                int n = 1 + random.nextInt(Math.min(s.maxBatch(), Math.max(1, objects.size() - recent.size())));
                Set<String> chosen = new HashSet<>();
                ObjectNode body = JSON.createObjectNode().put("source", "web");
                ArrayNode labels = body.putArray("labels");
                List<String> comments = new ArrayList<>();
                while (chosen.size() < n) {
                    String id = objects.get(random.nextInt(objects.size()));
                    if (!recent.containsKey(id) && chosen.add(id)) {
                        recent.put(id, now);
                        String comment = "bench load " + key + " #" + comments.size();
                        comments.add(comment);
                        labels.addObject().put("objectId", id).put("class", CLASSES[random.nextInt(CLASSES.length)])
                                .put("confidence", Math.round(random.nextDouble() * 100) / 100.0).put("comment", comment);
                    }
                }
                String json = body.toString();
                r.batches++;
                // resend the same batch under the same key until it is answered (a day's worth of keys are remembered)
                long giveUp = end + TimeUnit.SECONDS.toNanos(120);
                for (int attempt = 0; System.nanoTime() < giveUp; attempt++) {
                    if (attempt > 0) {
                        r.retries++;
                        sleep(Math.min(2000, 100L << Math.min(attempt, 5)));
                    }
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/labels")).timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
                    long t = System.nanoTime();
                    HttpResponse<String> answer;
                    try {
                        answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                    } catch (IOException e) {
                        r.errors++;
                        continue;
                    }
                    double ms = (System.nanoTime() - t) / 1e6;
                    if (answer.statusCode() != 200) {
                        r.errors++;
                        continue;
                    }
                    r.client.add(ms);
                    answer.headers().firstValue(ServerTiming.HEADER).ifPresent(h -> r.server.add(ServerTiming.appMillis(h)));
                    JsonNode a = JSON.readTree(answer.body());
                    int accepted = a.path("accepted").asInt();
                    r.acknowledged += accepted;
                    r.deduplicated += a.path("deduplicated").asInt();
                    if (accepted == comments.size()) {
                        r.acknowledgedComments.addAll(comments);
                    }
                    break;
                }
                sleep(s.labelThinkMs()[0] + random.nextLong(s.labelThinkMs()[1] - s.labelThinkMs()[0] + 1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void read(HttpClient http, String base, List<String> objects, LoadBenchmark.Settings s, long end, Random random, Samples r) {
        try {
            sleep(random.nextLong(s.readThinkMs()[1] + 1));
            while (System.nanoTime() < end) {
                String id = objects.get(random.nextInt(objects.size()));
                String url = base + "/objects/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8);
                long t = System.nanoTime();
                try {
                    HttpResponse<byte[]> page = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    double ms = (System.nanoTime() - t) / 1e6;
                    if (page.statusCode() == 200) {
                        r.client.add(ms);
                        page.headers().firstValue(ServerTiming.HEADER).ifPresent(h -> r.server.add(ServerTiming.appMillis(h)));
                    } else {
                        r.errors++;
                    }
                    t = System.nanoTime();
                    HttpResponse<byte[]> css = http.send(HttpRequest.newBuilder(URI.create(base + "/css/ztfclass.css"))
                            .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
                    if (css.statusCode() == 200) {
                        r.reference.add((System.nanoTime() - t) / 1e6);
                    }
                } catch (IOException e) {
                    r.errors++;
                }
                sleep(s.readThinkMs()[0] + random.nextLong(s.readThinkMs()[1] - s.readThinkMs()[0] + 1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) throws InterruptedException {
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }
}
