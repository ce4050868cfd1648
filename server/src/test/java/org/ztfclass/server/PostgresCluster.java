package org.ztfclass.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One throwaway PostgreSQL cluster for the tests of this JVM, made from Debian's {@code postgresql}
 * package: {@code initdb} into a temporary folder, {@code postgres} on a free loopback port with
 * trust authentication for the operating-system user that runs the tests (its name is the cluster's
 * superuser, so {@code PGUSER} need not be set). PostgreSQL refuses to run as root: as root the
 * folder is given to the {@code postgres} system user and the server runs as it through
 * {@code runuser}. Started by the first test that asks, stopped when the JVM exits, and, should the
 * JVM be killed, when the watchdog shell that owns it sees its standard input close.
 *
 * <p>Durability settings ({@code fsync}, {@code synchronous_commit}) stay at PostgreSQL's
 * defaults, so the kill tests test what a deployment gets.
 */
public final class PostgresCluster {

    private static PostgresCluster shared;

    private final Path dir;
    private final int port;
    private final String user;
    private final Process watchdog;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresCluster(Path dir, int port, String user, Process watchdog) {
        this.dir = dir;
        this.port = port;
        this.user = user;
        this.watchdog = watchdog;
    }

    /** @return true when PostgreSQL's server programs are installed here */
    public static boolean available() {
        return binDir() != null;
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
        Path bin = binDir();
        if (bin == null) {
            throw new IllegalStateException("PostgreSQL is not installed: apt-get install postgresql (the tests need its initdb and postgres)");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("ztfclass-pg");
        Path data = dir.resolve("data");
        Path socket = dir.resolve("socket");
        Files.createDirectories(socket);
        String user = System.getProperty("user.name");
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
        }
        run(asServer(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", user, "--auth=trust",
                "-E", "UTF8", "--locale=C", "--no-sync")));
        int port = freePort();
        String postgres = String.join(" ", quote(asServer(root, List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", Integer.toString(port), "-k", socket.toString(), "-c", "listen_addresses=127.0.0.1",
                "-c", "max_connections=300", "-c", "shared_buffers=64MB"))));
        // the watchdog: runs postgres, and stops it (fast shutdown) when the JVM's end of its stdin closes;
        // SIGINT goes to the postmaster itself (its pid file), since runuser, its parent as root, ignores SIGINT
        String script = postgres + " >" + dir.resolve("postgres.log") + " 2>&1 & pid=$!; cat >/dev/null; "
                + "kill -INT $(head -n 1 '" + data.resolve("postmaster.pid") + "' 2>/dev/null) $pid 2>/dev/null; wait $pid";
        Process watchdog = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true)
                .redirectOutput(dir.resolve("watchdog.log").toFile()).start();
        PostgresCluster cluster = new PostgresCluster(dir, port, user, watchdog);
        cluster.awaitReady();
        return cluster;
    }

    /** @return the folder with the cluster's data and logs */
    public Path dir() {
        return dir;
    }

    /** @return the loopback port it listens on */
    public int port() {
        return port;
    }

    /** @return the superuser name (the operating-system user running the tests) */
    public String user() {
        return user;
    }

    /**
     * Creates a new empty database.
     *
     * @param prefix a readable start of its name
     * @return its {@code --db} location, {@code postgresql://127.0.0.1:PORT/NAME}
     */
    public String createDatabase(String prefix) {
        String name = newName(prefix);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return "postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** @return a database name not used yet in this cluster, starting with (a cleaned) {@code prefix} */
    private String newName(String prefix) {
        String name = (prefix.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_" + databases.incrementAndGet() + "_"
                + ProcessHandle.current().pid());
        if (name.length() > 60) {
            name = name.substring(name.length() - 60);
        }
        if (!Character.isLetter(name.charAt(0))) {
            name = "d" + name.substring(1);
        }
        return name;
    }

    /**
     * Copies a database (PostgreSQL's {@code CREATE DATABASE ... TEMPLATE}); the sessions open on
     * the original are ended first, as the copy requires (a pool reconnects on its next use).
     *
     * @return the copy's {@code --db} location
     */
    public String copyDatabase(String original, String prefix) {
        String name = newName(prefix);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
                ps.setString(1, original);
                ps.execute();
            }
            s.execute("CREATE DATABASE " + name + " TEMPLATE " + original);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy database " + original + ": " + e.getMessage(), e);
        }
        return "postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** @return a superuser connection to the {@code postgres} database */
    public Connection admin() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", user, "");
    }

    /** Stops the server immediately, as a crash would (SIGKILL to the postmaster and its children). */
    public void kill() throws IOException {
        Path pidFile = dir.resolve("data").resolve("postmaster.pid");
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        ProcessHandle.of(pid).ifPresent(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
    }

    /** Stops the server (fast shutdown) and deletes its folder. */
    public void stop() {
        try {
            watchdog.getOutputStream().close();
            if (!watchdog.waitFor(30, TimeUnit.SECONDS)) {
                watchdog.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            watchdog.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!watchdog.isAlive()) {
                throw new IOException("PostgreSQL did not start: " + log());
            }
            try (Connection c = admin()) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while PostgreSQL started");
            }
        }
        throw new IOException("PostgreSQL did not answer within 60 s (" + (last == null ? "" : last.getMessage()) + "): " + log());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("postgres.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static List<String> asServer(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> c = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        c.addAll(command);
        return c;
    }

    private static List<String> quote(List<String> words) {
        return words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").toList();
    }

    private static void run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** @return the folder with initdb and postgres, or null when PostgreSQL is not installed */
    static Path binDir() {
        String env = System.getenv("ZTFCLASS_PG_BIN");
        if (env != null && Files.isExecutable(Path.of(env, "postgres"))) {
            return Path.of(env);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Path best = versions.filter(v -> Files.isExecutable(v.resolve("bin/postgres")))
                        .max(Comparator.comparingInt(v -> parseVersion(v.getFileName().toString()))).orElse(null);
                if (best != null) {
                    return best.resolve("bin");
                }
            } catch (IOException e) {
                // fall through to PATH
            }
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!p.isEmpty() && Files.isExecutable(Path.of(p, "postgres")) && Files.isExecutable(Path.of(p, "initdb"))) {
                return Path.of(p);
            }
        }
        return null;
    }

    private static int parseVersion(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
