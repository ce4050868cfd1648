package org.ztfclass.votables.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.file.SeekableByteArrayInput;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.ztfclass.votables.SampleData;

/** The schema-caching fast path gives exactly Avro's own records, and declines what it does not read. */
class CachedSchemaContainerTest {

    @Test
    void everyShippedPacketReadsAsAvroReadsIt() throws Exception {
        for (Path f : SampleData.files("alerts", ".avro")) {
            byte[] bytes = Files.readAllBytes(f);
            CachedSchemaContainer.Packets fast = CachedSchemaContainer.read(bytes);
            List<GenericRecord> expected = avro(bytes);
            if (fast == null) {
                continue; // e.g. a compressed copy: read the usual way
            }
            assertEquals(expected, fast.records(), f.toString());
            assertEquals(expected.get(0).getSchema(), fast.entry().schema(), f.toString());
            assertEquals(fast.entry(), CachedSchemaContainer.read(bytes).entry(), "the schema is parsed once");
        }
        long fastOnes = SampleData.files("alerts", ".avro").stream().filter(f -> {
            try {
                return CachedSchemaContainer.read(Files.readAllBytes(f)) != null;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).count();
        assertEquals(true, fastOnes > 50, "most shipped packets take the fast path: " + fastOnes);
    }

    @Test
    void truncatedCompressedOrEmptyFilesAreLeftToAvro() throws Exception {
        Path f = SampleData.files("alerts", ".avro").get(0);
        byte[] bytes = Files.readAllBytes(f);
        assertNotNull(CachedSchemaContainer.read(bytes));
        for (int cut : new int[] {3, 10, bytes.length / 2, bytes.length - 1}) {
            assertNull(CachedSchemaContainer.read(Arrays.copyOf(bytes, cut)), "cut at " + cut);
        }
        byte[] flipped = bytes.clone();
        flipped[bytes.length - 3] ^= 0x55; // the closing sync marker
        assertNull(CachedSchemaContainer.read(flipped));
        List<GenericRecord> packets = avro(bytes);
        Schema schema = packets.get(0).getSchema();
        assertNull(CachedSchemaContainer.read(write(schema, packets, CodecFactory.deflateCodec(1))));
        assertNull(CachedSchemaContainer.read(write(schema, List.of(), CodecFactory.nullCodec())));
        List<GenericRecord> three = List.of(packets.get(0), packets.get(0), packets.get(0));
        assertEquals(three, CachedSchemaContainer.read(write(schema, three, CodecFactory.nullCodec())).records());
    }

    private static List<GenericRecord> avro(byte[] bytes) throws Exception {
        List<GenericRecord> out = new ArrayList<>();
        try (DataFileReader<GenericRecord> r = new DataFileReader<>(new SeekableByteArrayInput(bytes), new GenericDatumReader<>())) {
            r.forEach(out::add);
        }
        return out;
    }

    private static byte[] write(Schema schema, List<GenericRecord> packets, CodecFactory codec) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
            w.setCodec(codec);
            w.create(schema, out);
            for (GenericRecord p : packets) {
                w.append(p);
            }
        }
        return out.toByteArray();
    }
}
