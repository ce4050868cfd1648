package org.ztfclass.server;

import java.nio.file.Path;
import java.sql.SQLException;
import org.ztfclass.server.store.Database;

/**
 * The store a test runs against: an SQLite file in the test's folder, or, when the tests run with
 * {@code -Dztfclass.test.store=postgresql} (the {@code postgresql} run of {@code mvn test}), a new
 * database on the shared {@link PostgresCluster}. Store tests open their store here, so the same
 * test checks both engines.
 */
public final class TestStores {

    /** The PostgreSQL database standing for each SQLite file path, so a path names one store however often it is opened. */
    private static final java.util.Map<Path, String> DATABASES = new java.util.HashMap<>();

    /** System property choosing the engine of the store tests. */
    public static final String PROPERTY = "ztfclass.test.store";

    static {
        // tests open many stores and rarely close them: their pools give idle connections back to the
        // shared cluster after 10 s instead of holding them until the JVM ends (max_connections)
        if (System.getProperty(Database.IDLE_TIMEOUT_PROPERTY) == null) {
            System.setProperty(Database.IDLE_TIMEOUT_PROPERTY, "10000");
        }
    }

    private TestStores() {
    }

    /** @return true when this run's store tests use PostgreSQL */
    public static boolean postgres() {
        return "postgresql".equalsIgnoreCase(System.getProperty(PROPERTY, "sqlite"));
    }

    /**
     * @param file the SQLite file the test would use (its name also names the PostgreSQL database)
     * @return the store of this run's engine that the path names (created and migrated on first use)
     */
    public static Database open(Path file) throws SQLException {
        return Database.open(location(file));
    }

    /**
     * Copies a store whole (a test that changes a shared fixture works on its own copy).
     *
     * @param from the store to copy (not written to meanwhile)
     * @param to   the SQLite file of the copy (its name also names the PostgreSQL copy)
     * @return the copy, opened
     */
    public static Database copy(Database from, Path to) throws SQLException {
        if (!from.isPostgres()) {
            try (java.sql.Connection c = from.connect(); java.sql.Statement s = c.createStatement()) {
                s.execute("VACUUM INTO '" + to.toString().replace("'", "''") + "'"); // consistent, WAL included
            }
            return Database.open(to);
        }
        String name = to.getFileName().toString().replaceFirst("\\.db$", "");
        return Database.open(PostgresCluster.shared().copyDatabase(from.location().database(), name));
    }

    /**
     * @param file the SQLite file the test would use
     * @return the {@code --db} value of the store this path names in this run's engine: the file's
     *     path, or a PostgreSQL database made for that path on first use
     */
    public static synchronized String location(Path file) {
        if (!postgres()) {
            return file.toString();
        }
        return DATABASES.computeIfAbsent(file.toAbsolutePath().normalize(),
                f -> PostgresCluster.shared().createDatabase(f.getFileName().toString().replaceFirst("\\.db$", "")));
    }
}
