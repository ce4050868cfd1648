package org.ztfclass.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * The ztfclass store: an SQLite database file (the embedded default), its schema kept current by
 * Flyway migrations. Every connection it opens runs in WAL mode (readers never block the
 * writer), with foreign keys on and a busy timeout, so the web server can read while an ingest
 * writes. Thread-safe: each caller takes its own connection and closes it.
 */
public final class Database {

    private final String url;
    private final Path file;
    private final ThreadLocal<Connection> scoped = new ThreadLocal<>();
    private final java.util.concurrent.atomic.LongAdder opened = new java.util.concurrent.atomic.LongAdder();

    private Database(Path file) {
        this.file = file;
        this.url = "jdbc:sqlite:" + file;
    }

    /**
     * Opens (creating if needed) the database file and migrates it to the current schema.
     *
     * @param file path of the SQLite file; parent folders are created
     * @throws SQLException if the file cannot be opened or migrated
     */
    public static Database open(Path file) throws SQLException {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create the folder for database " + absolute + ": " + e.getMessage(), e);
        }
        Database db = new Database(absolute);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
        }
        Flyway.configure()
                .dataSource(db.url, null, null)
                .locations("classpath:db/migration/sqlite")
                .loggers("slf4j")
                .load()
                .migrate();
        db.backfillFacts();
        return db;
    }

    /**
     * Computes the funnel facts of objects stored before the facts existed (a store created
     * before migration V2), so the funnel judges every object on the same footing.
     */
    private void backfillFacts() throws SQLException {
        try (Connection c = connect()) {
            java.util.List<String> missing = new java.util.ArrayList<>();
            try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(
                    "SELECT object_id FROM objects WHERE n_episodes IS NULL")) {
                while (rs.next()) {
                    missing.add(rs.getString(1));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            c.setAutoCommit(false);
            SummaryRefresher.refresh(c, missing, java.time.Instant.now().toString());
            c.commit();
        }
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

    /** @return the database file */
    public Path file() {
        return file;
    }
}
