package org.ztfclass.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.cli.Main;
import picocli.CommandLine;

/** What {@code --db} accepts, and how the command line answers a store it cannot use. */
class StoreLocationTest {

    @TempDir
    Path tmp;

    @Test
    void readsFilePathsAndPostgresAddresses() {
        StoreLocation file = StoreLocation.parse("data/ztf.db");
        assertFalse(file.isPostgres());
        assertTrue(file.file().isAbsolute() && file.file().endsWith(Path.of("data", "ztf.db")), file.toString());
        assertEquals("jdbc:sqlite:" + file.file(), file.jdbcUrl());

        StoreLocation pg = StoreLocation.parse("postgresql://db.example.org/ztfclass");
        assertTrue(pg.isPostgres());
        assertEquals(5432, pg.port());
        assertEquals("jdbc:postgresql://db.example.org:5432/ztfclass", pg.jdbcUrl());
        StoreLocation tls = StoreLocation.parse("postgres://10.0.0.5:6543/labels?sslmode=require");
        assertEquals("jdbc:postgresql://10.0.0.5:6543/labels?sslmode=require", tls.jdbcUrl());
        assertEquals("postgresql://10.0.0.5:6543/labels?sslmode=require", tls.toString());
    }

    @Test
    void refusesCredentialsAndMalformedAddresses() {
        IllegalArgumentException secret = assertThrows(IllegalArgumentException.class,
                () -> StoreLocation.parse("postgresql://alice:hunter2@db.example.org/ztfclass"));
        assertTrue(secret.getMessage().contains("PGPASSWORD") && !secret.getMessage().contains("hunter2"), secret.getMessage());
        for (String bad : new String[] {"postgresql://db.example.org", "postgresql:///ztfclass", "postgresql://h/a/b", "jdbc:sqlite:x.db", " "}) {
            assertThrows(IllegalArgumentException.class, () -> StoreLocation.parse(bad), bad);
        }
    }

    @Test
    void theCommandLineSaysWhatIsWrongInOneLineAndExitsTwo() throws Exception {
        String[] secret = run("ingest", "--db", "postgresql://alice:hunter2@localhost/ztfclass", tmp.toString());
        assertEquals("2", secret[0]);
        assertTrue(secret[1].startsWith("ztfclass ingest: --db must not carry a user name or password"), secret[1]);
        assertFalse(secret[1].contains("hunter2") || secret[1].contains("\tat "), secret[1]);

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort(); // nothing listens there once the socket is closed
        }
        String[] refused = run("user", "list", "--db", "postgresql://127.0.0.1:" + closed + "/ztfclass");
        assertEquals("2", refused[0]);
        assertTrue(refused[1].contains("cannot connect to PostgreSQL store postgresql://127.0.0.1:" + closed + "/ztfclass")
                && refused[1].contains("createdb") && !refused[1].contains("\tat "), refused[1]);
    }

    private static String[] run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), err.toString()};
    }
}
