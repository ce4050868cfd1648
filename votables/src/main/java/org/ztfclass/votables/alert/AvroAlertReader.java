package org.ztfclass.votables.alert;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.SeekableByteArrayInput;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.ztfclass.votables.domain.Alert;
import org.ztfclass.votables.domain.Band;
import org.ztfclass.votables.domain.CandidateContext;
import org.ztfclass.votables.domain.Cutout;
import org.ztfclass.votables.domain.CutoutKind;
import org.ztfclass.votables.domain.Detection;
import org.ztfclass.votables.fits.CutoutImage;
import org.ztfclass.votables.input.BadInputException;
import org.ztfclass.votables.input.ReadResult;

/**
 * Reads ZTF alert packets from Avro object-container files, one or many packets a file, any
 * schema version that carries the fields named by {@link OfficialAlertSchema#missingFields}
 * (ZTF 2.0 to 4.02, and Spark-written copies whose fields are all nullable). Each packet is
 * read with its own embedded writer schema and its fields resolved by name.
 *
 * <p>Rejected with a problem naming the file and packet: a file that is not Avro; a schema that
 * lacks required fields (e.g. the pre-release packets without {@code objectId}); a packet with a
 * missing or non-numeric required value; data truncated after some packets (the packets before
 * are kept). A cutout that is not valid gzipped FITS is reported and left out; the alert's
 * photometry is kept.
 *
 * <p>Well-formed uncompressed files whose schema text was seen before (a stream of one-packet
 * messages) are read through {@link CachedSchemaContainer}, which parses each schema once; any other
 * file, and any file that path cannot read, goes through Avro's {@code DataFileReader}.
 */
public final class AvroAlertReader implements AlertReader {

    private static final byte[] AVRO_MAGIC = {'O', 'b', 'j', 1};

