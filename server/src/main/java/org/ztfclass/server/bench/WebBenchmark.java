package org.ztfclass.server.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.server.api.ApiServer;
import org.ztfclass.server.api.ServerTiming;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.User;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.funnel.FunnelConfig;
import org.ztfclass.server.funnel.FunnelRunner;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.labels.LabelRequest;
import org.ztfclass.server.labels.LabelService;
import org.ztfclass.server.labels.LabelSource;
import org.ztfclass.server.learning.StoreScoring;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.FunnelStore;
import org.ztfclass.server.store.PredictionStore;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.server.store.SyntheticObjects;
import org.ztfclass.votables.domain.Prediction;

/**
 * The web application's speed on a large store: the shipped sample (catalogues and alert
 * packets, scored by the shipped model) plus synthetic objects resampled from it up to N objects
 * (their probabilities resampled from the real objects' predictions), the funnel run, a few
 * thousand labels. Then, with C concurrent clients over loopback, the latency of the object page
 * ({@code /objects/{id}}, half real objects with light curves and cutouts, half synthetic), of
 * filtered object lists ({@code /queue?...}, a mix of filters) and, as the reference measured in
 * the same run, of a static file ({@code /css/ztfclass.css}). Latency is measured at the client
 * (HTTP on loopback and the clients' own CPU included: an upper bound) and as server time, read
 * from each answer's {@code Server-Timing} header (the server's own work, queueing for the CPU
 * inside the server included, since 8 clients share 2 cores with it).
 */
public final class WebBenchmark {

    private WebBenchmark() {
    }

    private static final String[] FILTERS = {
        "label_status=unlabelled&predicted_class=SN_IA&p_min=0.6",
        "stage=none&label_status=unlabelled",
        "from=2019-01-01&to=2020-06-30&sort=first_detection",
        "predicted_class=SN_II&p_min=0.4&p_max=0.6",
        "label_class=SN_IA&page=3",
        "label_status=unlabelled&stage=none&predicted_class=OTHER&p_min=0.5&sort=first_detection&dir=desc",
    };

