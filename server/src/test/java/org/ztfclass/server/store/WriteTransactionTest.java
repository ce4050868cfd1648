package org.ztfclass.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.TestStores;

/**
 * {@link Database#inWriteTransaction} and {@link Database#inTransaction}: what the work wrote is kept when it returns and gone when it
 * throws (a runtime, an SQL or a checked exception of its own, each rethrown as it was), and the
 * connection is left usable in auto-commit mode. Runs on SQLite and, in the PostgreSQL run, on
 * PostgreSQL.
 */
class WriteTransactionTest {

    @TempDir
    static Path tmp;

    private static Database db;

    /** A checked exception of the caller's own, as {@code JobLog.AlreadyRunning} is. */
    private static final class Refused extends Exception {
        Refused() {
            super("refused");
        }
    }

    @BeforeAll
    static void open() throws SQLException {
        db = TestStores.open(tmp.resolve("transactions.db"));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void whatTheWorkWroteIsKeptWhenItReturns() throws SQLException {
        int answer = db.inWriteTransaction("test", c -> {
            insertUser(c, "kept");
            return 42;
        });
        assertEquals(42, answer);
        assertEquals(1, users("kept"));
    }

    @Test
    void whatTheWorkWroteIsGoneWhenItThrows() throws SQLException {
        IllegalStateException runtime = new IllegalStateException("stop");
        assertSame(runtime, assertThrows(IllegalStateException.class, () -> db.inWriteTransaction("test", c -> {
            insertUser(c, "runtime");
            throw runtime;
        })));
        assertThrows(Refused.class, () -> db.<Void, Refused>inWriteTransaction("test", c -> {
            insertUser(c, "checked");
            throw new Refused();
        }));
        assertThrows(SQLException.class, () -> db.inWriteTransaction("test", c -> {
            insertUser(c, "sql");
            insertUser(c, "sql"); // the user name is unique
            return null;
        }));
        assertEquals(0, users("runtime"));
        assertEquals(0, users("checked"));
        assertEquals(0, users("sql"));
    }

    @Test
    void theCallersConnectionStaysInAutoCommitModeAfterEitherEnd() throws SQLException {
        try (Connection c = db.connect()) {
            assertThrows(IllegalStateException.class, () -> db.inWriteTransaction(c, "test", tx -> {
                insertUser(tx, "first try");
                throw new IllegalStateException("stop");
            }));
            assertTrue(c.getAutoCommit());
            db.inWriteTransaction(c, "test", tx -> {
                insertUser(tx, "second try");
                return null;
            });
            assertTrue(c.getAutoCommit());
            insertUser(c, "after"); // in auto-commit mode again: no transaction left open
        }
        assertEquals(0, users("first try"));
        assertEquals(1, users("second try"));
        assertEquals(1, users("after"));
    }

    @Test
    void aTransactionWithoutTheWriteLockIsAllOrNoneToo() throws SQLException {
        assertEquals("done", db.inTransaction(c -> {
            insertUser(c, "plain kept");
            return "done";
        }));
        assertThrows(Refused.class, () -> db.<Void, Refused>inTransaction(c -> {
            insertUser(c, "plain dropped");
            throw new Refused();
        }));
        assertThrows(SQLException.class, () -> db.inTransaction(c -> {
            insertUser(c, "plain duplicate");
            insertUser(c, "plain duplicate");
            return null;
        }));
        assertEquals(1, users("plain kept"));
        assertEquals(0, users("plain dropped"));
        assertEquals(0, users("plain duplicate"));
    }

    private static void insertUser(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (name, password_hash, role, created_at) "
                + "VALUES (?, 'x', 'labeller', '2026-12-05T00:00:00Z')")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }

    private static int users(String name) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
