package org.ztfclass.server.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the independent VO tools the tests check our VOTables with: STILTS {@code votlint}
 * (Debian package {@code stilts}) and astropy (Debian package {@code python3-astropy}, run
 * with {@code /usr/bin/python3}). Both are installed by {@code .ci/run}.
 */
final class ExternalTools {

    static final String PYTHON = "/usr/bin/python3";

    private ExternalTools() {
    }

    /** @return votlint's report on the file: empty when it finds nothing wrong */
    static String votlint(Path file) throws IOException, InterruptedException {
        requireOnPath("stilts", "Debian package stilts");
        return run(List.of("stilts", "votlint", "votable=" + file));
    }

    /** @return what {@code stilts ARGS...} printed (standard output and error) */
    static String stilts(String... args) throws IOException, InterruptedException {
        requireOnPath("stilts", "Debian package stilts");
        List<String> command = new java.util.ArrayList<>(List.of("stilts"));
        command.addAll(List.of(args));
        return run(command);
    }

    /** @return the JSON printed by astropy_votable_fields.py for the file */
    static String astropyFields(Path file, Path workDir) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            throw new IllegalStateException(PYTHON + " is missing: install Debian's python3-astropy (.ci/run does)");
        }
        Path script = workDir.resolve("astropy_votable_fields.py");
        try (var in = ExternalTools.class.getResourceAsStream("/astropy_votable_fields.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return run(List.of(PYTHON, script.toString(), file.toString())).trim();
    }

    /** @return what {@code /usr/bin/python3 -c CODE ARGS...} printed (standard output and error); fails if it exits non-zero */
    static String python(String code, String... args) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            throw new IllegalStateException(PYTHON + " is missing: install Debian's python3 (.ci/run does)");
        }
        List<String> command = new java.util.ArrayList<>(List.of(PYTHON, "-c", code));
        command.addAll(List.of(args));
        return run(command);
    }

    private static void requireOnPath(String tool, String pkg) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        throw new IllegalStateException(tool + " is not on PATH: install the " + pkg + " (.ci/run does)");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0 && !command.contains("votlint")) {
            throw new IOException(command + " exited " + p.exitValue() + ": " + text);
        }
        return text;
    }
}
