package org.ztfclass.server.api;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.ztfclass.votables.table.TableColumn;

/**
 * Writes a table as CSV per RFC 4180: a header line of column names, then one record per row,
 * fields separated by commas, lines ended by CRLF; a field holding a comma, a double quote, CR or
 * LF is enclosed in double quotes with its quotes doubled. A missing value (null, NaN) is an empty
 * field. Values are written as they are (no spreadsheet-formula escaping: the data stay exact).
 * Stateless and thread-safe.
 */
final class CsvTable {

    /** The MIME type of the documents written (UTF-8, with a header line). */
    static final String MIME_TYPE = "text/csv; charset=utf-8; header=present";

    private CsvTable() {
    }

    /**
     * Writes the header and every row of {@code rows}; flushes {@code out}, does not close it.
     *
     * @return the number of rows written
     */
    static <T> long write(List<TableColumn<T>> columns, RowSource<T> rows, Writer out) throws IOException {
        for (int i = 0; i < columns.size(); i++) {
            out.write(i == 0 ? "" : ",");
            out.write(field(columns.get(i).info().getName()));
        }
        out.write("\r\n");
        long n = 0;
        while (rows.next()) {
            T row = rows.current();
            for (int i = 0; i < columns.size(); i++) {
                out.write(i == 0 ? "" : ",");
                out.write(field(columns.get(i).value().apply(row)));
            }
            out.write("\r\n");
            n++;
        }
        out.flush();
        return n;
    }

    /** @return one field: empty for a missing value, quoted when it must be */
    static String field(Object value) {
        if (value == null || (value instanceof Double d && d.isNaN())) {
            return "";
        }
        String s = value.toString();
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
