package org.ztfclass.server.tap;

import java.util.List;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowListStarTable;
import uk.ac.starlink.table.StarTable;

/**
 * The answer to a query: its rows (already converted to the column classes) and whether MAXREC
 * cut it short (then the VOTable says {@code QUERY_STATUS=OVERFLOW} after the table, as DALI asks).
 *
 * @param columns  output column metadata
 * @param rows     the rows, at most MAXREC
 * @param overflow true when the query had more rows than MAXREC
 */
public record TapResult(List<ColumnInfo> columns, List<Object[]> rows, boolean overflow) {

    /** @return a STIL table of the rows, named {@code name} */
    public StarTable table(String name) {
        RowListStarTable t = new RowListStarTable(columns.toArray(new ColumnInfo[0]));
        for (Object[] r : rows) {
            t.addRow(r);
        }
        t.setName(name);
        return t;
    }
}
