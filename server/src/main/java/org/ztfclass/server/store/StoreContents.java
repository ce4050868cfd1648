package org.ztfclass.server.store;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a store holds, read without opening it as a {@link Database} (so without creating or
 * migrating anything): the row count of every table, by name. An SQLite file is read through a
 * read-only connection; a missing file holds nothing. A PostgreSQL database is read with the
 * credentials of {@link PostgresCredentials} and must exist. For backups, to say what was saved
 * and restored, and to refuse to overwrite a store that holds data.
 *
 * @param tables the row count of each table (sorted by name); empty when there is no store yet
 */
public record StoreContents(Map<String, Long> tables) {

    /** The tables whose rows make a store worth keeping: objects, labels, accounts. */
    public static final List<String> DATA_TABLES = List.of("objects", "labels", "users");

    /**
     * Counts the rows of every table of the store at {@code location}.
     *
     * @throws SQLException if the store cannot be reached or read (for PostgreSQL the message names
     *     the address and user tried, never a password)
     */
    public static StoreContents read(StoreLocation location) throws SQLException {
        if (!location.isPostgres() && !Files.exists(location.file())) {
            return new StoreContents(Map.of());
        }
        try (Connection c = connect(location)) {
            List<String> names = new ArrayList<>();
            String list = location.isPostgres()
                    ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                    : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(list)) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            Map<String, Long> counts = new TreeMap<>();
            for (String name : names) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + name.replace("\"", "\"\"") + "\"")) {
                    rs.next();
                    counts.put(name, rs.getLong(1));
                }
            }
            return new StoreContents(Collections.unmodifiableMap(counts));
        }
    }

    /** @return true when the store has no table at all (a new file or database) */
    public boolean isBlank() {
        return tables.isEmpty();
    }

    /** @return true when any of {@link #DATA_TABLES} has a row */
    public boolean holdsData() {
        return DATA_TABLES.stream().anyMatch(t -> rows(t) > 0);
    }

    /** @return the rows of {@code table}, 0 if there is no such table */
    public long rows(String table) {
        return tables.getOrDefault(table, 0L);
    }

    /** @return e.g. {@code "12 objects, 3 labels, 1 users"} */
    public String summary() {
        StringBuilder b = new StringBuilder();
        for (String t : DATA_TABLES) {
            b.append(b.length() == 0 ? "" : ", ").append(rows(t)).append(' ').append(t);
        }
        return b.toString();
    }

    private static Connection connect(StoreLocation location) throws SQLException {
        if (!location.isPostgres()) {
            Properties p = new Properties();
            p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: never creates or changes the file
            return DriverManager.getConnection(location.jdbcUrl(), p);
        }
        PostgresCredentials credentials = PostgresCredentials.fromEnvironment();
        Properties p = new Properties();
        p.setProperty("user", credentials.user());
        if (credentials.password() != null) {
            p.setProperty("password", credentials.password());
        }
        try {
            return DriverManager.getConnection(location.jdbcUrl(), p);
        } catch (SQLException e) {
            String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new SQLException("cannot connect to PostgreSQL store " + location + " as user '" + credentials.user() + "' ("
                    + message + "); credentials come from PGUSER/PGPASSWORD or ~/.pgpass", e.getSQLState(), e);
        }
    }
}
