package org.ztfclass.votables.input;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * The one loop every CSV reader shares: read the header, let the format check it and bind its
 * columns, then map each row; a row that fails becomes a problem naming its line and field, and
 * reading goes on. A header the format cannot use is one problem for the whole file.
 */
public final class CsvRecords {

    /** Turns one row into a record. */
    public interface RowMapper<T> {
        /** @return the record, or null to skip the row without complaint */
        T map(CsvRow row) throws BadInputException;
    }

    /** Checks a header and finds the columns a format needs. */
    public interface HeaderBinder<T> {
        /**
         * @return the mapper for the rows under this header
         * @throws BadInputException if the header lacks what the format needs
         */
        RowMapper<T> bind(CsvTable table) throws BadInputException;
    }

    private CsvRecords() {
    }

    /**
     * @param in     the text, not closed
     * @param source file name for problems
     * @param binder the format's header check and row mapping
     */
    public static <T> ReadResult<T> read(Reader in, String source, HeaderBinder<T> binder) throws IOException {
        ReadResult<T> result = new ReadResult<>(source);
        CsvTable table;
        RowMapper<T> mapper;
        try {
            table = new CsvTable(in, source);
            mapper = binder.bind(table);
        } catch (BadInputException e) {
            result.reject(e.problem());
            return result;
        }
        for (List<String> cells = table.next(); cells != null; cells = table.next()) {
            try {
                T record = mapper.map(new CsvRow(cells, table.header(), source, table.lineNumber()));
                if (record != null) {
                    result.accept(record);
                }
            } catch (BadInputException e) {
                result.reject(e.problem());
            }
        }
        return result;
    }
}
