package org.ztfclass.server.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestReport;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreWriter;
import org.ztfclass.votables.alert.AvroAlertReader;

/**
 * Alerts per second ingested into SQLite, next to the rate at which the same files are only
 * decoded (Avro + cutout check, no store): the reference floor measured in the same run.
 */
public final class IngestBenchmark {

    private IngestBenchmark() {
    }

    /**
     * @param realAlerts folder of real packets to copy
     * @param count      synthetic packets to ingest
     * @param rounds     times each measurement is repeated (best is reported)
     */
    public static void run(Path realAlerts, int count, int rounds, PrintStream out) throws Exception {
        Path work = Files.createTempDirectory("ztfclass-bench-ingest");
        try {
            List<Path> files = SyntheticAlerts.write(realAlerts, work.resolve("alerts"), count);
            out.printf("bench ingest: %d alert packets, synthetic copies of the real packets in %s%n", files.size(), realAlerts);
            double bestDecode = 0;
            double bestIngest = 0;
            for (int r = 1; r <= rounds; r++) {
                long t0 = System.nanoTime();
                int decoded = 0;
                AvroAlertReader reader = new AvroAlertReader();
                for (Path f : files) {
                    try (InputStream in = Files.newInputStream(f)) {
                        decoded += reader.read(in, f.toString()).records().size();
                    }
                }
                double decodeRate = decoded / seconds(t0);
                Database db = Database.open(work.resolve("round" + r + ".db"));
                long t1 = System.nanoTime();
                IngestReport report = new IngestService(new StoreWriter(db)).ingest(List.of(work.resolve("alerts")), IngestProgress.SILENT);
                double ingestRate = report.added().alerts() / seconds(t1);
                out.printf("  round %d: decode only %,.0f alerts/s; ingest into SQLite %,.0f alerts/s (%d alerts, %d detections stored)%n",
                        r, decodeRate, ingestRate, report.added().alerts(), report.added().detections());
                bestDecode = Math.max(bestDecode, decodeRate);
                bestIngest = Math.max(bestIngest, ingestRate);
            }
            out.printf("reference  decode only (Avro + FITS cutout check, no store): %,10.0f alerts/s%n", bestDecode);
            out.printf("ztfclass   ingest into SQLite (WAL, batched transactions):    %,10.0f alerts/s  = %.2f x the decode-only rate%n",
                    bestIngest, bestIngest / bestDecode);
        } finally {
            deleteTree(work);
        }
    }

    static double seconds(long startNanos) {
        return Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    }

    static void deleteTree(Path root) throws IOException {
        try (var s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
