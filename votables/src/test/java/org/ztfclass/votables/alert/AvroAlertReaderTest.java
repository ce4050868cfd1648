package org.ztfclass.votables.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ztfclass.votables.SampleData;
import org.ztfclass.votables.domain.Alert;
import org.ztfclass.votables.domain.CutoutKind;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.input.ReadResult;

class AvroAlertReaderTest {

    private final AvroAlertReader reader = new AvroAlertReader();

    private ReadResult<Alert> read(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            return reader.read(in, f.toString());
        }
    }

    @Test
    void everyShippedPacketReadsWithThreeCutouts() throws IOException {
        List<Path> files = SampleData.files("alerts", ".avro");
        assertEquals(66 + 35, files.size(), "the sample ships 66 + 35 real packets");
        Set<String> versions = new HashSet<>();
        Set<String> objects = new HashSet<>();
        for (Path f : files) {
            ReadResult<Alert> r = read(f);
            assertTrue(r.problems().isEmpty(), () -> f + ": " + r.problems());
            assertEquals(1, r.records().size(), f.toString());
            Alert a = r.records().get(0);
            versions.add(a.schemaVersion());
            objects.add(a.objectId());
            assertTrue(a.objectId().matches("ZTF\\d{2}[a-z]{7}"), a.objectId());
            assertEquals(3, a.cutouts().size(), f + " cutouts");
            assertEquals(Set.of(CutoutKind.values()), Set.copyOf(a.cutouts().stream().map(c -> c.kind()).toList()));
            assertTrue(a.candidate().jd() > 2458000 && a.candidate().jd() < 2461000, "jd " + a.candidate().jd());
            assertTrue(a.candidate().magpsf() > 10 && a.candidate().magpsf() < 25);
        }
        assertTrue(versions.size() >= 5, "many schema versions: " + versions);
        assertTrue(objects.size() >= 90, "objects: " + objects.size());
    }

    @Test
    void historyKeepsUpperLimitsAsSuch() throws IOException {
        int limits = 0;
        int detections = 0;
        for (Path f : SampleData.files("alerts/kowalski", ".avro")) {
            for (Alert a : read(f).records()) {
                for (Detection d : a.history()) {
                    if (d.isUpperLimit()) {
                        limits++;
                        assertTrue(d.diffmaglim() != null && d.diffmaglim() > 15, "an upper limit carries its limit");
                        assertEquals(null, d.candid());
                    } else {
                        detections++;
                    }
                }
            }
        }
        assertTrue(limits > 0, "kowalski packets hold non-detections");
        assertTrue(detections > 0);
    }

    @Test
    void prereleasePacketsAreRejectedAsWrongSchema() throws IOException {
        List<Path> files = SampleData.files("bad-input/legacy-prerelease", ".avro");
        assertEquals(6, files.size());
        for (Path f : files) {
            ReadResult<Alert> r = read(f);
            assertTrue(r.records().isEmpty());
            assertEquals(1, r.problems().size());
            String msg = r.problems().get(0).toString();
            assertTrue(msg.contains(f.toString()) && msg.contains("wrong schema") && msg.contains("objectId"), msg);
        }
    }

    @Test
    void notAvroIsRejectedWithReason() throws IOException {
        ReadResult<Alert> r = reader.read(new ByteArrayInputStream("time,mag\n1,2\n".getBytes()), "x.avro");
        assertTrue(r.records().isEmpty());
        assertTrue(r.problems().get(0).reason().contains("not an Avro"), r.problems().toString());
    }

    @Test
    void truncatedFileKeepsNothingHalfAndSaysWhere() throws IOException {
        Path f = SampleData.files("alerts/kowalski/20231012", ".avro").get(0);
        byte[] all = Files.readAllBytes(f);
        byte[] cut = java.util.Arrays.copyOf(all, all.length / 2);
        ReadResult<Alert> r = reader.read(new ByteArrayInputStream(cut), "cut.avro");
        assertTrue(r.records().isEmpty());
        assertEquals(1, r.problems().size());
        assertTrue(r.problems().get(0).reason().contains("truncated"), r.problems().toString());
    }

    @Test
    void manyPacketsInOneFileAndATruncatedTailKeepTheGoodOnes() throws IOException {
        List<Path> files = SampleData.files("alerts/kowalski/20231012", ".avro");
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        org.apache.avro.Schema schema;
        try (InputStream in = Files.newInputStream(files.get(0));
             org.apache.avro.file.DataFileStream<org.apache.avro.generic.GenericRecord> s =
                     new org.apache.avro.file.DataFileStream<>(in, new org.apache.avro.generic.GenericDatumReader<>())) {
            schema = s.getSchema();
        }
        try (org.apache.avro.file.DataFileWriter<org.apache.avro.generic.GenericRecord> w =
                     new org.apache.avro.file.DataFileWriter<>(new org.apache.avro.generic.GenericDatumWriter<>(schema))) {
            w.setSyncInterval(64);
            w.create(schema, joined);
            for (Path f : files.subList(0, 5)) {
                try (InputStream in = Files.newInputStream(f);
                     org.apache.avro.file.DataFileStream<org.apache.avro.generic.GenericRecord> s =
                             new org.apache.avro.file.DataFileStream<>(in, new org.apache.avro.generic.GenericDatumReader<>())) {
                    w.append(s.next());
                    w.flush();
                }
            }
        }
        byte[] bytes = joined.toByteArray();
        ReadResult<Alert> whole = reader.read(new ByteArrayInputStream(bytes), "five.avro");
        assertEquals(5, whole.records().size());
        assertTrue(whole.problems().isEmpty());
        ReadResult<Alert> cut = reader.read(new ByteArrayInputStream(java.util.Arrays.copyOf(bytes, bytes.length - 2000)), "cut.avro");
        assertEquals(4, cut.records().size(), "the four complete packets survive");
        assertEquals(1, cut.problems().size());
        assertTrue(cut.problems().get(0).location().equals("packet 5"), cut.problems().toString());
    }

    @Test
    void corruptCutoutIsReportedAndPhotometryKept() throws IOException {
        Path f = SampleData.files("alerts/kowalski/20200202", ".avro").get(0);
        org.apache.avro.generic.GenericRecord packet;
        org.apache.avro.Schema schema;
        try (InputStream in = Files.newInputStream(f);
             org.apache.avro.file.DataFileStream<org.apache.avro.generic.GenericRecord> s =
                     new org.apache.avro.file.DataFileStream<>(in, new org.apache.avro.generic.GenericDatumReader<>())) {
            schema = s.getSchema();
            packet = s.next();
        }
        org.apache.avro.generic.GenericRecord cutout = (org.apache.avro.generic.GenericRecord) packet.get("cutoutDifference");
        java.nio.ByteBuffer data = (java.nio.ByteBuffer) cutout.get("stampData");
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        byte[] broken = java.util.Arrays.copyOf(bytes, 40);
        cutout.put("stampData", java.nio.ByteBuffer.wrap(broken));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (org.apache.avro.file.DataFileWriter<org.apache.avro.generic.GenericRecord> w =
                     new org.apache.avro.file.DataFileWriter<>(new org.apache.avro.generic.GenericDatumWriter<>(schema))) {
            w.create(schema, out);
            w.append(packet);
        }
        ReadResult<Alert> r = reader.read(new ByteArrayInputStream(out.toByteArray()), "broken-cutout.avro");
        assertEquals(1, r.records().size(), "the alert itself is kept");
        assertEquals(2, r.records().get(0).cutouts().size());
        assertFalse(r.records().get(0).cutouts().stream().anyMatch(c -> c.kind() == CutoutKind.DIFFERENCE));
        assertEquals(1, r.problems().size());
        String msg = r.problems().get(0).toString();
        assertTrue(msg.contains("cutoutDifference") && msg.contains("gzip"), msg);
    }
}
