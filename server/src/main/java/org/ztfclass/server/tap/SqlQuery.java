package org.ztfclass.server.tap;

import java.util.List;
import uk.ac.starlink.table.ColumnInfo;

/**
 * An ADQL query translated for the store: SQL text whose only literals are {@code ?} markers,
 * the values bound to them in order, and the metadata of each output column.
 *
 * @param sql     SQLite SELECT; identifiers come from {@link TapSchema} only
 * @param params  values for the markers, in order (String, Long or Double)
 * @param columns one per output column
 * @param top     the query's TOP n, or -1 when it has none
 * @param table   the table queried
 */
public record SqlQuery(TapTable table, String sql, List<Object> params, List<ColumnInfo> columns, long top) {

    public SqlQuery {
        params = List.copyOf(params);
        columns = List.copyOf(columns);
    }
}
