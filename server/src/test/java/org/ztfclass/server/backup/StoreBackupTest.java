package org.ztfclass.server.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.PostgresCluster;
import org.ztfclass.server.Samples;
import org.ztfclass.server.auth.Role;
import org.ztfclass.server.auth.User;
import org.ztfclass.server.auth.UserStore;
import org.ztfclass.server.cli.Main;
import org.ztfclass.server.ingest.IngestProgress;
import org.ztfclass.server.ingest.IngestService;
import org.ztfclass.server.labels.LabelRequest;
import org.ztfclass.server.labels.LabelService;
import org.ztfclass.server.labels.LabelSource;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.StoreContents;
import org.ztfclass.server.store.StoreLocation;
import org.ztfclass.server.store.StoreWriter;
import picocli.CommandLine;

/**
 * {@code ztfclass backup} and {@code restore} on both engines: a store with ingested alerts, an
 * account and labels is backed up, changed after the backup, and restored (refused without
 * {@code --force} while it holds data); afterwards every table has the rows it had at the backup and
 * the label log is the same, event for event. A backup also restores into a new store, and each
 * engine refuses the other's backup. PostgreSQL runs on the tests' throwaway cluster with Debian's
 * pg_dump and pg_restore.
 */
class StoreBackupTest {

    @TempDir
    Path tmp;

    @Test
    void sqliteRoundTripThroughTheCommandLine() throws Exception {
        String location = tmp.resolve("store.db").toString();
        roundTrip(location, tmp.resolve("copy.db").toString(), tmp.resolve("store.backup"));
    }

    @Test
    void postgresqlRoundTrip() throws Exception {
        PostgresCluster pg = PostgresCluster.shared();
        roundTrip(pg.createDatabase("backup_src"), pg.createDatabase("backup_new"), tmp.resolve("store.pgdump"));
    }

    @Test
    void eachEngineRefusesTheOthersBackupAndABackupNeverOverwrites() throws Exception {
        Path sqliteBackup = tmp.resolve("s.backup");
        String sqlite = tmp.resolve("s.db").toString();
        String postgres = PostgresCluster.shared().createDatabase("backup_kinds");
        try (Database a = Database.open(sqlite); Database b = Database.open(postgres)) {
            // two migrated, empty stores
        }
        Path pgBackup = tmp.resolve("p.pgdump");
        assertEquals(0, cli("backup", "--db", sqlite, "--out", sqliteBackup.toString()));
        assertEquals(0, cli("backup", "--db", postgres, "--out", pgBackup.toString()));
        BackupException exists = assertThrows(BackupException.class, () -> StoreBackup.of(StoreLocation.parse(sqlite)).backup(sqliteBackup));
        assertTrue(exists.getMessage().contains("never overwrites"), exists.getMessage());
        BackupException wrong = assertThrows(BackupException.class,
                () -> StoreBackup.of(StoreLocation.parse(sqlite)).restore(pgBackup, true));
        assertTrue(wrong.getMessage().contains("PostgreSQL dump"), wrong.getMessage());
        wrong = assertThrows(BackupException.class, () -> StoreBackup.of(StoreLocation.parse(postgres)).restore(sqliteBackup, true));
        assertTrue(wrong.getMessage().contains("SQLite store"), wrong.getMessage());
        assertFalse(Files.exists(tmp.resolve("s.backup.partial")));
    }

    @Test
    void postgresProgramsGetTheAddressButNoCredentials() {
        PostgresBackup b = new PostgresBackup(StoreLocation.parse("postgresql://db.example:6543/ztf class?sslmode=require".replace(" ", "%20")));
        assertEquals("postgresql://db.example:6543/ztf%20class?sslmode=require", b.address());
        assertThrows(IllegalArgumentException.class, () -> StoreLocation.parse("postgresql://u:secret@db.example/ztf"));
    }

    /** Fills {@code location}, backs it up, changes it, restores it, and checks it is as it was; then restores into {@code fresh}. */
    private void roundTrip(String location, String fresh, Path backup) throws Exception {
        List<String> labelsAtBackup;
        StoreContents atBackup;
        try (Database db = Database.open(location)) {
            new IngestService(new StoreWriter(db)).ingest(List.of(Samples.path("alerts")), IngestProgress.SILENT);
            User labeller = new UserStore(db).create("labeller", Role.LABELLER, "labeller-password");
            List<String> objects = StoreRows.rows(db, "SELECT object_id FROM objects ORDER BY object_id");
            assertTrue(objects.size() >= 3, "the sample has objects");
            new LabelService(db).submit(labeller, LabelSource.WEB, List.of(new LabelRequest(objects.get(0), "SN_IA", 0.9, "before"),
                    new LabelRequest(objects.get(1), "SN_II", null, null)));
            labelsAtBackup = StoreRows.labels(db);
            atBackup = StoreContents.read(db.location());

            assertEquals(0, cli("backup", "--db", location, "--out", backup.toString()));
            assertTrue(Files.size(backup) > 0);

            // after the backup: a new label, a new account, a lost object's cutouts
            new LabelService(db).submit(labeller, LabelSource.WEB, List.of(new LabelRequest(objects.get(2), "OTHER", null, "after")));
            new UserStore(db).create("later", Role.VIEWER, "later-password");
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM cutouts");
            }
            assertNotEquals(atBackup, StoreContents.read(db.location()));
        }

        // the store holds data: refused without --force, and nothing changes
        BackupException refused = assertThrows(BackupException.class,
                () -> StoreBackup.of(StoreLocation.parse(location)).restore(backup, false));
        assertTrue(refused.getMessage().contains("--force") && refused.getMessage().contains("labels"), refused.getMessage());
        assertNotEquals(0, cli("restore", "--db", location, backup.toString()));

        assertEquals(0, cli("restore", "--db", location, "--force", backup.toString()));
        try (Database db = Database.open(location)) {
            assertEquals(atBackup, StoreContents.read(db.location()), "every table has the rows it had at the backup");
            assertEquals(labelsAtBackup, StoreRows.labels(db), "the label log, event for event");
            assertTrue(new UserStore(db).authenticate("labeller", "labeller-password").isPresent());
            assertTrue(new UserStore(db).byName("later").isEmpty());
        }

        // into a new store: no --force needed
        assertEquals(0, cli("restore", "--db", fresh, backup.toString()));
        try (Database db = Database.open(fresh)) {
            assertEquals(atBackup, StoreContents.read(db.location()));
            assertEquals(labelsAtBackup, StoreRows.labels(db));
        }
    }

    private static int cli(String... args) {
        return new CommandLine(new Main()).execute(args);
    }
}
