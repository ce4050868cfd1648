package org.ztfclass.server.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * PostgreSQL's client programs ({@code pg_dump}, {@code pg_restore}): where they are and running
 * them. Looked for in {@code $ZTFCLASS_PG_BIN}, then on {@code PATH}, then in Debian's
 * {@code /usr/lib/postgresql/VERSION/bin} (newest version first). A program runs with this
 * process's environment, so it gets {@code PGUSER}, {@code PGPASSWORD} and {@code PGPASSFILE}
 * from there: credentials never go on a command line.
 */
final class PostgresTools {

    /** Environment variable naming a folder with the PostgreSQL programs to use. */
    static final String BIN_ENV = "ZTFCLASS_PG_BIN";

    private PostgresTools() {
    }

    /**
     * @param name {@code pg_dump} or {@code pg_restore}
     * @return the program's path
     * @throws BackupException if it is not installed, saying which package to install
     */
    static Path find(String name) throws BackupException {
        List<Path> candidates = new ArrayList<>();
        String bin = System.getenv(BIN_ENV);
        if (bin != null && !bin.isBlank()) {
            candidates.add(Path.of(bin, name));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, name));
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(Comparator.comparingInt(PostgresTools::version).reversed()).forEach(v -> candidates.add(v.resolve("bin").resolve(name)));
            } catch (IOException e) {
                // not readable: PATH only
            }
        }
        for (Path p : candidates) {
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        throw new BackupException(name + " is not installed (looked in $" + BIN_ENV + ", PATH and /usr/lib/postgresql/*/bin): "
                + "apt-get install postgresql-client (its version at least the server's)");
    }

    /**
     * Runs a program to its end.
     *
     * @param what    what it does, for the error message (e.g. "pg_dump of postgresql://db:5432/ztf")
     * @param command the program and its arguments (never a credential)
     * @throws BackupException if it cannot start or exits with a status other than 0 (with its error output)
     */
    static void run(String what, List<String> command) throws BackupException {
        Path log;
        try {
            log = Files.createTempFile("ztfclass-pg", ".log");
        } catch (IOException e) {
            throw new BackupException("cannot make a temporary file for " + what + ": " + e.getMessage(), e);
        }
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            int status = p.waitFor();
            if (status != 0) {
                String output = Files.readString(log, StandardCharsets.UTF_8).strip();
                throw new BackupException(what + " failed (exit status " + status + ")" + (output.isEmpty() ? "" : ":\n" + output));
            }
        } catch (IOException e) {
            throw new BackupException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException(what + " was interrupted", e);
        } finally {
            BackupFiles.deleteQuietly(log);
        }
    }

    private static int version(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
