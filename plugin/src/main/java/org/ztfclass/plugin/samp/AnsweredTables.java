package org.ztfclass.plugin.samp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tables the bridge sent back to the tools, remembered by URL (and SAMP table-id when a tool
 * reports one) so that a row a user highlights in TOPCAT can be turned back into a ztfclass
 * object. Thread-safe.
 */
final class AnsweredTables {

    /** One answered row: the object and its position; null fields when the row was not matched. */
    record Row(String objectId, Double ra, Double dec) {
    }

    private final Map<String, List<Row>> byKey = new ConcurrentHashMap<>();

    void remember(String url, List<Row> rows) {
        byKey.put(url, List.copyOf(rows));
    }

    void alias(String tableId, String url) {
        List<Row> rows = byKey.get(url);
        if (rows != null && tableId != null) {
            byKey.put(tableId, rows);
        }
    }

    /** @return true if {@code tableIdOrUrl} names a table the bridge sent */
    boolean knows(String tableIdOrUrl) {
        return tableIdOrUrl != null && byKey.containsKey(tableIdOrUrl);
    }

    /** @return the row, or null if the table or row is not one of ours */
    Row row(String tableIdOrUrl, int index) {
        List<Row> rows = tableIdOrUrl == null ? null : byKey.get(tableIdOrUrl);
        return rows == null || index < 0 || index >= rows.size() ? null : rows.get(index);
    }
}