    public static void run(Path sample, Path bundleDir, long objects, int requests, int clients, PrintStream out) throws Exception {
        Path work = Files.createTempDirectory("ztfclass-bench-web");
        try {
            long t0 = System.nanoTime();
            Database db = Database.open(work.resolve("web.db"));
            new IngestService(new StoreWriter(db)).ingest(List.of(sample.resolve("catalogues"), sample.resolve("alerts")), IngestProgress.SILENT);
            PredictionStore predictions = new PredictionStore(db);
            List<String> real = predictions.objectIds();
            ModelBundle bundle = ModelBundle.load(bundleDir);
            StoreScoring.scoreAll(db, bundle);
            new SyntheticObjects(db).generate(Math.max(0, objects - real.size()), 20261125L, n -> { });
            resamplePredictions(db, real, bundle.manifest().version());
            new FunnelRunner(new FunnelStore(db)).run(FunnelConfig.defaults());
            List<String> all = predictions.objectIds();
            label(db, all);
            List<String> withAlerts = new ArrayList<>();
            try (var c = db.connect(); var s = c.createStatement(); var rs = s.executeQuery("SELECT DISTINCT object_id FROM alerts")) {
                while (rs.next()) {
                    withAlerts.add(rs.getString(1));
                }
            }
            out.printf(Locale.ROOT, "bench web: %,d objects (%,d real from the sample, the rest synthetic), store built in %.0f s; "
                    + "%d concurrent clients, %,d requests each kind%n", all.size(), real.size(), IngestBenchmark.seconds(t0), clients, requests);
            ApiServer server = new ApiServer(db).start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + server.port();
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                Random random = new Random(7);
                List<String> synthetic = all.stream().filter(id -> id.startsWith("synthetic")).toList();
                IntFunction<String> staticFile = i -> base + "/css/ztfclass.css";
                IntFunction<String> objectPage = i -> base + "/objects/" + (i % 2 == 0 || synthetic.isEmpty()
                        ? withAlerts.get(Math.floorMod(i * 7919, withAlerts.size())) : synthetic.get(Math.floorMod(i * 104729, synthetic.size())));
                double[] centres = random.doubles(2L * requests).toArray();
                IntFunction<String> list = i -> base + "/queue?" + (i % 7 == 6
                        ? String.format(Locale.ROOT, "ra=%.3f&dec=%.3f&radius=2", centres[2 * (i % requests)] * 360,
                                centres[2 * (i % requests) + 1] * 120 - 30)
                        : FILTERS[i % FILTERS.length]);
                measure(http, staticFile, Math.min(500, requests), clients);
                measure(http, objectPage, Math.min(300, requests), clients);
                measure(http, list, Math.min(300, requests), clients);
                Latencies s = measure(http, staticFile, requests, clients);
                Latencies o = measure(http, objectPage, requests, clients);
                Latencies l = measure(http, list, requests, clients);
                out.printf(Locale.ROOT, "reference  static file /css/ztfclass.css:      p50 %6.2f ms  p99 %6.2f ms   server time p50 %6.2f ms  p99 %6.2f ms%n",
                        pct(s.client(), 50), pct(s.client(), 99), pct(s.server(), 50), pct(s.server(), 99));
                out.printf(Locale.ROOT, "ztfclass   object page /objects/{id}:         p50 %6.2f ms  p99 %6.2f ms   server time p50 %6.2f ms  p99 %6.2f ms"
                        + "  (target p99 < 50 ms; %.1f x the static file's p99 as the clients saw it)%n",
                        pct(o.client(), 50), pct(o.client(), 99), pct(o.server(), 50), pct(o.server(), 99), pct(o.client(), 99) / pct(s.client(), 99));
                out.printf(Locale.ROOT, "ztfclass   filtered list /queue?... (mix):    p50 %6.2f ms  p99 %6.2f ms   server time p50 %6.2f ms  p99 %6.2f ms"
                        + "  (target p99 < 100 ms; %.1f x the static file's p99 as the clients saw it)%n",
                        pct(l.client(), 50), pct(l.client(), 99), pct(l.server(), 50), pct(l.server(), 99), pct(l.client(), 99) / pct(s.client(), 99));
                for (int f = 0; f <= FILTERS.length; f++) {
                    final int which = f;
                    IntFunction<String> one = i -> which < FILTERS.length ? base + "/queue?" + FILTERS[which]
                            : base + String.format(Locale.ROOT, "/queue?ra=%.3f&dec=%.3f&radius=2", centres[2 * (i % requests)] * 360,
                                    centres[2 * (i % requests) + 1] * 120 - 30);
                    Latencies x = measure(http, one, Math.max(50, requests / 10), clients);
                    out.printf(Locale.ROOT, "             %-95s p99 %7.2f ms  server %7.2f ms%n",
                            which < FILTERS.length ? FILTERS[which] : "ra=..&dec=..&radius=2 (random cone)", pct(x.client(), 99), pct(x.server(), 99));
                }
                Latencies sorted = measure(http, i -> base + "/queue?sort=probability&dir=desc", Math.max(20, requests / 50), clients);
                out.printf(Locale.ROOT, "not in the mix: every object sorted by probability (index objects_cur_p_max, migration V8): p50 %.0f ms  p99 %.0f ms "
                        + "(server p99 %.0f ms)%n", pct(sorted.client(), 50), pct(sorted.client(), 99), pct(sorted.server(), 99));
            } finally {
                server.stop();
            }
        } finally {
            IngestBenchmark.deleteTree(work);
        }
    }

    /** Gives each synthetic object the probabilities of a real object drawn at random (seeded). */
    private static void resamplePredictions(Database db, List<String> real, String version) throws Exception {
        PredictionStore store = new PredictionStore(db);
        List<Prediction> realPredictions = new ArrayList<>();
        for (String id : real) {
            List<Prediction> p = store.of(id);
            if (!p.isEmpty()) {
                realPredictions.add(p.get(0));
            }
        }
        Random random = new Random(11);
        List<Prediction> synthetic = new ArrayList<>();
        for (String id : store.objectIds()) {
            if (id.startsWith("synthetic")) {
                Prediction p = realPredictions.get(random.nextInt(realPredictions.size()));
                synthetic.add(new Prediction(id, version, p.pSnIa(), p.pSnII(), p.pOther()));
            }
        }
        store.write(version, null, null, synthetic);
    }

    /** 3,000 web labels by one labeller, as after a first labelling campaign. */
    private static void label(Database db, List<String> ids) throws Exception {
        User u = new UserStore(db).create("bench-labeller", Role.LABELLER, "bench-password");
        Random random = new Random(3);
        String[] classes = {"SN_IA", "SN_II", "OTHER"};
        List<LabelRequest> batch = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            batch.add(new LabelRequest(ids.get(random.nextInt(ids.size())), classes[random.nextInt(3)], 0.8, null));
        }
        new LabelService(db).submit(u, LabelSource.WEB, batch);
    }

    /** @return the latency of each request in ms, sorted */
    /** What the clients saw (milliseconds, sorted) and what the server said it spent (its Server-Timing header, sorted). */
    private record Latencies(double[] client, double[] server) {
    }

    private static Latencies measure(HttpClient http, IntFunction<String> url, int requests, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<double[][]>> parts = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                final int client = c;
                parts.add(pool.submit(() -> {
                    int n = requests / clients + (client < requests % clients ? 1 : 0);
                    double[][] ms = new double[2][n];
                    for (int k = 0; k < n; k++) {
                        int i = k * clients + client;
                        HttpRequest r = HttpRequest.newBuilder(URI.create(url.apply(i))).build();
                        long t = System.nanoTime();
                        HttpResponse<byte[]> answer = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
                        ms[0][k] = (System.nanoTime() - t) / 1e6;
                        if (answer.statusCode() != 200) {
                            throw new IllegalStateException(r.uri() + " answered " + answer.statusCode());
                        }
                        ms[1][k] = serverMillis(answer);
                    }
                    return ms;
                }));
            }
            List<Double> client = new ArrayList<>();
            List<Double> server = new ArrayList<>();
            for (Future<double[][]> f : parts) {
                double[][] ms = f.get();
                for (int k = 0; k < ms[0].length; k++) {
                    client.add(ms[0][k]);
                    server.add(ms[1][k]);
                }
            }
            return new Latencies(sorted(client), sorted(server));
        } finally {
            pool.shutdown();
        }
    }

    private static double[] sorted(List<Double> values) {
        double[] out = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(out);
        return out;
    }

    /** @return the server's own time for the answer, from its Server-Timing header */
    private static double serverMillis(HttpResponse<?> answer) {
        return ServerTiming.appMillis(answer.headers().firstValue(ServerTiming.HEADER)
                .orElseThrow(() -> new IllegalStateException("no " + ServerTiming.HEADER + " header")));
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
