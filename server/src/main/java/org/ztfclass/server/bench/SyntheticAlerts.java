package org.ztfclass.server.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * Makes synthetic alert files for benchmarks by copying real packets: each copy keeps the real
 * photometry and cutouts, with {@code objectId} suffixed {@code _synthetic<k>} and a new
 * {@code candid} (8e18 + counter) so that it is stored as a new object. Names say "synthetic".
 */
public final class SyntheticAlerts {

    private static final long CANDID_BASE = 8_000_000_000_000_000_000L;

    private SyntheticAlerts() {
    }

    /**
     * Writes {@code count} one-packet files into {@code out}, cycling through the real packets found under {@code realRoot}.
     *
     * @return the files written
     */
    public static List<Path> write(Path realRoot, Path out, int count) throws IOException {
        List<Path> real;
        try (Stream<Path> s = Files.walk(realRoot)) {
            real = s.filter(f -> f.toString().endsWith(".avro")).sorted().toList();
        }
        if (real.isEmpty()) {
            throw new IOException("no .avro packets under " + realRoot);
        }
        List<Schema> schemas = new ArrayList<>();
        List<GenericRecord> packets = new ArrayList<>();
        for (Path f : real) {
            try (InputStream in = Files.newInputStream(f);
                 DataFileStream<GenericRecord> s = new DataFileStream<>(in, new GenericDatumReader<>())) {
                if (s.getSchema().getField("objectId") == null) {
                    continue;
                }
                while (s.hasNext()) {
                    schemas.add(s.getSchema());
                    packets.add(s.next());
                }
            }
        }
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int k = i / packets.size();
            GenericRecord p = packets.get(i % packets.size());
            GenericRecord copy = new org.apache.avro.generic.GenericData.Record((org.apache.avro.generic.GenericData.Record) p, true);
            copy.put("objectId", p.get("objectId") + "_synthetic" + k);
            copy.put("candid", CANDID_BASE + i);
            Path file = out.resolve(String.format("synthetic_%06d.avro", i));
            try (OutputStream os = Files.newOutputStream(file);
                 DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<>(schemas.get(i % packets.size())))) {
                w.create(schemas.get(i % packets.size()), os);
                w.append(copy);
            }
            written.add(file);
        }
        return written;
    }
}
