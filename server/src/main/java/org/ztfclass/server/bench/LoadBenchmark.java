package org.ztfclass.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.Secrets;
import org.ztfclass.server.auth.TokenStore;
import org.ztfclass.server.auth.User;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.learning.StoreScoring;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;

/**
 * The server under a labelling campaign, on SQLite and on PostgreSQL in the same run: L
 * labellers, each its own user with its own API token, post label batches to
 * {@code POST /api/labels} (1 to {@link Settings#maxBatch} labels of distinct random objects, a
 * think time between batches, an {@code Idempotency-Key} per batch, and the same batch resent
 * under the same key until it is acknowledged), R readers browse object pages
 * ({@code /objects/{id}}, a think time between pages, each page followed by the static style sheet
 * as the reference), and one retraining job ({@code POST /api/learning/jobs} by an admin token)
 * runs during the run. Afterwards the labels in the store are counted against those acknowledged:
 * each label carries a comment unique to its batch and position, so a lost label and a label
 * stored twice are both seen.
 *
 * <p>The server runs in this JVM (as {@code bench web} does), on loopback; latency is measured at
 * the clients and as the server's own time ({@code Server-Timing}).
 */
public final class LoadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Goal for the p99 of a label POST (issue 14, the 2-core machine). */
    public static final double POST_GOAL_MS = 200;
    /** Goal for the p99 of an object page (issue 14, the 2-core machine). */
    public static final double PAGE_GOAL_MS = 100;

    private LoadBenchmark() {
    }

    /** The store's engine in one part of the run. */
    public enum Engine { SQLITE, POSTGRESQL }

    /**
     * What to run.
     *
     * @param minutes        length of the load on each engine
     * @param labellers      concurrent labellers (users with their own token)
     * @param readers        concurrent readers of object pages
     * @param engines        the engines, in order
     * @param pg             an existing PostgreSQL database ({@code postgresql://HOST:PORT/DB}) to use, or null to start a throwaway local cluster
     * @param sample         the sample folders ingested into each store, in order
     * @param sampleName     how the output names them
     * @param model          a bundle to score the store with before the run (the serving model readers see), or null
     * @param labelThinkMs   a labeller's think time between batches, uniform in [min, max] ms
     * @param readThinkMs    a reader's think time between pages, uniform in [min, max] ms
     * @param maxBatch       most labels in one batch (1 to this, uniform)
     * @param retrain        start one retraining job during the run (and wait for it after)
     */
    public record Settings(double minutes, int labellers, int readers, List<Engine> engines, String pg, List<Path> sample, String sampleName,
                           ModelBundle model, long[] labelThinkMs, long[] readThinkMs, int maxBatch, boolean retrain) {
        /** The settings: batches of 1-5 labels every 2-6 s, a page every 0.5-1.5 s, a retraining during the run. */
        public static Settings of(double minutes, int labellers, int readers, List<Engine> engines, String pg, List<Path> sample,
                                  String sampleName, ModelBundle model) {
            return new Settings(minutes, labellers, readers, engines, pg, sample, sampleName, model, new long[] {2000, 6000},
                    new long[] {500, 1500}, 5, true);
        }
    }

    /**
     * The figures of one engine.
     *
     * @param acknowledged labels the server acknowledged (sum of {@code accepted} over answered batches)
     * @param stored       the run's labels in the store afterwards
     * @param lost         acknowledged labels not in the store
     * @param duplicated   stored rows beyond the first of each label
     * @param unacknowledgedStored labels stored whose batch was not acknowledged whole (a batch still unanswered when the run
     *                     ended, or one the server answered with fewer accepted than sent)
     * @param deduplicated labels the server answered as deduplicated (the same label by the same user within 5 s; not stored)
     */
    public record Figures(Engine engine, long batches, long acknowledged, long stored, long lost, long duplicated, long unacknowledgedStored,
                          long deduplicated, long postErrors, long retries, double[] post, double[] postServer, long pages, long pageErrors, double[] page,
                          double[] pageServer, double[] staticFile, String retraining) {
        /** @return the p-th percentile of label POSTs at the clients, ms */
        public double postP(int p) {
            return pct(post, p);
        }

        /** @return the p-th percentile of object pages at the clients, ms */
        public double pageP(int p) {
            return pct(page, p);
        }
    }

    /**
     * Runs the load on each engine of {@code s} and prints the figures with their goals.
     *
     * @return one figure set per engine, in order
     */
    public static List<Figures> run(Settings s, PrintStream out) throws Exception {
        Path work = Files.createTempDirectory("ztfclass-bench-load");
        LocalPostgres local = null;
        try {
            out.printf(Locale.ROOT, "bench load: %d labellers (each a user with an API token; batches of 1-%d labels of distinct random objects "
                    + "every %.1f-%.1f s, an Idempotency-Key per batch, resent until acknowledged), %d readers (an object page every %.1f-%.1f s, "
                    + "then the static style sheet as the reference), %s; %.1f min on each engine; store: %s%n",
                    s.labellers(), s.maxBatch(), s.labelThinkMs()[0] / 1000.0, s.labelThinkMs()[1] / 1000.0, s.readers(),
                    s.readThinkMs()[0] / 1000.0, s.readThinkMs()[1] / 1000.0, s.retrain() ? "one retraining job started during the run" : "no retraining",
                    s.minutes(), s.sampleName());
            List<Figures> all = new ArrayList<>();
            for (Engine engine : s.engines()) {
                String location;
                if (engine == Engine.SQLITE) {
                    location = work.resolve("load.db").toString();
                } else if (s.pg() != null) {
                    location = s.pg();
                } else {
                    if (local == null) {
                        local = LocalPostgres.start();
                        out.printf(Locale.ROOT, "PostgreSQL: a throwaway local cluster on port %d (%s)%n", local.port(), local.dir());
                    }
                    location = local.createDatabase("bench_load");
                }
                all.add(runOn(engine, location, work.resolve("models-" + engine.name().toLowerCase(Locale.ROOT)), s, out));
            }
            out.println();
            out.printf(Locale.ROOT, "%-10s | %12s | %12s | %4s | %4s | %-28s | %-28s | %s%n", "engine", "acknowledged", "stored", "lost", "dup",
                    "label POST p50 / p99 (goal)", "object page p50 / p99 (goal)", "static file p99 (reference)");
            for (Figures f : all) {
                out.printf(Locale.ROOT, "%-10s | %,12d | %,12d | %4d | %4d | %6.1f / %6.1f ms (< %.0f) | %6.1f / %6.1f ms (< %.0f) | %.1f ms%n",
                        f.engine().name().toLowerCase(Locale.ROOT), f.acknowledged(), f.stored(), f.lost(), f.duplicated(),
                        f.postP(50), f.postP(99), POST_GOAL_MS, f.pageP(50), f.pageP(99), PAGE_GOAL_MS, pct(f.staticFile(), 99));
            }
            return all;
        } finally {
            if (local != null) {
                local.stop();
            }
            IngestBenchmark.deleteTree(work);
        }
    }

    private static Figures runOn(Engine engine, String location, Path models, Settings s, PrintStream out) throws Exception {
        long t0 = System.nanoTime();
        try (Database db = Database.open(location)) {
            new IngestService(new StoreWriter(db)).ingest(s.sample(), IngestProgress.SILENT);
            if (s.model() != null) {
                StoreScoring.scoreAll(db, s.model());
            }
            List<String> objects = new ArrayList<>();
            try (Connection c = db.connect(); var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT object_id FROM objects ORDER BY object_id")) {
                while (rs.next()) {
                    objects.add(rs.getString(1));
                }
            }
            String run = "load-" + Long.toString(System.currentTimeMillis(), 36) + "-";
            UserStore users = new UserStore(db);
            TokenStore tokens = new TokenStore(db);
            List<String> labellerTokens = new ArrayList<>();
            for (int i = 0; i < s.labellers(); i++) {
                User u = users.create(run + "l" + i, Role.LABELLER, Secrets.random(16));
                labellerTokens.add(tokens.create(u, "bench load").token());
            }
            String adminToken = tokens.create(users.create(run + "admin", Role.ADMIN, Secrets.random(16)), "bench load").token();
            out.printf(Locale.ROOT, "%n== %s (%s): %,d objects, %d users with tokens, store built in %.0f s; load average before: %s%n",
                    engine.name().toLowerCase(Locale.ROOT), engine == Engine.SQLITE ? "a fresh file" : location, objects.size(), s.labellers() + 1,
                    IngestBenchmark.seconds(t0), loadAverage());
            ApiServer server = new ApiServer(db, models).start("127.0.0.1", 0);
            try {
                return drive(engine, db, "http://127.0.0.1:" + server.port(), objects, labellerTokens, adminToken, run, s, out);
            } finally {
                server.stop();
            }
        }
    }

    private static Figures drive(Engine engine, Database db, String base, List<String> objects, List<String> labellerTokens, String adminToken,
                                 String run, Settings s, PrintStream out) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        long durationNanos = (long) (s.minutes() * 60e9);
        long start = System.nanoTime();
        long end = start + durationNanos;
        List<LoadClients.Samples> labellers = new ArrayList<>();
        List<LoadClients.Samples> readers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < labellerTokens.size(); i++) {
            LoadClients.Samples r = new LoadClients.Samples();
            labellers.add(r);
            String token = labellerTokens.get(i);
            long seed = 1000L + i;
            threads.add(new Thread(() -> LoadClients.label(http, base, token, objects, s, end, new Random(seed), r), "load-labeller-" + i));
        }
        for (int i = 0; i < s.readers(); i++) {
            LoadClients.Samples r = new LoadClients.Samples();
            readers.add(r);
            long seed = 5000L + i;
            threads.add(new Thread(() -> LoadClients.read(http, base, objects, s, end, new Random(seed), r), "load-reader-" + i));
        }
        threads.forEach(Thread::start);
        String retraining = "not started";
        long job = -1;
        long jobStarted = 0;
        if (s.retrain()) {
            long at = Math.min(durationNanos / 10, TimeUnit.SECONDS.toNanos(30));
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(at));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/learning/jobs"))
                    .header("Authorization", "Bearer " + adminToken).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            jobStarted = System.nanoTime();
            if (answer.statusCode() == 202) {
                job = JSON.readTree(answer.body()).path("job").asLong();
                retraining = "job " + job + " started " + Math.round((jobStarted - start) / 1e9) + " s into the run";
            } else {
                retraining = "could not start: " + answer.statusCode() + " " + answer.body();
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        java.time.Instant loadEnd = java.time.Instant.now();
        String loadAfter = loadAverage();
        if (job >= 0) {
            JsonNode j = awaitJob(http, base, adminToken, job);
            java.time.Instant began = instant(j.path("started_at"), loadEnd);
            java.time.Instant ended = instant(j.path("finished_at"), java.time.Instant.now());
            double ran = Duration.between(began, ended).toMillis() / 1000.0;
            double overlap = Math.max(0, Duration.between(began, ended.isBefore(loadEnd) ? ended : loadEnd).toMillis() / 1000.0);
            retraining = String.format(Locale.ROOT, "retraining job %d (started %.0f s into the run): %s after %.0f s, %.0f s of it under the load%s",
                    job, (jobStarted - start) / 1e9, j.path("status").asText(), ran, overlap,
                    j.path("message").isTextual() ? " (" + j.path("message").asText() + ")" : "");
        }
        // count what the store holds for this run's labellers
        Set<String> acknowledged = new HashSet<>();
        long acknowledgedCount = 0;
        for (LoadClients.Samples r : labellers) {
            acknowledged.addAll(r.acknowledgedComments);
            acknowledgedCount += r.acknowledged;
        }
        Map<String, Integer> stored = new HashMap<>();
        long storedRows = 0;
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT l.comment FROM labels l JOIN users u ON u.id = l.user_id WHERE u.name LIKE ?")) {
            ps.setString(1, run + "l%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.merge(rs.getString(1), 1, Integer::sum);
                    storedRows++;
                }
            }
        }
        long lost = acknowledged.stream().filter(k -> !stored.containsKey(k)).count();
        long duplicated = stored.values().stream().mapToLong(n -> n - 1).sum();
        long unacknowledgedStored = stored.keySet().stream().filter(k -> !acknowledged.contains(k)).count();
        Figures f = new Figures(engine, sum(labellers, r -> r.batches), acknowledgedCount, storedRows, lost, duplicated, unacknowledgedStored,
                sum(labellers, r -> r.deduplicated), sum(labellers, r -> r.errors), sum(labellers, r -> r.retries), sorted(labellers, r -> r.client), sorted(labellers, r -> r.server),
                sum(readers, r -> r.client.size()), sum(readers, r -> r.errors), sorted(readers, r -> r.client), sorted(readers, r -> r.server),
                sorted(readers, r -> r.reference), retraining);
        String name = engine.name().toLowerCase(Locale.ROOT);
        out.printf(Locale.ROOT, "%s: labels acknowledged %,d in %,d batches; stored %,d: lost %d, duplicated %d, stored without an acknowledgement %d "
                + "(answered as deduplicated %d, errors seen by labellers %d, batches resent %d)%n", name, f.acknowledged(), f.batches(), f.stored(),
                f.lost(), f.duplicated(), f.unacknowledgedStored(), f.deduplicated(), f.postErrors(), f.retries());
        out.printf(Locale.ROOT, "%s: label POST /api/labels  (%,6d): p50 %7.2f ms  p99 %7.2f ms   server time p50 %7.2f ms  p99 %7.2f ms   goal p99 < %.0f ms: %s%n",
                name, f.post().length, f.postP(50), f.postP(99), pct(f.postServer(), 50), pct(f.postServer(), 99), POST_GOAL_MS,
                f.postP(99) < POST_GOAL_MS ? "met" : "MISSED");
        out.printf(Locale.ROOT, "%s: object page /objects/{id} (%,6d): p50 %7.2f ms  p99 %7.2f ms   server time p50 %7.2f ms  p99 %7.2f ms   goal p99 < %.0f ms: %s"
                + " (page errors %d)%n", name, f.page().length, f.pageP(50), f.pageP(99), pct(f.pageServer(), 50), pct(f.pageServer(), 99), PAGE_GOAL_MS,
                f.pageP(99) < PAGE_GOAL_MS ? "met" : "MISSED", f.pageErrors());
        out.printf(Locale.ROOT, "%s: reference: static file /css/ztfclass.css (%,6d): p50 %7.2f ms  p99 %7.2f ms%n", name, f.staticFile().length,
                pct(f.staticFile(), 50), pct(f.staticFile(), 99));
        out.printf(Locale.ROOT, "%s: %s; load average at the end of the load: %s%n", name, retraining, loadAfter);
        return f;
    }

    /** @return the instant a job's JSON field names, or {@code otherwise} if it names none */
    private static java.time.Instant instant(JsonNode text, java.time.Instant otherwise) {
        try {
            return text.isTextual() ? java.time.Instant.parse(text.asText()) : otherwise;
        } catch (java.time.format.DateTimeParseException e) {
            return otherwise;
        }
    }

    /** Waits for the retraining job to end (it must not run on into the next engine's run); at most an hour. */
    private static JsonNode awaitJob(HttpClient http, String base, String adminToken, long job) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.HOURS.toNanos(1);
        JsonNode j = JSON.createObjectNode();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/learning/jobs/" + job))
                    .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString());
            j = JSON.readTree(answer.body());
            if (answer.statusCode() == 200 && !"running".equals(j.path("status").asText())) {
                return j;
            }
            Thread.sleep(500);
        }
        return j;
    }

    private static long sum(List<LoadClients.Samples> rs, java.util.function.ToLongFunction<LoadClients.Samples> f) {
        return rs.stream().mapToLong(f).sum();
    }

    private static double[] sorted(List<LoadClients.Samples> rs, java.util.function.Function<LoadClients.Samples, List<Double>> f) {
        double[] out = rs.stream().flatMap(r -> f.apply(r).stream()).mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(out);
        return out;
    }

    private static double pct(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
