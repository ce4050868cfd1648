package org.ztfclass.votables.alert;

import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads fields of a generic Avro record by name, tolerating the differences between ZTF schema
 * versions: a field that the writer schema lacks reads as null, numbers may be float, double,
 * int or long, strings may be {@code Utf8}.
 */
final class GenericFields {

    private GenericFields() {
    }

    static Object get(GenericRecord r, String name) {
        Schema.Field f = r.getSchema().getField(name);
        return f == null ? null : r.get(f.pos());
    }

    static Double number(GenericRecord r, String name) {
        Object v = get(r, name);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isNaN(d) ? null : d;
        }
        throw new IllegalArgumentException("field " + name + " is " + v.getClass().getSimpleName() + ", expected a number");
    }

    static Integer integer(GenericRecord r, String name) {
        Double d = number(r, name);
        return d == null ? null : (int) Math.round(d);
    }

    static Long longValue(GenericRecord r, String name) {
        Object v = get(r, name);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException("field " + name + " is " + v.getClass().getSimpleName() + ", expected a long");
    }

    static String string(GenericRecord r, String name) {
        Object v = get(r, name);
        return v == null ? null : v.toString();
    }

    static GenericRecord record(GenericRecord r, String name) {
        Object v = get(r, name);
        if (v == null) {
            return null;
        }
        if (v instanceof GenericRecord g) {
            return g;
        }
        throw new IllegalArgumentException("field " + name + " is not a record");
    }

    static byte[] bytes(GenericRecord r, String name) {
        Object v = get(r, name);
        if (v == null) {
            return null;
        }
        if (v instanceof ByteBuffer b) {
            ByteBuffer d = b.duplicate();
            byte[] out = new byte[d.remaining()];
            d.get(out);
            return out;
        }
        if (v instanceof byte[] a) {
            return a.clone();
        }
        throw new IllegalArgumentException("field " + name + " is not bytes");
    }
}
