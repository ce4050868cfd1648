package org.ztfclass.server.stream;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ztfclass.server.TestStores;
import org.ztfclass.server.store.Database;

/**
 * The ingest tables of a store as sorted text rows, without the columns that say when or from where a
 * row was written (timestamps, source file or message): two stores that hold the same alerts give
 * equal snapshots however the alerts arrived. Floating-point values are written to 12 significant
 * digits: an object's mean position summed over its alerts in another order (two consumers
 * interleaving differently) differs in the last bits only.
 */
final class StoreSnapshot {

    static final List<String> TABLES = List.of("objects", "alerts", "detections", "cutouts");
    private static final Set<String> PROVENANCE = Set.of("created_at", "updated_at", "ingested_at", "source_file");

    private StoreSnapshot() {
    }

    /** @param dbFile the store's SQLite path (on a PostgreSQL run, the database {@link TestStores} made for it) */
    static Map<String, List<String>> of(Path dbFile) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Database db = TestStores.open(dbFile);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String name = meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                        if (!PROVENANCE.contains(name) && !name.equals("id") && !name.equals("row_seq")) {
                            columns.add(table.equals("cutouts") && name.equals("fits_gz") ? "length(fits_gz)" : name);
                        }
                    }
                }
                List<String> rows = new ArrayList<>();
                String cols = String.join(", ", columns);
                try (ResultSet rs = s.executeQuery("SELECT " + cols + " FROM " + table + " ORDER BY " + cols)) {
                    while (rs.next()) {
                        StringBuilder b = new StringBuilder();
                        for (int i = 1; i <= columns.size(); i++) {
                            Object v = rs.getObject(i);
                            b.append(i > 1 ? "|" : "").append(v instanceof Double || v instanceof Float
                                    ? String.format(java.util.Locale.ROOT, "%.12g", ((Number) v).doubleValue()) : rs.getString(i));
                        }
                        rows.add(b.toString());
                    }
                }
                rows.sort(null);
                out.put(table, rows);
            }
        } finally {
            db.close();
        }
        return out;
    }
}
