package org.ztfclass.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * The ztfclass store: an SQLite database file (the embedded default) or a shared PostgreSQL
 * database (see {@link StoreLocation}), its schema kept current by Flyway migrations: one schema
 * history, one set of versions, written once per engine ({@code db/migration/sqlite} and
 * {@code db/migration/postgresql}).
 *
 * <p>SQLite connections run in WAL mode (readers never block the writer), with foreign keys on
 * and a busy timeout, so the web server can read while an ingest writes. PostgreSQL connections
 * come from a small pool; credentials come from {@code PGUSER}/{@code PGPASSWORD} or a
 * {@code .pgpass} file, never from the location. Thread-safe: each caller takes its own
 * connection and closes it.
 */
public final class Database implements AutoCloseable {

    /** System property: most pooled PostgreSQL connections per process (default 16). */
    public static final String POOL_SIZE_PROPERTY = "ztfclass.db.poolSize";
    /**
     * System property: milliseconds a pooled PostgreSQL connection may sit idle before it is closed
     * (default 10 minutes, at least 10 s). The pool keeps no idle connection of its own, so a
     * {@code Database} nobody uses holds none after this time.
     */
    public static final String IDLE_TIMEOUT_PROPERTY = "ztfclass.db.idleTimeoutMs";

    private final StoreLocation location;
    private final String url;
    private final com.zaxxer.hikari.HikariDataSource pool;
    private final ThreadLocal<Connection> scoped = new ThreadLocal<>();
    private final java.util.concurrent.atomic.LongAdder opened = new java.util.concurrent.atomic.LongAdder();

    private Database(StoreLocation location, com.zaxxer.hikari.HikariDataSource pool) {
        this.location = location;
        this.url = location.jdbcUrl();
        this.pool = pool;
    }

    /**
     * Opens (creating if needed) the database file and migrates it to the current schema.
     *
     * @param file path of the SQLite file; parent folders are created
     * @throws SQLException if the file cannot be opened or migrated
     */
    public static Database open(Path file) throws SQLException {
        return open(StoreLocation.sqlite(file));
    }

    /**
     * Opens the store a {@code --db} value names.
     *
     * @param location an SQLite file path or {@code postgresql://HOST[:PORT]/DATABASE}
     * @throws IllegalArgumentException if the location is malformed (message for the user)
     * @throws SQLException if the store cannot be reached or migrated
     */
    public static Database open(String location) throws SQLException {
        try {
            return open(StoreLocation.parse(location));
        } catch (IllegalArgumentException e) {
            throw new StoreUnavailableException(e.getMessage(), e);
        }
    }

    /**
     * Opens the store at {@code location} and migrates it to the current schema.
     *
     * @throws SQLException if the store cannot be reached or migrated; for PostgreSQL the
     *     message names the address and the user tried, never the password
     */
    public static Database open(StoreLocation location) throws SQLException {
        Database db = location.isPostgres() ? openPostgres(location) : openSqlite(location);
        try {
            var flyway = Flyway.configure();
            if (db.pool != null) {
                flyway.dataSource(db.pool);
            } else {
                flyway.dataSource(db.url, null, null);
            }
            flyway
                    .locations(location.isPostgres() ? "classpath:db/migration/postgresql" : "classpath:db/migration/sqlite")
                    .loggers("slf4j")
                    .load()
                    .migrate();
            db.backfillFacts();
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    private static Database openSqlite(StoreLocation location) throws SQLException {
        Path absolute = location.file();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new StoreUnavailableException("cannot create the folder for database " + absolute + ": " + e.getMessage(), e);
        }
        Database db = new Database(location, null);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
        }
        return db;
    }

