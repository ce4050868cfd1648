package org.ztfclass.server.stream;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ingest tables of a store as sorted text rows, without the columns that say when or from where a
 * row was written (timestamps, source file or message): two stores that hold the same alerts give
 * equal snapshots however the alerts arrived.
 */
final class StoreSnapshot {

    static final List<String> TABLES = List.of("objects", "alerts", "detections", "cutouts");
    private static final Set<String> PROVENANCE = Set.of("created_at", "updated_at", "ingested_at", "source_file");

    private StoreSnapshot() {
    }

    static Map<String, List<String>> of(Path dbFile) throws SQLException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
                    while (rs.next()) {
                        String name = rs.getString("name");
                        if (!PROVENANCE.contains(name) && !name.equals("id")) {
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
                            b.append(i > 1 ? "|" : "").append(rs.getString(i));
                        }
                        rows.add(b.toString());
                    }
                }
                out.put(table, rows);
            }
        }
        return out;
    }
}
