package org.ztfclass.server.api;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.ztfclass.votables.table.TableColumn;

/**
 * Writes a table's rows as a JSON array of objects, one member per column (name → value; a
 * missing value is {@code null}), row by row onto a {@link JsonGenerator}, so a long table
 * streams. Stateless and thread-safe.
 */
final class JsonTable {

    private JsonTable() {
    }

    /**
     * Writes {@code [ {..}, {..} ]} at the generator's position (e.g. after a field name).
     *
     * @return the number of rows written
     */
    static <T> long writeRows(List<TableColumn<T>> columns, RowSource<T> rows, JsonGenerator g) throws IOException {
        g.writeStartArray();
        long n = 0;
        while (rows.next()) {
            T row = rows.current();
            g.writeStartObject();
            for (TableColumn<T> c : columns) {
                g.writeFieldName(c.info().getName());
                Object v = c.value().apply(row);
                if (v == null || (v instanceof Double d && !Double.isFinite(d))) {
                    g.writeNull();
                } else if (v instanceof Double d) {
                    g.writeNumber(d);
                } else if (v instanceof Long l) {
                    g.writeNumber(l);
                } else if (v instanceof Integer i) {
                    g.writeNumber(i);
                } else if (v instanceof Boolean b) {
                    g.writeBoolean(b);
                } else {
                    g.writeString(v.toString());
                }
            }
            g.writeEndObject();
            n++;
        }
        g.writeEndArray();
        return n;
    }
}
