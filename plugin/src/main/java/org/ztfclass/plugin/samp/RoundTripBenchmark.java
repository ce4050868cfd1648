package org.ztfclass.plugin.samp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ztfclass.plugin.server.ServerClient;
import org.ztfclass.votables.table.VotableReader;
import org.ztfclass.votables.table.VotableWriter;
import uk.ac.starlink.table.StarTable;

/**
 * {@code install/ztfclass bench samp [--server URL] [--rows N]}: the work the SAMP bridge does
 * for a table from TOPCAT (read the table file, ask the server to match it, write the answer
 * file), in rows/s, for an N-row table of the server's own objects; next to the floor measured
 * in the same run: reading and writing the same table locally with STIL.
 */
public final class RoundTripBenchmark {

    private RoundTripBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String server = "http://localhost:7070";
        int rows = 10_000;
        int rounds = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> server = args[++i];
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--server URL, --rows N, --rounds N)");
            }
        }
        HttpResponse<byte[]> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.replaceAll("/+$", "") + "/api/objects?format=votable&limit=" + rows)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        StarTable served = VotableReader.read(new ByteArrayInputStream(list.body()), "objects");
        // a store smaller than the table asked for is cycled through: rows repeat, which the server matches again
        uk.ac.starlink.table.RowListStarTable objects = new uk.ac.starlink.table.RowListStarTable(served);
        objects.getParameters().clear();
        for (long i = 0; i < rows; i++) {
            objects.addRow(served.getRow(i % served.getRowCount()));
        }
        Path work = Files.createTempDirectory("ztfclass-bench-samp");
        Path table = work.resolve("from-topcat.vot");
        try (var out = Files.newOutputStream(table)) {
            VotableWriter.write(objects, out);
        }
        long n = objects.getRowCount();
        System.out.printf("bench samp: a %,d-row table of %s's %,d objects (cycled to fill it), as TOPCAT would send it%n", n,
                server, served.getRowCount());
        ServerClient client = new ServerClient(URI.create(server), System.getenv("ZTFCLASS_TOKEN"));
        double bestFloor = 0;
        double bestTrip = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            StarTable local;
            try (InputStream in = Files.newInputStream(table)) {
                local = VotableReader.read(in, "local");
            }
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            VotableWriter.write(local, copy);
            Files.write(work.resolve("copy.vot"), copy.toByteArray());
            bestFloor = Math.max(bestFloor, n / seconds(t0));
            long t1 = System.nanoTime();
            byte[] answer = client.match(Files.readAllBytes(table), 1.5);
            Files.write(work.resolve("answer.vot"), answer);
            bestTrip = Math.max(bestTrip, n / seconds(t1));
        }
        System.out.printf("reference  read + write the same table locally with STIL:  %,10.0f rows/s%n", bestFloor);
        System.out.printf("ztfclass   bridge round trip (read, server match, write):  %,10.0f rows/s = %.2f x the local copy%n",
                bestTrip, bestTrip / bestFloor);
        try (var s = Files.list(work)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(work);
    }

    private static double seconds(long t0) {
        return Math.max(1e-9, (System.nanoTime() - t0) / 1e9);
    }
}
