package org.ztfclass.server.api;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import org.ztfclass.server.store.RowCursor;

/**
 * Rows to write, read once, forward only: an open store cursor or a list. The writers of table
 * answers ({@link CsvTable}, {@link JsonTable}, {@link StreamedTable}) read through it, so that
 * they stream a cursor in constant memory. Not thread-safe.
 *
 * @param <T> record type
 */
interface RowSource<T> extends AutoCloseable {

    /** @return true and moves to the next row, false at the end */
    boolean next() throws IOException;

    /** @return the row {@link #next} moved to */
    T current();

    @Override
    void close() throws IOException;

    /** @return the cursor's rows; closing the source closes the cursor (a store failure becomes an IOException) */
    static <T> RowSource<T> of(RowCursor<T> cursor) {
        return new RowSource<>() {
            @Override
            public boolean next() throws IOException {
                try {
                    return cursor.next();
                } catch (SQLException e) {
                    throw new IOException("reading the store failed: " + e.getMessage(), e);
                }
            }

            @Override
            public T current() {
                return cursor.current();
            }

            @Override
            public void close() throws IOException {
                try {
                    cursor.close();
                } catch (SQLException e) {
                    throw new IOException(e);
                }
            }
        };
    }

    /** @return the list's rows, in order */
    static <T> RowSource<T> of(List<T> rows) {
        Iterator<T> it = rows.iterator();
        return new RowSource<>() {
            private T current;

            @Override
            public boolean next() {
                current = it.hasNext() ? it.next() : null;
                return current != null;
            }

            @Override
            public T current() {
                return current;
            }

            @Override
            public void close() {
            }
        };
    }
}
