package org.ztfclass.votables.alert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.NameValidator;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * The fast path for the common case of many small Avro object-container files that all embed the
 * same writer schema (a ZTF alert stream: one packet per message, each with the ~20 KB schema in its
 * header). Avro's own {@code DataFileReader} parses the schema text and builds a new resolving reader
 * for every file, which costs more than the packet itself; here a parsed schema and its reader are
 * kept per schema text (at most {@value #MAX_SCHEMAS} texts, then the cache starts over).
 *
 * <p>Only a well-formed uncompressed container is read here: magic, metadata with {@code avro.schema}
 * and no codec other than {@code null}, a sync marker, then blocks, each exactly its declared size
 * and followed by the sync marker, up to the end of the bytes. For anything else (another codec, a
 * truncated or corrupt file, no block, an unparsable schema) {@link #read} answers null and the
 * caller reads the file the slow way, which reports the problem exactly. Thread-safe.
 */
final class CachedSchemaContainer {

    static final int MAX_SCHEMAS = 16;

    /** What the cache keeps per schema text. */
    record Entry(Schema schema, GenericDatumReader<GenericRecord> reader, List<String> missingFields) {
    }

    /** A file's packets, with its schema's entry. */
    record Packets(Entry entry, List<GenericRecord> records) {
    }

    private static final Map<String, Entry> ENTRIES = new ConcurrentHashMap<>();

    /** A schema text met recently, as bytes, and its entry: a stream's messages are compared with it without hashing ~20 KB. */
    private record Last(byte[] text, Entry entry) {
    }

    /** How many recent schema texts are compared byte for byte before hashing (a stream mixes a few schema versions). */
    private static final int RECENT = 8;

    /** The schema texts met last, newest first; replaced whole (copy on write), never changed in place. */
    private static volatile Last[] recent = new Last[0];

    private CachedSchemaContainer() {
    }

    /** @return the packets of {@code bytes}, or null if the file is not one this fast path reads (read it the usual way) */
    static Packets read(byte[] bytes) {
        try {
            return readOrThrow(bytes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Packets readOrThrow(byte[] bytes) throws IOException {
        if (bytes.length < 4 || bytes[0] != 'O' || bytes[1] != 'b' || bytes[2] != 'j' || bytes[3] != 1) {
            return null;
        }
        BinaryDecoder d = DecoderFactory.get().binaryDecoder(bytes, 4, bytes.length - 4, null);
        ByteBuffer schemaBytes = null;
        for (long n = d.readMapStart(); n != 0; n = d.mapNext()) {
            for (long i = 0; i < n; i++) {
                String key = d.readString();
                ByteBuffer value = d.readBytes(null);
                if (key.equals("avro.schema")) {
                    schemaBytes = value;
                } else if (key.equals("avro.codec") && !StandardCharsets.UTF_8.decode(value).toString().equals("null")) {
                    return null;
                }
            }
        }
        if (schemaBytes == null) {
            return null;
        }
        byte[] sync = new byte[16];
        d.readFixed(sync);
        Entry entry = entry(schemaBytes);
        List<GenericRecord> records = new ArrayList<>();
        byte[] marker = new byte[16];
        while (!d.isEnd()) {
            long count = d.readLong();
            long size = d.readLong();
            int before = d.inputStream().available();
            if (count < 0 || size < 0 || size > before) {
                return null;
            }
            for (long i = 0; i < count; i++) {
                records.add(entry.reader().read(null, d));
            }
            if (before - d.inputStream().available() != size) {
                return null;
            }
            d.readFixed(marker);
            if (!Arrays.equals(sync, marker)) {
                return null;
            }
        }
        return records.isEmpty() ? null : new Packets(entry, records);
    }

    /** @return the entry of the schema whose UTF-8 text is {@code schemaBytes}: the last one used if the bytes are its */
    private static Entry entry(ByteBuffer schemaBytes) {
        Last[] seen = recent;
        for (Last last : seen) {
            if (ByteBuffer.wrap(last.text()).equals(schemaBytes)) {
                return last.entry();
            }
        }
        byte[] text = new byte[schemaBytes.remaining()];
        schemaBytes.duplicate().get(text);
        Entry e = entry(new String(text, StandardCharsets.UTF_8));
        Last[] next = new Last[Math.min(RECENT, seen.length + 1)];
        next[0] = new Last(text, e);
        System.arraycopy(seen, 0, next, 1, next.length - 1);
        recent = next;
        return e;
    }

    private static Entry entry(String schemaText) {
        Entry e = ENTRIES.get(schemaText);
        if (e == null) {
            Schema schema = new Schema.Parser(NameValidator.NO_VALIDATION).setValidateDefaults(false).parse(schemaText);
            e = new Entry(schema, new GenericDatumReader<>(schema), OfficialAlertSchema.missingFields(schema));
            if (ENTRIES.size() >= MAX_SCHEMAS) {
                ENTRIES.clear();
            }
            ENTRIES.put(schemaText, e);
        }
        return e;
    }
}
