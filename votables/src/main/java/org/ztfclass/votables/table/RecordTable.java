package org.ztfclass.votables.table;

import java.util.List;
import uk.ac.starlink.table.AbstractStarTable;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;

/**
 * A random-access STIL {@link uk.ac.starlink.table.StarTable} view of a list of records, one
 * row a record, one column a {@link TableColumn}. The list is not copied: do not change it
 * while the table is in use. Safe for concurrent reads.
 *
 * @param <T> record type
 */
public final class RecordTable<T> extends AbstractStarTable {

    private final List<T> rows;
    private final List<TableColumn<T>> columns;

    /**
     * @param name    table name (written as the VOTable TABLE name)
     * @param rows    the records
     * @param columns the columns, in order
     */
    public RecordTable(String name, List<T> rows, List<TableColumn<T>> columns) {
        this.rows = rows;
        this.columns = List.copyOf(columns);
        setName(name);
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public long getRowCount() {
        return rows.size();
    }

    @Override
    public ColumnInfo getColumnInfo(int icol) {
        return columns.get(icol).info();
    }

    @Override
    public boolean isRandom() {
        return true;
    }

    @Override
    public Object getCell(long irow, int icol) {
        return columns.get(icol).value().apply(rows.get(Math.toIntExact(irow)));
    }

    @Override
    public Object[] getRow(long irow) {
        T record = rows.get(Math.toIntExact(irow));
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = columns.get(i).value().apply(record);
        }
        return row;
    }

    @Override
    public RowSequence getRowSequence() {
        return new RowSequence() {
            private long next = 0;
            private long current = -1;

            @Override
            public boolean next() {
                if (next >= rows.size()) {
                    return false;
                }
                current = next++;
                return true;
            }

            @Override
            public Object getCell(int icol) {
                return RecordTable.this.getCell(current, icol);
            }

            @Override
            public Object[] getRow() {
                return RecordTable.this.getRow(current);
            }

            @Override
            public void close() {
            }
        };
    }
}