    private static Database openPostgres(StoreLocation location) throws SQLException {
        PostgresCredentials credentials = PostgresCredentials.fromEnvironment();
        java.util.Properties login = new java.util.Properties();
        login.setProperty("user", credentials.user());
        if (credentials.password() != null) {
            login.setProperty("password", credentials.password());
        }
        login.setProperty("connectTimeout", "10");
        try (Connection probe = DriverManager.getConnection(location.jdbcUrl(), login)) {
            // reachable with these credentials: a refused or unknown server fails here at once, not after the pool's waits
        } catch (SQLException e) {
            throw new StoreUnavailableException("cannot connect to PostgreSQL store " + location + " as user '" + credentials.user()
                    + "' (" + firstLine(e.getMessage()) + "); is the server running and the database created (createdb)? "
                    + "Credentials come from PGUSER/PGPASSWORD or ~/.pgpass", e);
        }
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(location.jdbcUrl());
        config.setUsername(credentials.user());
        if (credentials.password() != null) {
            config.setPassword(credentials.password());
        }
        config.addDataSourceProperty("connectTimeout", "10");
        config.setMaximumPoolSize(Integer.getInteger(POOL_SIZE_PROPERTY, 16));
        config.setMinimumIdle(0);
        config.setIdleTimeout(Math.max(10_000L, Long.getLong(IDLE_TIMEOUT_PROPERTY, 600_000L)));
        config.setPoolName("ztfclass-store");
        config.setConnectionTimeout(30_000);
        config.setInitializationFailTimeout(-1);
        config.setRegisterMbeans(false);
        return new Database(location, new com.zaxxer.hikari.HikariDataSource(config));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /**
     * Computes the funnel facts of objects stored before the facts existed (a store created
     * before migration V2), so the funnel judges every object on the same footing.
     */
    private void backfillFacts() throws SQLException {
        java.util.List<String> missing = new java.util.ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(
                "SELECT object_id FROM objects WHERE n_episodes IS NULL")) {
            while (rs.next()) {
                missing.add(rs.getString(1));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        inTransaction(c -> {
            SummaryRefresher.refresh(c, missing, java.time.Instant.now().toString());
            return null;
        });
    }

    /**
     * @return a new connection in auto-commit mode; the caller closes it. Inside a
     *     {@link #readScope()} of this thread: the scope's connection, whose close does nothing
     */
    public Connection connect() throws SQLException {
        Connection inScope = scoped.get();
        if (inScope != null) {
            return ReadScope.unclosable(inScope);
        }
        return open();
    }

    /**
     * Opens a connection of its own, never a pooled one, nor a {@link #readScope()}'s: for a
     * session whose state must end when the connection closes, e.g. a PostgreSQL session-level
     * advisory lock held for a long job (the server releases it when the connection closes, also
     * when the process dies). The caller closes it.
     */
    public Connection connectDedicated() throws SQLException {
        if (pool == null) {
            return open();
        }
        opened.increment();
        return DriverManager.getConnection(url, pool.getUsername(), pool.getPassword());
    }

    /**
     * Opens one connection that every {@link #connect()} of this thread answers until the scope
     * is closed (see {@link ReadScope}); inside another scope of this thread, a no-op scope.
     */
    public ReadScope readScope() throws SQLException {
        if (scoped.get() != null) {
            return new ReadScope(scoped, null);
        }
        Connection c = open();
        scoped.set(c);
        return new ReadScope(scoped, c);
    }

    /** @return how many connections this instance has opened (scoped ones count once) */
    public long connectionsOpened() {
        return opened.sum();
    }

    private Connection open() throws SQLException {
        opened.increment();
        if (pool != null) {
            return pool.getConnection();
        }
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=30000");
            s.execute("PRAGMA synchronous=NORMAL");
            // 64 MiB of page cache (SQLite's default is 2 MiB), allocated only as pages are read: bulk writers
            // (generate, ingest, scoring) keep the objects indexes' hot pages instead of re-reading them.
            s.execute("PRAGMA cache_size=-65536");
        }
        return c;
    }

    /**
     * Starts a write transaction on {@code c} (in auto-commit mode) that holds the store's write
     * lock named {@code lock} until {@code COMMIT} or {@code ROLLBACK}: SQLite's
     * {@code BEGIN IMMEDIATE} (one writer for the whole file); on PostgreSQL a transaction that
     * holds the advisory lock of that name, so writers of the same kind run one at a time across
     * every process on the store.
     */
    public void beginImmediate(Connection c, String lock) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (pool == null) {
                s.execute("BEGIN IMMEDIATE");
            } else {
                s.execute("BEGIN");
                try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    ps.setLong(1, advisoryKey(lock));
                    ps.execute();
                }
            }
        }
    }

    /**
     * Work done inside one transaction ({@link #inWriteTransaction}, {@link #inTransaction}).
     *
     * @param <T> what the work returns
     * @param <E> a checked exception the work may throw besides {@link SQLException}
     */
    @FunctionalInterface
    public interface TransactionWork<T, E extends Exception> {
        T run(Connection c) throws SQLException, E;
    }

    /**
     * Runs {@code work} as one write transaction on a connection of its own that holds the write
     * lock {@code lock} ({@link #beginImmediate}): committed when the work returns (also when it
     * only read), rolled back when it throws anything, the exception rethrown unchanged (a failing
     * rollback is attached to it as suppressed). A failing commit is rolled back and thrown too.
     *
     * @return what the work returned
     */
    public <T, E extends Exception> T inWriteTransaction(String lock, TransactionWork<T, E> work) throws SQLException, E {
        try (Connection c = connect()) {
            return inWriteTransaction(c, lock, work);
        }
    }

    /**
     * {@link #inWriteTransaction(String, TransactionWork)} on the caller's connection {@code c},
     * which must be in auto-commit mode outside a transaction; it is left so.
     */
    public <T, E extends Exception> T inWriteTransaction(Connection c, String lock, TransactionWork<T, E> work) throws SQLException, E {
        beginImmediate(c, lock);
        try {
            T result = work.run(c);
            end(c, "COMMIT");
            return result;
        } catch (Throwable failure) {
            try {
                end(c, "ROLLBACK");
            } catch (SQLException rollback) {
                failure.addSuppressed(rollback);
            }
            throw failure;
        }
    }

    /**
     * Runs {@code work} as one JDBC transaction on a connection of its own, without a store-wide
     * write lock (for writes that must be all-or-none but need no order against other writers;
     * for those, {@link #inWriteTransaction}): committed when the work returns, rolled back when
     * it throws anything, the exception rethrown unchanged (a failing rollback attached to it as
     * suppressed). The connection is back in auto-commit mode afterwards.
     *
     * @return what the work returned
     */
    public <T, E extends Exception> T inTransaction(TransactionWork<T, E> work) throws SQLException, E {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            T result;
            try {
                result = work.run(c);
                c.commit();
            } catch (Throwable failure) {
                try {
                    c.rollback();
                    c.setAutoCommit(true);
                } catch (SQLException rollback) {
                    failure.addSuppressed(rollback);
                }
                throw failure;
            }
            c.setAutoCommit(true);
            return result;
        }
    }

    private static void end(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * @return true if {@code e} says the store rolled the transaction back to break a deadlock or
     *         a serialization conflict (PostgreSQL SQLSTATE 40P01, 40001): nothing of it was
     *         written and the same transaction may simply be run again
     */
    public static boolean isDeadlockVictim(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("40P01".equals(s.getSQLState()) || "40001".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** @return the 64-bit advisory lock key of a lock name (stable across processes and versions) */
    public static long advisoryKey(String lock) {
        long h = 0xcbf29ce484222325L;
        for (byte b : ("ztfclass:" + lock).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** @return where this store lives */
    public StoreLocation location() {
        return location;
    }

    /** @return how this store spells the SQL that differs between engines */
    public SqlDialect dialect() {
        return pool == null ? SqlDialect.SQLITE : SqlDialect.POSTGRESQL;
    }

    /** @return true when the store is PostgreSQL, false for SQLite */
    public boolean isPostgres() {
        return pool != null;
    }

    /** Closes the PostgreSQL pool (nothing for SQLite, whose connections are each closed by their callers). */
    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }

    /** @return the SQLite database file; null for a PostgreSQL store (see {@link #location()}) */
    public Path file() {
        return location.file();
    }
}
