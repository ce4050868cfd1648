package org.ztfclass.server.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * Kafka messages made from the shipped real packets, in memory, as many as asked: message {@code i}
 * is real packet {@code i mod R} (R real packets) written as a one-packet Avro container (as ZTF
 * sends them), with {@code objectId} suffixed {@code _synthetic<i div R>} and {@code candid}
 * {@link #candid(long) candid(i)}, so every message is a new alert of a new-or-repeated synthetic
 * object and none is deduplicated against another. The real photometry, history and cutouts are
 * kept. Deterministic: message i is the same bytes every time. Not thread-safe (one instance per
 * thread).
 */
public final class SyntheticPackets {

    /** candid of message 0; far above real ZTF candids (~10^18) and apart from {@link SyntheticAlerts}' base. */
    public static final long CANDID_BASE = 8_100_000_000_000_000_000L;

    /** One message: its key (the objectId, as ZTF keys them) and its value. */
    public record Message(String objectId, long candid, byte[] value) {
    }

    private final List<Schema> schemas;
    private final List<GenericRecord> packets;
    private final List<String> objectIds;

    private SyntheticPackets(List<Schema> schemas, List<GenericRecord> packets) {
        this.schemas = schemas;
        this.packets = packets;
        this.objectIds = packets.stream().map(p -> p.get("objectId").toString()).toList();
    }

    /**
     * Reads every packet with an {@code objectId} from the {@code .avro} files under {@code realRoot}.
     *
     * @throws IOException if there is none, or a file cannot be read
     */
    public static SyntheticPackets load(Path realRoot) throws IOException {
        List<Path> real;
        try (Stream<Path> s = Files.walk(realRoot)) {
            real = s.filter(f -> f.toString().endsWith(".avro")).sorted().toList();
        }
        List<Schema> schemas = new ArrayList<>();
        List<GenericRecord> packets = new ArrayList<>();
        for (Path f : real) {
            try (InputStream in = Files.newInputStream(f);
                 DataFileStream<GenericRecord> s = new DataFileStream<>(in, new GenericDatumReader<>())) {
                if (s.getSchema().getField("objectId") == null || s.getSchema().getField("candid") == null) {
                    continue;
                }
                while (s.hasNext()) {
                    schemas.add(s.getSchema());
                    packets.add(s.next());
                }
            }
        }
        if (packets.isEmpty()) {
            throw new IOException("no .avro alert packet with an objectId under " + realRoot);
        }
        return new SyntheticPackets(schemas, packets);
    }

    /** @return how many real packets the messages cycle through */
    public int realPackets() {
        return packets.size();
    }

    /** @return the candid of message {@code i} */
    public static long candid(long i) {
        return CANDID_BASE + i;
    }

    /** @return the objectId of message {@code i} */
    public String objectId(long i) {
        return objectIds.get((int) (i % packets.size())) + "_synthetic" + (i / packets.size());
    }

    /** @return message {@code i} */
    public Message message(long i) {
        int r = (int) (i % packets.size());
        GenericRecord p = packets.get(r);
        Object realId = p.get("objectId");
        Object realCandid = p.get("candid");
        String id = objectId(i);
        p.put("objectId", id);
        p.put("candid", candid(i));
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(96 * 1024);
            try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<>(schemas.get(r)))) {
                // the container's sync marker from i (Avro picks a random one), so message i is the same bytes every time
                w.create(schemas.get(r), buffer, java.nio.ByteBuffer.allocate(16).putLong(0x7a7466636c617373L).putLong(i).array());
                w.append(p);
            }
            return new Message(id, candid(i), buffer.toByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write synthetic packet " + i, e);
        } finally {
            p.put("objectId", realId);
            p.put("candid", realCandid);
        }
    }
}
