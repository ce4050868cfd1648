package org.ztfclass.server.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ztfclass.server.crossmatch.CrossmatchRow;
import org.ztfclass.server.crossmatch.CrossmatchSummary;
import org.ztfclass.server.store.CachedCrossmatch;
import org.ztfclass.server.store.CrossmatchCache;
import org.ztfclass.server.store.Database;
import org.ztfclass.votables.crossmatch.CatalogueAnswerReader;
import org.ztfclass.votables.crossmatch.CatalogueDefinition;
import org.ztfclass.votables.crossmatch.Catalogues;
import org.ztfclass.votables.crossmatch.CrossmatchSource;

/**
 * Cross-match lookups served from the cache, objects per second, next to a plain read of the same
 * rows measured in the same run. The store gets N synthetic objects ({@code synthetic_xm*}), each
 * with a cached Gaia DR3 answer (the recorded real answer of the sample, 2 sources × 3
 * magnitudes) and an NVSS answer of one constructed source, stale for every other object (a
 * failed refresh). Measured: (1) per object, what
 * {@code /api/objects/{id}/crossmatches} does: {@link CrossmatchCache#read(String)} plus the table
 * rows; (2) all objects in one batch as the SAMP match does ({@code read(ids)} plus the summary);
 * references: {@code SELECT * FROM crossmatch_rows WHERE object_id = ?} per object on one
 * connection, every column read, and the same with a new connection per object (what each HTTP
 * request pays).
 */
public final class CrossmatchBenchmark {

    private CrossmatchBenchmark() {
    }

    public static void run(Path sample, int objects, int rounds, PrintStream out) throws Exception {
        Path work = Files.createTempDirectory("ztfclass-bench-crossmatch");
        try {
            Database db = Database.open(work.resolve("bench.db"));
            CatalogueDefinition gaia = Catalogues.byKey("gaia_dr3");
            byte[] recorded = Files.readAllBytes(sample.resolve("test-only/crossmatch/gaia-dr3-archive-tap.vot"));
            List<CrossmatchSource> sources = CatalogueAnswerReader.read(recorded, "recorded Gaia DR3 answer", gaia, 0, 0).records();
            // one radio source per object so the SAMP summary has something to find (constructed, not a recording)
            List<CrossmatchSource> nvss = List.of(new CrossmatchSource("nvss", "bench_nvss", 3.0, null, null, List.of(
                    new org.ztfclass.votables.crossmatch.CrossmatchMeasurement("S1.4GHz", "L", 1.4, null, null, null, 2500.0, 400.0))));
            List<String> ids = new ArrayList<>();
            String now = Instant.now().toString();
            try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO objects (object_id, ra, dec, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                c.setAutoCommit(false);
                for (int i = 0; i < objects; i++) {
                    String id = String.format("synthetic_xm%07d", i);
                    ids.add(id);
                    ps.setString(1, id);
                    ps.setDouble(2, (i * 0.0361) % 360);
                    ps.setDouble(3, -80 + (i * 0.0161) % 160);
                    ps.setString(4, now);
                    ps.setString(5, now);
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            }
            CrossmatchCache cache = new CrossmatchCache(db);
            long t0 = System.nanoTime();
            Instant fetched = Instant.now();
            List<CrossmatchCache.Answer> answers = new ArrayList<>();
            for (String id : ids) {
                answers.add(new CrossmatchCache.Answer(new CrossmatchCache.Key(id, "gaia_dr3", 5.0, gaia.version()), "recorded", "recorded",
                        fetched, sources, 0));
                answers.add(new CrossmatchCache.Answer(new CrossmatchCache.Key(id, "nvss", 5.0, Catalogues.byKey("nvss").version()),
                        "recorded (constructed NVSS-shaped answer)", "constructed", fetched, nvss, 0));
            }
            cache.storeAnswers(answers);
            for (int i = 0; i < ids.size(); i += 2) {
                cache.storeFailure(new CrossmatchCache.Key(ids.get(i), "nvss", 5.0, Catalogues.byKey("nvss").version()), "CDS VizieR",
                        fetched, "bench: service down");
            }
            out.printf("bench crossmatch: %,d synthetic objects, each with a cached Gaia DR3 answer (%d sources, recorded) and an NVSS "
                    + "answer (1 constructed source, half of them stale); cache filled in %.1f s%n", objects, sources.size(), IngestBenchmark.seconds(t0));
            double bestApi = 0;
            double bestBatch = 0;
            double bestPlain = 0;
            double bestPlainPerConnection = 0;
            for (int r = 1; r <= rounds; r++) {
                long a = System.nanoTime();
                long rows = 0;
                Instant at = Instant.now();
                for (String id : ids) {
                    rows += CrossmatchRow.of(cache.read(id), at).size();
                }
                double api = objects / IngestBenchmark.seconds(a);

                long b = System.nanoTime();
                Map<String, List<CachedCrossmatch>> all = cache.read(ids);
                int withRadioOrHost = 0;
                for (String id : ids) {
                    CrossmatchSummary s = CrossmatchSummary.of(all.getOrDefault(id, List.of()));
                    withRadioOrHost += s.radio() != null ? 1 : 0;
                }
                double batch = objects / IngestBenchmark.seconds(b);

                long p = System.nanoTime();
                long plainRows = 0;
                try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT * FROM crossmatch_rows WHERE object_id = ?")) {
                    for (String id : ids) {
                        ps.setString(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            int n = rs.getMetaData().getColumnCount();
                            while (rs.next()) {
                                for (int k = 1; k <= n; k++) {
                                    rs.getObject(k);
                                }
                                plainRows++;
                            }
                        }
                    }
                }
                double plain = objects / IngestBenchmark.seconds(p);

                long q = System.nanoTime();
                for (String id : ids) {
                    plainRows -= cache.countRows(id); // a new connection per object, as each HTTP request takes
                }
                double plainPerConnection = objects / IngestBenchmark.seconds(q);
                out.printf("round %d: per-object lookup (API) %,.0f objects/s (%,d rows); batch lookup (SAMP match) %,.0f objects/s (%d "
                        + "with a radio source); plain read of the same rows %,.0f objects/s on one connection, %,.0f objects/s with a connection per object%n", r, api, rows,
                        batch, withRadioOrHost, plain, plainPerConnection);
                bestPlainPerConnection = Math.max(bestPlainPerConnection, plainPerConnection);
                bestApi = Math.max(bestApi, api);
                bestBatch = Math.max(bestBatch, batch);
                bestPlain = Math.max(bestPlain, plain);
            }
            out.printf("best of %d: cached lookup per object %,.0f objects/s vs plain read with a connection per object %,.0f (%.2f x); "
                    + "batch lookup %,.0f objects/s vs plain read on one connection %,.0f (%.2f x)%n", rounds, bestApi, bestPlainPerConnection,
                    bestApi / bestPlainPerConnection, bestBatch, bestPlain, bestBatch / bestPlain);
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
