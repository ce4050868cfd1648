package org.ztfclass.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.ztfclass.server.bench.LocalPostgres;

/**
 * The throwaway PostgreSQL clusters of the tests: one {@link #shared()} by this JVM's tests,
 * started by the first test that asks and stopped when the JVM exits, or a private one from
 * {@link #start()} for tests that kill PostgreSQL. The work (initdb, the server on a free loopback
 * port with trust authentication, as the {@code postgres} user when run as root, the watchdog that
 * stops it should the JVM be killed) is {@link LocalPostgres}'s, which {@code bench load} uses too.
 *
 * <p>Durability settings ({@code fsync}, {@code synchronous_commit}) stay at PostgreSQL's
 * defaults, so the kill tests test what a deployment gets.
 */
public final class PostgresCluster {

    private static PostgresCluster shared;

    private final LocalPostgres server;

    private PostgresCluster(LocalPostgres server) {
        this.server = server;
    }

    /** @return true when PostgreSQL's server programs are installed here */
    public static boolean available() {
        return LocalPostgres.available();
    }

    /** @return the cluster shared by this JVM's tests, started on first use */
    public static synchronized PostgresCluster shared() {
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            PostgresCluster started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "postgres-cluster-stop"));
        }
        return shared;
    }

    /**
     * Starts a new cluster (the caller stops it). Most tests want {@link #shared()}; this is for
     * tests that kill PostgreSQL.
     */
    public static PostgresCluster start() throws IOException {
        return new PostgresCluster(LocalPostgres.start());
    }

    /** @return the folder with the cluster's data and logs */
    public Path dir() {
        return server.dir();
    }

    /** @return the loopback port it listens on */
    public int port() {
        return server.port();
    }

    /** @return the superuser name (the operating-system user running the tests) */
    public String user() {
        return server.user();
    }

    /** @return the {@code --db} location of a new empty database whose name starts with {@code prefix} */
    public String createDatabase(String prefix) {
        return server.createDatabase(prefix);
    }

    /** @return the {@code --db} location of a copy of database {@code original} (its sessions are ended first) */
    public String copyDatabase(String original, String prefix) {
        return server.copyDatabase(original, prefix);
    }

    /** @return a superuser connection to the {@code postgres} database */
    public Connection admin() throws SQLException {
        return server.admin();
    }

    /** Stops the server immediately, as a crash would (SIGKILL to the postmaster and its children). */
    public void kill() throws IOException {
        server.kill();
    }

    /** Starts the server again on the same data folder and port after {@link #kill} (crash recovery runs). */
    public void restart() throws IOException {
        server.restart();
    }

    /** Stops the server (fast shutdown) and deletes its folder. */
    public void stop() {
        server.stop();
    }
}