    @Override
    public ReadResult<Alert> read(InputStream in, String source) throws IOException {
        ReadResult<Alert> result = new ReadResult<>(source);
        byte[] bytes = in.readAllBytes();
        if (bytes.length < 4 || !java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, 4), AVRO_MAGIC)) {
            result.reject("file", bytes.length == 0 ? "empty file, expected an Avro alert packet"
                    : "not an Avro object-container file (it does not start with the bytes 'Obj' 1)");
            return result;
        }
        CachedSchemaContainer.Packets fast = CachedSchemaContainer.read(bytes);
        if (fast != null) {
            if (!fast.entry().missingFields().isEmpty()) {
                result.reject("schema", wrongSchema(fast.entry().schema(), fast.entry().missingFields()));
                return result;
            }
            int index = 0;
            for (GenericRecord packet : fast.records()) {
                index++;
                accept(packet, source, "packet " + index, result);
            }
            return result;
        }
        DataFileReader<GenericRecord> stream;
        try {
            stream = new DataFileReader<>(new SeekableByteArrayInput(bytes), new GenericDatumReader<>());
        } catch (IOException | AvroRuntimeException e) {
            result.reject("header", "unreadable Avro header (truncated or corrupt file): " + rootMessage(e));
            return result;
        }
        Schema writer = stream.getSchema();
        List<String> missing = OfficialAlertSchema.missingFields(writer);
        if (!missing.isEmpty()) {
            result.reject("schema", wrongSchema(writer, missing));
            return result;
        }
        int index = 0;
        try {
            while (stream.hasNext()) {
                index++;
                accept(stream.next(), source, "packet " + index, result);
            }
            // DataFileReader reports a block cut short by end-of-file as a clean end: check the structure.
            ContainerIntegrity.Report integrity = ContainerIntegrity.check(bytes);
            if (integrity.problem() != null) {
                result.reject("packet " + (index + 1), "truncated or corrupt Avro data after " + index
                        + " good packet(s): " + integrity.problem());
            }
        } catch (AvroRuntimeException e) {
            result.reject("packet " + index, "truncated or corrupt Avro data after " + (index - 1)
                    + " good packet(s): " + rootMessage(e));
        }
        stream.close();
        return result;
    }

    private static String wrongSchema(Schema writer, List<String> missing) {
        return "wrong schema: record '" + OfficialAlertSchema.nonNull(writer).getFullName() + "' lacks " + String.join(", ", missing)
                + ", required by the ZTF alert schema (v" + OfficialAlertSchema.version() + " names)";
    }

    private static void accept(GenericRecord packet, String source, String where, ReadResult<Alert> result) {
        try {
            result.accept(toAlert(packet, source, where, result));
        } catch (BadInputException e) {
            result.reject(e.problem());
        } catch (RuntimeException e) {
            result.reject(where, "bad value: " + e.getMessage());
        }
    }

    private static Alert toAlert(GenericRecord packet, String source, String where, ReadResult<Alert> problems)
            throws BadInputException {
        String objectId = GenericFields.string(packet, "objectId");
        if (objectId == null || objectId.isBlank()) {
            throw new BadInputException(source, where + " field objectId", "missing objectId");
        }
        Long candid = GenericFields.longValue(packet, "candid");
        GenericRecord cand = GenericFields.record(packet, "candidate");
        if (cand == null) {
            throw new BadInputException(source, where + " field candidate", "missing candidate record");
        }
        if (candid == null) {
            candid = GenericFields.longValue(cand, "candid");
        }
        if (candid == null) {
            throw new BadInputException(source, where + " field candid", "missing candid");
        }
        Detection candidate = detection(objectId, cand, source, where + " field candidate");
        if (candidate.isUpperLimit()) {
            throw new BadInputException(source, where + " field candidate.magpsf", "the triggering candidate has no magnitude");
        }
        String version = GenericFields.string(packet, "schemavsn");
        List<Detection> history = new ArrayList<>();
        Object prv = GenericFields.get(packet, "prv_candidates");
        if (prv instanceof List<?> list) {
            int i = 0;
            for (Object o : list) {
                i++;
                if (o instanceof GenericRecord p) {
                    try {
                        history.add(detection(objectId, p, source, where + " prv_candidates[" + i + "]"));
                    } catch (BadInputException e) {
                        problems.reject(e.problem());
                    }
                }
            }
        }
        List<Cutout> cutouts = new ArrayList<>();
        for (CutoutKind kind : CutoutKind.values()) {
            GenericRecord c = GenericFields.record(packet, kind.avroField());
            if (c == null) {
                continue;
            }
            byte[] data = GenericFields.bytes(c, "stampData");
            String location = where + " field " + kind.avroField();
            if (data == null) {
                problems.reject(location, "cutout without stampData");
                continue;
            }
            try {
                CutoutImage.check(data, source, location);
                cutouts.add(new Cutout(candid, kind, GenericFields.string(c, "fileName"), data));
            } catch (BadInputException e) {
                problems.reject(e.problem());
            }
        }
        return new Alert(objectId, candid, version == null ? OfficialAlertSchema.nonNull(packet.getSchema()).getFullName() : version,
                candidate, context(cand), history, cutouts);
    }

    private static Detection detection(String objectId, GenericRecord r, String source, String where)
            throws BadInputException {
        Double jd = GenericFields.number(r, "jd");
        Integer fid = GenericFields.integer(r, "fid");
        if (jd == null) {
            throw new BadInputException(source, where + ".jd", "missing jd");
        }
        if (fid == null) {
            throw new BadInputException(source, where + ".fid", "missing fid");
        }
        Band band;
        try {
            band = Band.ofFid(fid);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source, where + ".fid", e.getMessage());
        }
        String isdiffpos;
        try {
            isdiffpos = Detection.normaliseIsdiffpos(GenericFields.string(r, "isdiffpos"));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source, where + ".isdiffpos", e.getMessage());
        }
        Double mag = GenericFields.number(r, "magpsf");
        return new Detection(objectId, mag == null ? null : GenericFields.longValue(r, "candid"), jd, band, mag,
                GenericFields.number(r, "sigmapsf"), GenericFields.number(r, "diffmaglim"),
                GenericFields.number(r, "ra"), GenericFields.number(r, "dec"),
                GenericFields.number(r, "rb"), GenericFields.number(r, "drb"), isdiffpos,
                GenericFields.integer(r, "programid"));
    }

    private static CandidateContext context(GenericRecord c) {
        return new CandidateContext(GenericFields.number(c, "ssdistnr"), GenericFields.number(c, "ssmagnr"),
                GenericFields.number(c, "sgscore1"), GenericFields.number(c, "distpsnr1"),
                GenericFields.number(c, "srmag1"), GenericFields.number(c, "neargaia"),
                GenericFields.number(c, "maggaia"), GenericFields.integer(c, "ndethist"),
                GenericFields.number(c, "jdstarthist"), GenericFields.number(c, "magnr"),
                GenericFields.number(c, "distnr"));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
