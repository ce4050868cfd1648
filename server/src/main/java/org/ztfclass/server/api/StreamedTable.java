package org.ztfclass.server.api;

import java.io.IOException;
import java.util.List;
import org.ztfclass.votables.table.TableColumn;
import uk.ac.starlink.table.AbstractStarTable;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;

/**
 * A sequential STIL {@link uk.ac.starlink.table.StarTable} whose rows are read from a
 * {@link RowSource} as they are written (e.g. by {@link org.ztfclass.votables.table.VotableWriter}),
 * so a long store query becomes a VOTable in constant memory. Each {@link #getRowSequence()}
 * opens a fresh source; the row count is unknown (-1). Not random access.
 *
 * @param <T> record type
 */
final class StreamedTable<T> extends AbstractStarTable {

    /** Opens the rows, once per pass over the table. */
    @FunctionalInterface
    interface Opener<T> {
        RowSource<T> open() throws IOException;
    }

    private final List<TableColumn<T>> columns;
    private final Opener<T> opener;

    /**
     * @param name    table name (the VOTable TABLE name)
     * @param columns the columns, in order
     * @param opener  opens the rows for one pass
     */
    StreamedTable(String name, List<TableColumn<T>> columns, Opener<T> opener) {
        this.columns = List.copyOf(columns);
        this.opener = opener;
        setName(name);
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public long getRowCount() {
        return -1;
    }

    @Override
    public ColumnInfo getColumnInfo(int icol) {
        return columns.get(icol).info();
    }

    @Override
    public RowSequence getRowSequence() throws IOException {
        RowSource<T> rows = opener.open();
        return new RowSequence() {
            @Override
            public boolean next() throws IOException {
                return rows.next();
            }

            @Override
            public Object getCell(int icol) {
                return columns.get(icol).value().apply(rows.current());
            }

            @Override
            public Object[] getRow() {
                T row = rows.current();
                Object[] cells = new Object[columns.size()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = columns.get(i).value().apply(row);
                }
                return cells;
            }

            @Override
            public void close() throws IOException {
                rows.close();
            }
        };
    }
}
