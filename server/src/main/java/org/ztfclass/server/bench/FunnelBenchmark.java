package org.ztfclass.server.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ztfclass.server.funnel.FunnelConfig;
import org.ztfclass.server.funnel.FunnelReport;
import org.ztfclass.server.funnel.FunnelRunner;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.FunnelStore;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.server.store.SyntheticObjects;

/**
 * The funnel over a large store (the shipped sample plus synthetic objects resampled from it),
 * next to the time of a plain read of the same rows (the floor), in the same run; then a second
 * run with a changed threshold, which also compares itself with the first. Heap in use is
 * printed after each, to show the run streams.
 */
public final class FunnelBenchmark {

    private FunnelBenchmark() {
    }

    public static void run(Path sample, long objects, PrintStream out) throws Exception {
        Path work = Files.createTempDirectory("ztfclass-bench-funnel");
        try {
            Database db = Database.open(work.resolve("funnel.db"));
            new IngestService(new StoreWriter(db)).ingest(List.of(sample.resolve("catalogues"), sample.resolve("alerce-30sne"),
                    sample.resolve("lightcurves-snia"), sample.resolve("antares-bts"), sample.resolve("alerts")), IngestProgress.SILENT);
            FunnelStore store = new FunnelStore(db);
            long real = store.forEachFacts(f -> { });
            long t0 = System.nanoTime();
            new SyntheticObjects(db).generate(Math.max(0, objects - real), 20261125L, n -> { });
            out.printf("bench funnel: %,d objects (%,d real from the sample, the rest synthetic), generated in %.1f s%n",
                    objects, real, IngestBenchmark.seconds(t0));

            long t1 = System.nanoTime();
            long[] sink = new long[1];
            long read = store.forEachFacts(f -> sink[0] += f.nDetections());
            double floor = IngestBenchmark.seconds(t1);
            out.printf("reference  plain read of the same rows from the store: %,d rows in %6.2f s%n", read, floor);

            FunnelRunner runner = new FunnelRunner(store);
            long t2 = System.nanoTime();
            FunnelReport first = runner.run(FunnelConfig.defaults());
            double firstSeconds = IngestBenchmark.seconds(t2);
            out.printf("ztfclass   funnel, 8 stages, every drop recorded:   %,d objects in %6.2f s  (%.1f x the read; %,d out; heap in use %d MB)%n",
                    first.run().in(), firstSeconds, firstSeconds / floor, first.run().out(), heapMb());

            long t3 = System.nanoTime();
            FunnelReport second = runner.run(FunnelConfig.parse("faint.max_peak_mag = 18.5\n", Path.of("."), "bench"));
            double secondSeconds = IngestBenchmark.seconds(t3);
            out.printf("ztfclass   re-run with faint.max_peak_mag = 18.5, compared with the first: %6.2f s (%,d newly dropped, "
                            + "%,d newly passed; heap in use %d MB)%n", secondSeconds, second.difference().newlyDropped(),
                    second.difference().newlyPassed(), heapMb());
        } finally {
            IngestBenchmark.deleteTree(work);
        }
    }

    private static long heapMb() {
        Runtime r = Runtime.getRuntime();
        System.gc();
        return (r.totalMemory() - r.freeMemory()) / (1024 * 1024);
    }
}
