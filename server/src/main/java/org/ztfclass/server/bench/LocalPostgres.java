package org.ztfclass.server.bench;

import java.io.IOException;
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
 * A throwaway PostgreSQL cluster made from the operating system's {@code postgresql} package (for
 * benchmarks and tests): {@code initdb} into a temporary folder, {@code postgres} on a free
 * loopback port with trust authentication for the operating-system user running this JVM (its
 * name is the cluster's superuser, so {@code PGUSER} need not be set). PostgreSQL refuses to run
 * as root: as root the folder is given to the {@code postgres} system user and the server runs as
 * it through {@code runuser}. {@link #stop} stops it (fast shutdown) and deletes the folder; should
 * this JVM be killed, the watchdog shell that owns the server stops it when its standard input
 * closes.
 *
 * <p>Durability settings ({@code fsync}, {@code synchronous_commit}) stay at PostgreSQL's
 * defaults, so a kill test tests what a deployment gets. {@link #kill} is a crash (SIGKILL to the
 * postmaster and its children); {@link #restart} starts the server again on the same data folder
 * and port (PostgreSQL's crash recovery runs). Thread-safe for {@link #createDatabase}; start,
 * kill, restart and stop are for one controlling thread.
 */
public final class LocalPostgres implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final String user;
    private final boolean root;
    private final Path bin;
    private final AtomicInteger databases = new AtomicInteger();
    private Process watchdog;

    private LocalPostgres(Path dir, int port, String user, boolean root, Path bin) {
        this.dir = dir;
        this.port = port;
        this.user = user;
        this.root = root;
        this.bin = bin;
    }

    /** @return true when PostgreSQL's server programs ({@code initdb}, {@code postgres}) are installed here */
    public static boolean available() {
        return binDir() != null;
    }

    /**
     * Creates and starts a new cluster; the caller stops it.
     *
     * @throws IllegalStateException if PostgreSQL is not installed (the message says what to install)
     * @throws IOException if initdb or the server fails (the message holds PostgreSQL's log)
     */
    public static LocalPostgres start() throws IOException {
        Path bin = binDir();
        if (bin == null) {
            throw new IllegalStateException("PostgreSQL is not installed: apt-get install postgresql (initdb and postgres are needed), "
                    + "or set ZTFCLASS_PG_BIN to the folder holding them");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("ztfclass-pg");
        Path data = dir.resolve("data");
        Files.createDirectories(dir.resolve("socket"));
        String user = System.getProperty("user.name");
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
        }
        run(asServer(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", user, "--auth=trust",
                "-E", "UTF8", "--locale=C", "--no-sync")));
        LocalPostgres cluster = new LocalPostgres(dir, freePort(), user, root, bin);
        cluster.launch();
        return cluster;
    }

    /** Runs postgres under a watchdog shell that stops it (fast shutdown) when this JVM's end of its stdin closes. */
    private void launch() throws IOException {
        String postgres = String.join(" ", quote(asServer(root, List.of(bin.resolve("postgres").toString(), "-D",
                dir.resolve("data").toString(), "-p", Integer.toString(port), "-k", dir.resolve("socket").toString(),
                "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", "-c", "shared_buffers=64MB"))));
        // SIGINT (fast shutdown) goes to the postmaster itself (its pid file) too: as root its parent is runuser,
        // which ignores SIGINT
        String script = postgres + " >>" + dir.resolve("postgres.log") + " 2>&1 & pid=$!; cat >/dev/null; "
                + "kill -INT $(head -n 1 '" + dir.resolve("data").resolve("postmaster.pid") + "' 2>/dev/null) $pid 2>/dev/null; wait $pid";
        watchdog = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("watchdog.log").toFile())).start();
        awaitReady();
    }

    /** @return the folder with the cluster's data and logs */
    public Path dir() {
        return dir;
    }

    /** @return the loopback port it listens on */
    public int port() {
        return port;
    }

    /** @return the superuser name (the operating-system user running this JVM) */
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

    /** @return a database name not used yet in this cluster, starting with (a cleaned) {@code prefix} */
    private String newName(String prefix) {
        String name = prefix.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_" + databases.incrementAndGet() + "_"
                + ProcessHandle.current().pid();
        if (name.length() > 60) {
            name = name.substring(name.length() - 60);
        }
        if (!Character.isLetter(name.charAt(0))) {
            name = "d" + name.substring(1);
        }
        return name;
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
            List<ProcessHandle> children = p.descendants().toList();
            p.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
                for (ProcessHandle c : children) {
                    c.onExit().get(30, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                // gone or going; restart waits for the port anyway
            }
        });
    }

    /**
     * Starts the server again on the same data folder and port after {@link #kill} (or a stop
     * outside this class): PostgreSQL recovers from its write-ahead log; returns once it answers.
     */
    public void restart() throws IOException {
        Process old = watchdog;
        old.getOutputStream().close();
        try {
            if (!old.waitFor(30, TimeUnit.SECONDS)) {
                old.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the old PostgreSQL watchdog ended");
        }
        launch();
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

    /** Same as {@link #stop}. */
    @Override
    public void close() {
        stop();
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

    /** @return the folder with initdb and postgres ({@code $ZTFCLASS_PG_BIN}, the newest /usr/lib/postgresql/N/bin, or PATH), or null */
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
