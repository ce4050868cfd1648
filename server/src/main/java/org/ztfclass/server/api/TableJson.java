package org.ztfclass.server.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ztfclass.votables.table.TableColumn;
import uk.ac.starlink.table.ColumnInfo;

/**
 * Renders records as JSON-ready maps with exactly the columns (names, order, values) of their
 * VOTable form, so {@code format=json} and {@code format=votable} say the same thing.
 */
final class TableJson {

    private TableJson() {
    }

    static <T> List<Map<String, Object>> rows(List<T> records, List<TableColumn<T>> columns) {
        List<Map<String, Object>> out = new ArrayList<>(records.size());
        for (T r : records) {
            out.add(row(r, columns));
        }
        return out;
    }

    static <T> Map<String, Object> row(T record, List<TableColumn<T>> columns) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (TableColumn<T> c : columns) {
            m.put(c.info().getName(), c.value().apply(record));
        }
        return m;
    }

    /** @return name, unit, UCD and description of each column */
    static <T> List<Map<String, Object>> columns(List<TableColumn<T>> columns) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (TableColumn<T> c : columns) {
            ColumnInfo i = c.info();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", i.getName());
            m.put("unit", i.getUnitString());
            m.put("ucd", i.getUCD());
            m.put("description", i.getDescription());
            out.add(m);
        }
        return out;
    }
}
