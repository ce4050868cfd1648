package org.ztfclass.server.cli;

import org.ztfclass.server.TestStores;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.server.store.Database;
import org.ztfclass.server.store.PredictionStore;

/** {@code stream} without --model finds the serving version's bundle: recorded by the store, or a folder whose manifest names it. */
class ServingBundleTest {

    @TempDir
    Path tmp;

    @Test
    void findsTheServingVersionsFolder() throws Exception {
        Database db = TestStores.open(tmp.resolve("s.db"));
        Path shipped = folder("shipped", "v1");
        Path other = folder("other", "v0");
        ServingBundle.Result none = ServingBundle.locate(db, List.of(shipped));
        assertNull(none.dir());
        assertTrue(none.why().contains("no serving model version"), none.why());

        new PredictionStore(db).write("v1", null, null, List.of()); // as score/demo record it: no folder
        assertEquals(shipped, ServingBundle.locate(db, List.of(other, shipped)).dir(), "the candidate whose manifest names v1");
        ServingBundle.Result missing = ServingBundle.locate(db, List.of(other));
        assertNull(missing.dir());
        assertTrue(missing.why().contains("v1") && missing.why().contains(other.toString()), missing.why());

        Path retrained = folder("retrained", "v1");
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("UPDATE model_versions SET bundle_path = ? WHERE version = 'v1'")) {
            ps.setString(1, retrained.toString());
            ps.executeUpdate();
        }
        assertEquals(retrained, ServingBundle.locate(db, List.of(shipped)).dir(), "the folder the store recorded comes first");
    }

    private Path folder(String name, String version) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Files.writeString(dir.resolve("manifest.json"), "{\"version\": \"" + version + "\", \"other\": 1}");
        return dir;
    }
}
