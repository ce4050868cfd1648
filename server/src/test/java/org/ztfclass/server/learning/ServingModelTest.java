package org.ztfclass.server.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ztfclass.models.bundle.ModelBundle;
import org.ztfclass.server.Samples;
import org.ztfclass.server.TestStores;
import org.ztfclass.server.store.Database;

/**
 * Every process follows the serving version that any process promotes or rolls back: two
 * {@link ServingModel}s over two {@link Database} instances on one store (two processes) pick up
 * a switch in {@code model_versions} after their check period, loading the bundle from the folder
 * the store records; a version whose folder is unreadable here keeps the bundle they have.
 */
class ServingModelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-05T00:00:00Z"));

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }
    }

    /** @return a copy of the shipped bundle whose manifest names {@code version} */
    private Path bundle(String version) throws Exception {
        Path shipped = Samples.root().getParent().resolve("models/ztfclass-default");
        Path dir = tmp.resolve(version);
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(shipped)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        ObjectNode manifest = (ObjectNode) JSON.readTree(dir.resolve(ModelBundle.MANIFEST).toFile());
        manifest.put("version", version);
        JSON.writeValue(dir.resolve(ModelBundle.MANIFEST).toFile(), manifest);
        return dir;
    }

    /** Makes {@code version} the only serving one, as a promotion or rollback by another process would. */
    private static void serve(Database db, String version, Path dir) throws Exception {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("UPDATE model_versions SET status = 'retired' WHERE status = 'serving'")) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO model_versions (version, created_at, status, bundle_path) "
                    + "VALUES (?, ?, 'serving', ?) ON CONFLICT (version) DO UPDATE SET status = 'serving'")) {
                ps.setString(1, version);
                ps.setString(2, Instant.now().toString());
                ps.setString(3, dir.toString());
                ps.executeUpdate();
            }
            c.commit();
        }
    }

    @Test
    void bothProcessesFollowPromotionsAndRollbacks() throws Exception {
        Path a = bundle("v-a");
        Path b = bundle("v-b");
        String location = TestStores.location(tmp.resolve("serving.db"));
        TestClock clock = new TestClock();
        try (Database first = Database.open(location); Database second = Database.open(location)) {
            serve(first, "v-a", a);
            ModelBundle loaded = ModelBundle.load(a);
            ServingModel one = ServingModel.following(first, loaded, Duration.ofSeconds(5), clock);
            ServingModel two = ServingModel.following(second, null, Duration.ofSeconds(5), clock);
            assertEquals("v-a", one.current().manifest().version());
            assertEquals("v-a", two.current().manifest().version(), "a process started with no model loads the serving one");

            serve(second, "v-b", b); // promoted by the second process
            assertEquals("v-a", one.current().manifest().version(), "not checked again before its period");
            clock.advance(Duration.ofSeconds(5));
            assertEquals("v-b", one.current().manifest().version());
            assertEquals("v-b", two.current().manifest().version());

            serve(first, "v-a", a); // rolled back by the first
            clock.advance(Duration.ofSeconds(5));
            assertEquals("v-a", one.current().manifest().version());
            assertEquals("v-a", two.current().manifest().version());

            serve(first, "v-missing", tmp.resolve("not-on-this-host"));
            clock.advance(Duration.ofSeconds(5));
            assertEquals("v-a", one.current().manifest().version(), "an unreadable bundle keeps the one it has");
            assertEquals("v-a", two.current().manifest().version());
        }
    }

    @Test
    void aFixedModelNeverChanges() {
        assertNull(ServingModel.fixed(null).current());
    }
}
