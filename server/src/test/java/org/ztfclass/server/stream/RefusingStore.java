package org.ztfclass.server.stream;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.ztfclass.server.store.Database;

/**
 * Makes an SQLite store refuse every alert while told to, as a full disk or a broken database would: a trigger aborts
 * each insert into {@code alerts} with {@link #MESSAGE} while the table {@code refuse} has a row.
 */
final class RefusingStore {

    /** The error the store gives while refusing. */
    static final String MESSAGE = "refused for the test";

    private RefusingStore() {
    }

    /** Installs the trigger, refusing from now on. */
    static void install(Database db) throws SQLException {
        sql(db, "CREATE TABLE refuse (x INTEGER)");
        sql(db, "CREATE TRIGGER refuse_alerts BEFORE INSERT ON alerts WHEN EXISTS (SELECT 1 FROM refuse) "
                + "BEGIN SELECT RAISE(ABORT, '" + MESSAGE + "'); END");
        sql(db, "INSERT INTO refuse VALUES (1)");
    }

    /** Takes alerts again (the trigger stays). */
    static void accept(Database db) throws SQLException {
        sql(db, "DELETE FROM refuse");
    }

    /** Removes the trigger and its table, leaving the store's own tables only. */
    static void remove(Database db) throws SQLException {
        sql(db, "DROP TRIGGER refuse_alerts");
        sql(db, "DROP TABLE refuse");
    }

    /** @return the rows of {@code table} */
    static int count(Database db, String table) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            return rs.getInt(1);
        }
    }

    private static void sql(Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
